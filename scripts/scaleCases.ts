/**
 * Scale measurements of `npm run bench`: whole runs on large sets, each in a fresh process
 * (scripts/scaleRun.ts) so that its peak memory is its own, and the cost-growth table
 * (`npm run bench -- --growth`): time and peak memory per set size.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SamplerName } from '../algorithms/operators/buildIndividual.js';
import type { ScaleRunResult, ScaleRunSpec } from './scaleRun.js';

export interface ScaleCase {
  readonly name: string;
  readonly spec: ScaleRunSpec;
  /** issue 12's goal: whole run (sampling + algorithm) within this wall time and peak memory */
  readonly goal?: { readonly seconds: number; readonly peakBytes: number };
}

const GIB = 1024 ** 3;

/** The cases of issue 12: GA 40 × 90 on 300 and 1000 medium experiments, RS and greedy on 1000 (robust sampler: the published one cannot place 1000). */
export const SCALE_CASES: readonly ScaleCase[] = [
  { name: 'scale: GA population 40 × 90 generations, 300 mid experiments (robust sampler)', spec: { algorithm: 'genetic', ress: 'mid', size: 300, sampler: 'robust' } },
  {
    name: 'scale: GA population 40 × 90 generations, 1000 mid experiments (robust sampler)',
    spec: { algorithm: 'genetic', ress: 'mid', size: 1000, sampler: 'robust' },
    goal: { seconds: 60, peakBytes: 2 * GIB },
  },
  { name: 'scale: RS 40 samples, 1000 mid experiments (robust sampler)', spec: { algorithm: 'random-sampling', ress: 'mid', size: 1000, sampler: 'robust' } },
  { name: 'scale: greedy, 1000 mid experiments', spec: { algorithm: 'greedy', ress: 'mid', size: 1000, sampler: 'robust' } },
];

const RUNNER = fileURLToPath(new URL('./scaleRun.ts', import.meta.url));

/** Runs one spec in a child process (same Node, tsx loader) and returns its measurements. */
export function runScaleSpecInChild(spec: ScaleRunSpec): ScaleRunResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', RUNNER, JSON.stringify(spec)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) {
    const reason = child.stderr.trim().split('\n').find((line) => /Error|cannot/.test(line)) ?? child.stderr.trim().split('\n').at(-1) ?? `exit ${child.status}`;
    throw new Error(`${spec.algorithm} on ${spec.ress}:${spec.size}: ${reason}`);
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ScaleRunResult;
}

export interface GrowthOptions {
  readonly sizes: readonly number[];
  readonly algorithms: readonly string[];
  readonly ress: ScaleRunSpec['ress'];
  readonly sampler: SamplerName;
}

export const DEFAULT_GROWTH: GrowthOptions = {
  sizes: [10, 30, 70, 150, 300, 500, 1000],
  algorithms: ['genetic', 'local-search', 'simulated-annealing', 'random-sampling', 'greedy'],
  ress: 'mid',
  sampler: 'robust',
};

export interface GrowthRow {
  readonly size: number;
  readonly algorithm: string;
  readonly result?: ScaleRunResult;
  readonly error?: string;
}

/** Every algorithm × size at its default budget (the paper's), one process each; a failing run is a row with its error. */
export function measureGrowth(options: GrowthOptions, onRow: (row: GrowthRow) => void = () => {}): GrowthRow[] {
  const rows: GrowthRow[] = [];
  for (const size of options.sizes) {
    for (const algorithm of options.algorithms) {
      let row: GrowthRow;
      try {
        row = { size, algorithm, result: runScaleSpecInChild({ algorithm, ress: options.ress, size, sampler: options.sampler }) };
      } catch (error) {
        row = { size, algorithm, error: (error as Error).message };
      }
      rows.push(row);
      onRow(row);
    }
  }
  return rows;
}

const seconds = (value: number) => (value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toFixed(3));
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2)}`;

/** The growth table as Markdown, one row per run: wall time (sampling the start population + the run), CPU time, peak memory, result. */
export function formatGrowthTable(rows: readonly GrowthRow[]): string {
  const lines = [
    '| experiments | algorithm | total s | sampling s | run s | CPU s | peak MB | scheduled hours | fitness | evaluations |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    if (!row.result) {
      lines.push(`| ${row.size} | ${row.algorithm} | failed: ${row.error} | | | | | | | |`);
      continue;
    }
    const r = row.result;
    lines.push(`| ${row.size} | ${row.algorithm} | ${seconds(r.samplingSeconds + r.runSeconds)} | ${seconds(r.samplingSeconds)} | ${seconds(r.runSeconds)} | ${seconds(r.cpuSeconds)} | ${megabytes(r.peakRssBytes)} | ${r.scheduledHours} | ${r.fitness.toFixed(4)}${r.valid ? '' : ' INVALID'} | ${r.evaluations} |`);
  }
  return lines.join('\n');
}
