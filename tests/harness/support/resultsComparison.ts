import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Columns that hold wall-clock time: they differ between runs of the same seed. */
const TIMING_COLUMNS = new Set(['runtime_ms', 'mean_runtime_s', 'elapsed_ms']);

/**
 * A results folder's outputs with everything timing-dependent removed: trials.csv without
 * runtime_ms, traces.csv without elapsed_ms, tables without runtime columns, runtime.csv reduced to its keys and n,
 * comparisons, pairwise tests, win/tie/loss counts, Friedman tests and ranks without their runtime rows, and every best schedule. Equal for equal seeds.
 */
export function comparableOutputs(folder: string): Record<string, string> {
  const csv = (relative: string, keep: (row: Record<string, string>) => boolean = () => true, columns?: string[]) => {
    const rows = parse(readFileSync(join(folder, relative), 'utf8'), { columns: true }) as Record<string, string>[];
    return JSON.stringify(rows.filter(keep).map((row) =>
      Object.fromEntries(Object.entries(row).filter(([column]) => !TIMING_COLUMNS.has(column) && (!columns || columns.includes(column))))));
  };
  const outputs: Record<string, string> = {
    'trials.csv': csv('trials.csv'),
    'traces.csv': csv('traces.csv'),
    'tables/runtime.csv': csv('tables/runtime.csv', () => true, ['study', 'algorithm', 'experiments', 'ress', 'n']),
    'tables/comparisons.csv': csv('tables/comparisons.csv', (row) => row.metric !== 'runtime_s'),
  };
  for (const table of ['pairwise', 'win-tie-loss', 'friedman', 'ranks']) {
    outputs[`tables/${table}.csv`] = csv(`tables/${table}.csv`, (row) => row.metric !== 'runtime_s');
  }
  for (const table of ['fitness', 'calibration-ga', 'calibration-ls', 'max-fitness', 'reevaluation']) {
    outputs[`tables/${table}.csv`] = csv(`tables/${table}.csv`);
  }
  for (const file of readdirSync(join(folder, 'best')).sort()) outputs[`best/${file}`] = readFileSync(join(folder, 'best', file), 'utf8');
  return outputs;
}
