import { toCsv } from '../output/csv.js';
import { describe } from '../stats/descriptiveStatistics.js';
import { groupBy } from './groupBy.js';
import { PARAMETER_SWEEPS } from './parameterSweeps.js';
import type { TrialRow } from './trialRows.js';

const GAPS_COLUMNS = ['study', 'algorithm', 'experiments', 'ress', 'upper_bound', 'best_fitness', 'n',
  'mean_gap', 'sd_gap', 'median_gap', 'iqr_gap', 'min_gap', 'max_gap'] as const;

/**
 * gaps.csv: how far each algorithm stays below the certified upper bound of its instance —
 * per study, instance (size, RESS) and algorithm, the statistics of the relative gap
 * (bound − fitness) / bound over successful trials that have a bound (n counts them), the bound
 * itself and the best fitness found. Parameter sweeps are left out, as in fitness.csv.
 */
export function gapsTable(rows: readonly TrialRow[]): string {
  const bounded = rows.filter((row) => !PARAMETER_SWEEPS.has(row.kind) && row.fitness !== undefined && row.gap !== undefined);
  const groups = groupBy(bounded, (row) => [row.study, row.algorithm, row.experiments, row.ress]);
  return toCsv(GAPS_COLUMNS, groups.map(({ key: [study, algorithm, experiments, ress], items }) => {
    const gaps = describe(items.map((row) => row.gap!));
    return {
      study, algorithm, experiments, ress,
      // one instance per study, size and RESS, so one bound (the smallest, should they ever differ)
      upper_bound: Math.min(...items.map((row) => row.upperBound!)),
      best_fitness: Math.max(...items.map((row) => row.fitness!)),
      n: gaps.n, mean_gap: gaps.mean, sd_gap: gaps.sd, median_gap: gaps.median, iqr_gap: gaps.iqr, min_gap: gaps.min, max_gap: gaps.max,
    };
  }));
}
