import { mean } from 'simple-statistics';
import { holmAdjust } from '../stats/holmAdjustment.js';
import { mannWhitneyU } from '../stats/mannWhitney.js';
import { a12Magnitude, varghaDelaneyA12 } from '../stats/varghaDelaney.js';
import { groupBy } from '../tables/groupBy.js';
import { PAIRWISE_METRICS } from '../tables/pairwiseTables.js';
import type { TrialRow } from '../tables/trialRows.js';

/** One cell (study, algorithm, size, set, setting) of two results folders, compared. */
export interface CellComparison {
  readonly study: string;
  readonly algorithm: string;
  readonly experiments: number;
  readonly ress: string;
  /** grid setting or re-scheduling start, '' for neither */
  readonly setting: string;
  readonly metric: string;
  readonly nA: number;
  readonly nB: number;
  readonly meanA: number;
  readonly meanB: number;
  /** mean B − mean A */
  readonly difference: number;
  readonly pValue: number;
  readonly pMethod: string;
  /** Holm-adjusted over every cell of the same metric */
  readonly pHolm: number;
  /** P(a run of B has the larger value) */
  readonly a12: number;
  readonly magnitude: string;
  /** B better / B worse when p_holm < α (higher fitness, lower runtime), else '' */
  readonly flag: '' | 'B better' | 'B worse';
}

export interface Comparison {
  readonly cells: CellComparison[];
  /** cells only one folder has */
  readonly onlyInA: string[];
  readonly onlyInB: string[];
  readonly alpha: number;
}

const settingOf = (row: TrialRow) => [row.grid, row.reschedulingPopulation !== 'sound' ? row.reschedulingPopulation : undefined].filter(Boolean).join(' ');
const cellKey = (row: TrialRow) => [row.study, row.algorithm, row.experiments, row.ress, settingOf(row)] as const;
const cellName = (key: readonly unknown[]) => key.filter((part) => part !== '').join('/');

/**
 * Compares two results folders cell by cell from their trials.csv alone (before/after a change of
 * an algorithm, another seed, another machine): per metric (fitness; runtime in seconds) the
 * difference of means B − A, a two-sided Mann–Whitney test between A's and B's successful runs,
 * Holm-adjusted over all cells of the metric (one family of tests), and Vargha–Delaney Â12 =
 * P(B's value > A's). A cell is flagged when its adjusted p is below α.
 */
export function compareResults(rowsA: readonly TrialRow[], rowsB: readonly TrialRow[], alpha = 0.05): Comparison {
  const successful = (rows: readonly TrialRow[]) => rows.filter((row) => row.fitness !== undefined);
  const cellsA = new Map(groupBy(successful(rowsA), cellKey).map(({ key, items }) => [JSON.stringify(key), { key, items }]));
  const cellsB = new Map(groupBy(successful(rowsB), cellKey).map(({ key, items }) => [JSON.stringify(key), { key, items }]));
  const shared = [...cellsA.keys()].filter((key) => cellsB.has(key));
  const cells: CellComparison[] = [];
  for (const metric of PAIRWISE_METRICS) {
    const tests = shared.map((key) => {
      const a = cellsA.get(key)!.items.map(metric.valueOf);
      const b = cellsB.get(key)!.items.map(metric.valueOf);
      return { key: cellsA.get(key)!.key, a, b, test: mannWhitneyU(b, a), a12: varghaDelaneyA12(b, a) };
    });
    const adjusted = holmAdjust(tests.map(({ test }) => test.pValue));
    tests.forEach(({ key, a, b, test, a12 }, i) => {
      const [study, algorithm, experiments, ress, setting] = key as readonly [string, string, number, string, string];
      const bAhead = metric.higherIsBetter ? a12 > 0.5 : a12 < 0.5;
      cells.push({
        study, algorithm, experiments, ress, setting, metric: metric.name,
        nA: a.length, nB: b.length, meanA: mean(a), meanB: mean(b), difference: mean(b) - mean(a),
        pValue: test.pValue, pMethod: test.method, pHolm: adjusted[i], a12, magnitude: a12Magnitude(a12),
        flag: adjusted[i] < alpha && a12 !== 0.5 ? (bAhead ? 'B better' : 'B worse') : '',
      });
    });
  }
  return {
    cells,
    onlyInA: [...cellsA.keys()].filter((key) => !cellsB.has(key)).map((key) => cellName(cellsA.get(key)!.key)),
    onlyInB: [...cellsB.keys()].filter((key) => !cellsA.has(key)).map((key) => cellName(cellsB.get(key)!.key)),
    alpha,
  };
}

export const COMPARE_COLUMNS = [
  'study', 'algorithm', 'experiments', 'ress', 'setting', 'metric', 'n_a', 'n_b', 'mean_a', 'mean_b', 'difference',
  'p_value', 'p_method', 'p_holm', 'a12', 'magnitude', 'flag', 'alpha',
] as const;

export const comparisonRows = (comparison: Comparison) => comparison.cells.map((cell) => ({
  study: cell.study, algorithm: cell.algorithm, experiments: cell.experiments, ress: cell.ress, setting: cell.setting,
  metric: cell.metric, n_a: cell.nA, n_b: cell.nB, mean_a: cell.meanA, mean_b: cell.meanB, difference: cell.difference,
  p_value: cell.pValue, p_method: cell.pMethod, p_holm: cell.pHolm, a12: cell.a12, magnitude: cell.magnitude, flag: cell.flag, alpha: comparison.alpha,
}));
