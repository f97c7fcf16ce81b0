/**
 * The benchmark cases of `npm run bench` and their timing. `scripts/bench.ts` runs them in a
 * worker thread (scripts/benchWorker.mjs), as `npm run replicate` runs trials.
 *
 * Why a worker: under tsx, a process that has loaded some packages (yargs, vega-lite: seen with
 * `node --trace-protector-invalidation`) has V8's "ArrayBuffer detaching" protector invalidated,
 * and from then on every typed-array access carries a detach check (`npm run bench -- --in-process`
 * shows it: 51 µs instead of 43 µs for the full evaluation below). The trial workers of
 * `npm run replicate` load only the model and the algorithms, and so does this worker.
 */
import { resolve } from 'node:path';
import { individualOfScheduleFile } from '../algorithms/problem/scheduleFormat.js';
import type { Individual } from '../algorithms/problem/individual.js';
import { DEFAULT_FENRIR_FOLDER, findFenrirFolder } from '../datasets/fenrirLocation.js';
import { readProfileFile, readScheduleFile } from '../harness/io/readInputs.js';
import { highsSolver } from '../algorithms/bounds/highsSolver.js';
import { algorithmBenchCases } from './benchAlgorithms.js';
import { boundBenchCases } from './benchBounds.js';

export interface BenchCase {
  readonly name: string;
  /** one call of the measured operation */
  readonly run: () => void;
  /** calls per batch */
  readonly iterations: number;
  /** batches to time (default 15; runs of seconds need fewer) */
  readonly batches?: number;
  /** calls before timing starts, for the JIT (default: half a batch) */
  readonly warmUpCalls?: number;
  /** goal in microseconds per call, if the issue set one */
  readonly goalMicroseconds?: number;
}

export interface BenchResult {
  readonly name: string;
  readonly medianMicroseconds: number;
  readonly minMicroseconds: number;
  readonly calls: number;
  readonly goalMicroseconds?: number;
  /** scale cases (scripts/scaleCases.ts): the run's process peak resident memory, its goal, CPU time, result */
  readonly peakRssBytes?: number;
  readonly goalPeakRssBytes?: number;
  readonly cpuMicroseconds?: number;
  readonly fitness?: number;
}

export function measure(benchCase: BenchCase): BenchResult {
  const batches = benchCase.batches ?? 15;
  const { run, iterations } = benchCase;
  for (let i = 0; i < (benchCase.warmUpCalls ?? Math.max(1, Math.ceil(iterations / 2))); i++) run(); // warm-up (JIT)
  const perCall: number[] = [];
  for (let b = 0; b < batches; b++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) run();
    perCall.push(Number(process.hrtime.bigint() - started) / 1000 / iterations);
  }
  perCall.sort((a, b) => a - b);
  return {
    name: benchCase.name,
    medianMicroseconds: perCall[Math.floor(perCall.length / 2)],
    minMicroseconds: perCall[0],
    calls: batches * benchCase.iterations,
    goalMicroseconds: benchCase.goalMicroseconds,
  };
}

/** The model cases of issue 2, on the paper's saved 30-experiment schedule. */
function modelCases(): BenchCase[] {
  const fenrir = findFenrirFolder();
  if (!fenrir) {
    console.warn(`model benchmarks skipped: ${DEFAULT_FENRIR_FOLDER} not found (they use the paper's saved schedule)`);
    return [];
  }
  const profile = readProfileFile(resolve(fenrir, 'traffic_profiles/gitlab_12_months.csv'));
  const file = readScheduleFile(resolve(fenrir, 'restart/schedule_GA_mid_exp30_pop40_gen90_4.json'));
  const individual: Individual = individualOfScheduleFile(profile, file, 'parity schedule');
  const { problem } = individual;
  const n = problem.experiments.length;
  let e = 0;
  let sink = 0;
  return [
    {
      name: 'model: full validity + fitness, 30-experiment parity schedule',
      run: () => {
        individual.evaluateFromScratch();
        sink += individual.fitness;
      },
      iterations: 100,
      // many short batches: the median then shrugs off bursts of load from other tenants of the machine
      batches: 61,
      warmUpCalls: 2000,
      goalMicroseconds: 50,
    },
    {
      name: 'model: incremental re-check after one experiment moves (beginEdit + change + endEdit)',
      run: () => {
        // move one experiment by an hour and back: two incremental re-checks per call
        e = (e + 1) % n;
        individual.beginEdit(e).start += 1;
        individual.endEdit(e);
        individual.beginEdit(e).start -= 1;
        individual.endEdit(e);
        sink += individual.valid ? 1 : 0;
      },
      iterations: 1000,
      batches: 61,
      warmUpCalls: 2000,
      // two re-checks per call, so the 10 µs goal per re-check is 20 µs per call
      goalMicroseconds: 20,
    },
  ];
}

/** Every case, in the order they are reported. */
export function allBenchCases(): BenchCase[] {
  return [...modelCases(), ...algorithmBenchCases(), ...boundBenchCases()];
}

/** Runs the cases whose names contain one of `filters` (all when none), reporting each as it finishes. */
export async function runBenchCases(filters: readonly string[] | undefined, report: (result: BenchResult) => void): Promise<void> {
  await highsSolver(); // the bound cases solve LPs
  const cases = allBenchCases();
  const selected = filters?.length ? cases.filter((c) => filters.some((f) => c.name.includes(f))) : cases;
  for (const benchCase of selected) report(measure(benchCase));
}
