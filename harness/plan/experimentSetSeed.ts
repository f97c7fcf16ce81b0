import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deriveSeed } from '../../algorithms/random/rng.js';
import type { Ress } from '../../datasets/dataSource.js';
import { REPO_ROOT } from '../../datasets/fenrirLocation.js';

/**
 * The seed of a RESS variant's scaled experiment sets (priorities of sizes above 10) in a study:
 * one per RESS, so that every smaller set is a prefix of the larger ones, as in the package.
 */
export const experimentSetSeed = (baseSeed: number, ress: Ress): number => deriveSeed(baseSeed, `experiments/${ress}`);

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
export function cliExperimentSetSeed(ress: Ress, given: number | undefined): { seed: number; origin: string } {
  if (given !== undefined) return { seed: given, origin: '--set-seed' };
  return { seed: experimentSetSeed(paperBaseSeed(), ress), origin: `the studies' set: baseSeed ${paperBaseSeed()} of ${PAPER_CONFIG}` };
}
