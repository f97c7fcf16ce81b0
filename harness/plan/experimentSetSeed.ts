import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deriveSeed } from '../../algorithms/random/rng.js';
import { BENCHMARK_BASE_RESS, isBenchmarkSetName } from '../../datasets/benchmark/benchmarkSets.js';
import type { SetName } from '../../datasets/experimentSets.js';
import { REPO_ROOT } from '../../datasets/fenrirLocation.js';

/**
 * The seed of a RESS variant's scaled experiment sets (priorities of sizes above 10) in a study:
 * one per RESS, so that every smaller set is a prefix of the larger ones, as in the package. A
 * benchmark set takes its base RESS's seed: bench/load/x4:30 is the studies' mid:30 with more traffic.
 */
export const experimentSetSeed = (baseSeed: number, set: SetName): number =>
  deriveSeed(baseSeed, `experiments/${isBenchmarkSetName(set) ? BENCHMARK_BASE_RESS : set}`);

/** The study config whose sets the CLIs' default set seed reproduces. */
export const PAPER_CONFIG = 'configs/paper.json';

let paperSeed: number | undefined;

/** `baseSeed` of configs/paper.json (every shipped config uses the same one). */
export function paperBaseSeed(): number {
  if (paperSeed === undefined) {
    const path = resolve(REPO_ROOT, PAPER_CONFIG);
    const baseSeed = (JSON.parse(readFileSync(path, 'utf8')) as { baseSeed?: unknown }).baseSeed;
    if (typeof baseSeed !== 'number' || !Number.isInteger(baseSeed)) throw new Error(`${path}: baseSeed: must be an integer`);
    paperSeed = baseSeed;
  }
  return paperSeed;
}

/**
 * The set seed the CLIs use: the one given (`--set-seed`), else the studies' seed of that RESS
 * variant, so that `--set mid:30` is the 30-experiment medium set every study runs on.
 */
export function cliExperimentSetSeed(ress: SetName, given: number | undefined): { seed: number; origin: string } {
  if (given !== undefined) return { seed: given, origin: '--set-seed' };
  return { seed: experimentSetSeed(paperBaseSeed(), ress), origin: `the studies' set: baseSeed ${paperBaseSeed()} of ${PAPER_CONFIG}` };
}
