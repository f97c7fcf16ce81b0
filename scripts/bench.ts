/**
 * `npm run bench [-- --json] [--only NAME,…]`: the project's speed measurements, one core.
 * Each case runs a warm-up, then batches; it reports the median time per call over batches.
 * Later issues add cases (algorithm runs come from scripts/benchAlgorithms.ts when present).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { individualOfScheduleFile } from '../algorithms/problem/scheduleFormat.js';
import type { Individual } from '../algorithms/problem/individual.js';
import { readProfileFile, readScheduleFile } from '../harness/io/readInputs.js';

export interface BenchCase {
  readonly name: string;
  /** one call of the measured operation */
  readonly run: () => void;
  /** calls per batch */
  readonly iterations: number;
  readonly batches?: number;
  /** goal in microseconds per call, if the issue set one */
  readonly goalMicroseconds?: number;
}

export interface BenchResult {
  readonly name: string;
  readonly medianMicroseconds: number;
  readonly minMicroseconds: number;
  readonly calls: number;
  readonly goalMicroseconds?: number;
}

export function measure(benchCase: BenchCase): BenchResult {
  const batches = benchCase.batches ?? 15;
  const { run, iterations } = benchCase;
  for (let i = 0; i < Math.max(1, Math.ceil(iterations / 2)); i++) run(); // warm-up (JIT)
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

const FENRIR = resolve(import.meta.dirname, '../../shared/data/fenrir');

/** The model cases of issue 2, on the paper's saved 30-experiment schedule. */
function modelCases(): BenchCase[] {
  if (!existsSync(FENRIR)) {
    console.warn(`model benchmarks skipped: ${FENRIR} not found (they use the paper's saved schedule)`);
    return [];
  }
  const profile = readProfileFile(resolve(FENRIR, 'traffic_profiles/gitlab_12_months.csv'));
  const file = readScheduleFile(resolve(FENRIR, 'restart/schedule_GA_mid_exp30_pop40_gen90_4.json'));
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
      iterations: 200,
      goalMicroseconds: 50,
    },
    {
      name: 'model: incremental re-check after one experiment moves (beginEdit + change + endEdit)',
      run: () => {
        // move one experiment by an hour and back: two incremental re-checks per call
        e = (e + 1) % n;
        const schedule = individual.schedules[e];
        individual.beginEdit(e);
        schedule.start += 1;
        individual.endEdit(e);
        individual.beginEdit(e);
        schedule.start -= 1;
        individual.endEdit(e);
        sink += individual.valid ? 1 : 0;
      },
      iterations: 3000,
      // two re-checks per call, so the 10 µs goal per re-check is 20 µs per call
      goalMicroseconds: 20,
    },
  ];
}

async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('npm run bench --')
    .option('json', { type: 'boolean', default: false, describe: 'machine-readable output' })
    .option('only', { type: 'string', describe: 'comma-separated substrings of case names to run' })
    .strict().help().parseAsync();
  const cases: BenchCase[] = [...modelCases()];
  const algorithmCases = resolve(import.meta.dirname, 'benchAlgorithms.ts');
  if (existsSync(algorithmCases)) {
    const module = await import(algorithmCases) as { algorithmBenchCases?: () => BenchCase[] | Promise<BenchCase[]> };
    if (module.algorithmBenchCases) cases.push(...await module.algorithmBenchCases());
  }
  const filters = args.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const selected = filters ? cases.filter((c) => filters.some((f) => c.name.includes(f))) : cases;
  const results: BenchResult[] = [];
  for (const benchCase of selected) {
    const result = measure(benchCase);
    results.push(result);
    if (!args.json) {
      const goal = result.goalMicroseconds === undefined ? '' :
        `  (goal ≤ ${formatTime(result.goalMicroseconds)}: ${result.medianMicroseconds <= result.goalMicroseconds ? 'met' : 'MISSED'})`;
      console.log(`${formatTime(result.medianMicroseconds).padStart(10)} median  ${result.name}${goal}`);
    }
  }
  if (args.json) {
    console.log(JSON.stringify({ node: process.version, cpu: (await import('node:os')).cpus()[0]?.model, results }, null, 2));
  }
}

function formatTime(microseconds: number): string {
  if (microseconds >= 1e6) return `${(microseconds / 1e6).toFixed(2)} s`;
  if (microseconds >= 1e3) return `${(microseconds / 1e3).toFixed(1)} ms`;
  return `${microseconds.toFixed(1)} µs`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
