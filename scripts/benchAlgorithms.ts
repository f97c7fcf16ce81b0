/**
 * Algorithm benchmark cases for `npm run bench` (scripts/benchCases.ts adds `algorithmBenchCases`),
 * and a validity sweep over every built-in set. Runs on the replication package's data when it
 * sits beside the repository, else on the built-in data source.
 *
 * `npx tsx scripts/benchAlgorithms.ts [DATA]` runs only the validity sweep and prints its findings
 * (DATA: a `--data` spec such as `builtin`; default as above).
 */
import { resolve } from 'node:path';
import { samplePopulation } from '../algorithms/operators/samplePopulation.js';
import type { Individual } from '../algorithms/problem/individual.js';
import { createProblem, type Problem } from '../algorithms/problem/problem.js';
import { Rng } from '../algorithms/random/rng.js';
import { algorithmNames, getAlgorithm } from '../algorithms/registry.js';
import { RESS_VARIANTS } from '../datasets/baselineExperiments.js';
import { openDataSource, type DataSource, type Ress } from '../datasets/dataSource.js';
import { findFenrirFolder } from '../datasets/fenrirLocation.js';
import type { BenchCase } from './benchCases.js';

/** The paper's data if present, else the project's own. */
export function benchDataSource(): DataSource {
  const fenrir = findFenrirFolder();
  return openDataSource(fenrir ? `fenrir:${fenrir}` : 'builtin');
}

function problemOf(source: DataSource, size: number, ress: Ress): Problem {
  return createProblem(source.profile(), source.experimentSet(size, ress, 1), { source: `${source.name} ${ress} n${size}` });
}

/**
 * One timed run per call. Each call starts from the same population and seed, so every batch
 * does exactly the same work; GA/LS/SA start from a pre-sampled population (the paper's set-up),
 * and RS times the sampling itself.
 */
export function algorithmBenchCases(): BenchCase[] {
  const source = benchDataSource();
  const problem = problemOf(source, 30, 'mid');
  let population: Individual[] | undefined;
  const initialPopulation = () => (population ??= samplePopulation(problem, 40, Rng.fromSeed(1)));
  const timedRun = (name: string, params: Record<string, unknown>, shared: boolean) => () => {
    const algorithm = getAlgorithm(name);
    const result = algorithm.run(problem, algorithm.paramsSchema.parse(params), {
      rng: Rng.fromSeed(2),
      initialPopulation: shared ? initialPopulation() : undefined,
    });
    if (!result.best.valid) throw new Error(`${name} returned an invalid schedule on ${source.name} mid n30`);
  };
  const on = `30 mid experiments (${source.name.startsWith('fenrir') ? 'paper data' : 'builtin data'})`;
  return [
    { name: `algorithm: GA population 40 × 90 generations, ${on}`, run: timedRun('genetic', { populationSize: 40, generations: 90 }, true), iterations: 1, batches: 3 },
    { name: `algorithm: LS 3000 iterations, ${on}`, run: timedRun('local-search', { iterations: 3000 }, true), iterations: 1, batches: 5 },
    { name: `algorithm: SA 3000 iterations, ${on}`, run: timedRun('simulated-annealing', { iterations: 3000 }, true), iterations: 1, batches: 5 },
    { name: `algorithm: RS 40 samples, ${on}`, run: timedRun('random-sampling', { populationSize: 40 }, false), iterations: 1, batches: 5 },
    // goals (issue 11): greedy ≤ 20 ms on 30 experiments, ≤ 5 s on 1000 on the 12-month profile
    { name: `algorithm: greedy, ${on}`, run: timedRun('greedy', {}, false), iterations: 1, batches: 11 },
    { name: 'algorithm: greedy, 1000 mid experiments (builtin data, 12-month profile)', run: greedyOnBuiltin(1000), iterations: 1, batches: 3 },
    {
      name: 'algorithm: validity sweep, every set 10–70 × low/mid/high, every algorithm, small budgets',
      run: () => {
        const findings = validitySweep(source);
        for (const finding of findings) console.warn(`INVALID: ${finding}`);
      },
      iterations: 1,
      batches: 1,
    },
  ];
}

/** A greedy run on a large built-in set (the problem is built once, outside the timed call). */
function greedyOnBuiltin(size: number): () => void {
  let problem: Problem | undefined;
  const greedy = getAlgorithm('greedy');
  const params = greedy.paramsSchema.parse({});
  return () => {
    problem ??= problemOf(openDataSource('builtin'), size, 'mid');
    const result = greedy.run(problem, params, { rng: Rng.fromSeed(1) });
    if (!result.best.valid) throw new Error(`greedy returned an invalid schedule on builtin mid n${size}`);
  };
}

export const SWEEP_SIZES: readonly number[] = Array.from({ length: 13 }, (_, i) => 10 + 5 * i);

/** Small budgets: enough to exercise every operator, quick enough for 39 sets × every algorithm. */
const SWEEP_PARAMS: Record<string, number> = { populationSize: 10, generations: 5, iterations: 100 };

/**
 * Runs every registered algorithm once on every set size × RESS and returns one line per
 * problem found (invalid or incomplete result, or a run that threw), empty when all are valid.
 */
export function validitySweep(source: DataSource = benchDataSource(), sizes: readonly number[] = SWEEP_SIZES): string[] {
  const findings: string[] = [];
  for (const ress of RESS_VARIANTS) {
    for (const size of sizes) {
      const where = `${source.name} ${ress} n${size}`;
      try {
        const problem = problemOf(source, size, ress);
        const initialPopulation = samplePopulation(problem, SWEEP_PARAMS.populationSize, Rng.fromSeed(size));
        for (const name of algorithmNames()) {
          const algorithm = getAlgorithm(name);
          const defaults = algorithm.paramsSchema.parse({}) as Record<string, unknown>;
          const params = Object.fromEntries(Object.keys(defaults).filter((key) => key in SWEEP_PARAMS).map((key) => [key, SWEEP_PARAMS[key]]));
          const { best } = algorithm.run(problem, algorithm.paramsSchema.parse(params), { rng: Rng.fromSeed(1), initialPopulation });
          if (!best.valid || !best.complete) findings.push(`${where}: ${name} returned an ${best.valid ? 'incomplete' : 'invalid'} schedule`);
        }
      } catch (error) {
        findings.push(`${where}: ${(error as Error).message}`);
      }
    }
  }
  return findings;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const source = process.argv[2] ? openDataSource(process.argv[2]) : benchDataSource();
  const started = performance.now();
  const findings = validitySweep(source);
  const runs = SWEEP_SIZES.length * RESS_VARIANTS.length * algorithmNames().length;
  console.log(`validity sweep on ${source.name}: ${runs} runs, ${findings.length} problem(s), ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const finding of findings) console.log(`  ${finding}`);
  if (findings.length > 0) process.exitCode = 1;
}
