import { describe } from '../stats/descriptiveStatistics.js';
import { toCsv } from '../output/csv.js';
import { groupBy } from './groupBy.js';
import { PARAMETER_SWEEPS } from './parameterSweeps.js';
import type { TrialRow } from './trialRows.js';

const SUMMARY_COLUMNS = ['study', 'algorithm', 'experiments', 'ress', 'n', 'mean', 'sd', 'median', 'iqr', 'min', 'max'] as const;


/** fitness.csv: descriptive statistics of the best fitness per study, algorithm, size and RESS (successful trials; n counts them). */
export function fitnessTable(rows: readonly TrialRow[]): string {
  return summaryTable(rows, (row) => row.fitness);
}

/** runtime.csv: the same statistics of the execution time in seconds (the paper's execution-time table). */
export function runtimeTable(rows: readonly TrialRow[]): string {
  return summaryTable(rows, (row) => (row.fitness === undefined ? undefined : row.runtimeSeconds));
}

function summaryTable(rows: readonly TrialRow[], valueOf: (row: TrialRow) => number | undefined): string {
  const groups = groupBy(rows.filter((row) => !PARAMETER_SWEEPS.has(row.kind)), (row) => [row.study, row.algorithm, row.experiments, row.ress]);
  return toCsv(SUMMARY_COLUMNS, groups.map(({ key: [study, algorithm, experiments, ress], items }) => ({
    study, algorithm, experiments, ress,
    ...describe(items.map(valueOf).filter((value): value is number => value !== undefined)),
  })));
}
