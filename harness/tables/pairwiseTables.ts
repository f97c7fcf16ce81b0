import { mean, median } from 'simple-statistics';
import { toCsv } from '../output/csv.js';
import { holmAdjust } from '../stats/holmAdjustment.js';
import { mannWhitneyU } from '../stats/mannWhitney.js';
import { A12_THRESHOLDS_TEXT, a12Magnitude, varghaDelaneyA12 } from '../stats/varghaDelaney.js';
import { groupBy } from './groupBy.js';
import { PARAMETER_SWEEPS } from './parameterSweeps.js';
import type { TrialRow } from './trialRows.js';

/** Significance level of the `better` column and of the win/tie/loss counts. */
export const PAIRWISE_ALPHA = 0.05;

interface Metric {
  readonly name: string;
  readonly valueOf: (row: TrialRow) => number;
  readonly higherIsBetter: boolean;
}

export const PAIRWISE_METRICS: readonly Metric[] = [
  { name: 'fitness', valueOf: (row) => row.fitness!, higherIsBetter: true },
  { name: 'runtime_s', valueOf: (row) => row.runtimeSeconds, higherIsBetter: false },
];

export interface PairwiseTest {
  readonly study: string;
  readonly experiments: number;
  readonly ress: string;
  readonly metric: string;
  readonly algorithm1: string;
  readonly algorithm2: string;
  readonly n1: number;
  readonly n2: number;
  readonly median1: number;
  readonly median2: number;
  readonly u1: number;
  readonly pValue: number;
  readonly pMethod: string;
  readonly pHolm: number;
  readonly a12: number;
  /** the better of the two when p_holm < α, else undefined (no significant difference) */
  readonly better: string | undefined;
}

/** Successful trials of the studies compared by algorithm (parameter sweeps compare settings instead). */
const comparable = (rows: readonly TrialRow[]) => rows.filter((row) => row.fitness !== undefined && !PARAMETER_SWEEPS.has(row.kind));

/**
 * Every pair of algorithms on every instance (study, size, set), per metric: two-sided
 * Mann–Whitney U, Holm-adjusted over all pairs of that instance and metric, Vargha–Delaney Â12 =
 * P(algorithm_1's value > algorithm_2's), and which is better at α = 0.05 (higher fitness, lower runtime).
 * Pairs in the order the algorithms first appear in trials.csv (plan order).
 */
export function pairwiseTests(rows: readonly TrialRow[]): PairwiseTest[] {
  const tests: PairwiseTest[] = [];
  for (const { key: [study, experiments, ress], items } of groupBy(comparable(rows), (row) => [row.study, row.experiments, row.ress])) {
    const byAlgorithm = groupBy(items, (row) => [row.algorithm]);
    if (byAlgorithm.length < 2) continue;
    for (const metric of PAIRWISE_METRICS) {
      const pairs: Omit<PairwiseTest, 'pHolm' | 'better'>[] = [];
      for (let i = 0; i < byAlgorithm.length; i++) {
        for (let j = i + 1; j < byAlgorithm.length; j++) {
          const x = byAlgorithm[i].items.map(metric.valueOf);
          const y = byAlgorithm[j].items.map(metric.valueOf);
          const test = mannWhitneyU(x, y);
          pairs.push({
            study: study as string, experiments: experiments as number, ress: ress as string, metric: metric.name,
            algorithm1: byAlgorithm[i].key[0] as string, algorithm2: byAlgorithm[j].key[0] as string,
            n1: test.n1, n2: test.n2, median1: median(x), median2: median(y), u1: test.u1,
            pValue: test.pValue, pMethod: test.method, a12: varghaDelaneyA12(x, y),
          });
        }
      }
      const adjusted = holmAdjust(pairs.map((pair) => pair.pValue));
      pairs.forEach((pair, k) => {
        const firstAhead = metric.higherIsBetter ? pair.a12 > 0.5 : pair.a12 < 0.5;
        const better = adjusted[k] < PAIRWISE_ALPHA && pair.a12 !== 0.5 ? (firstAhead ? pair.algorithm1 : pair.algorithm2) : undefined;
        tests.push({ ...pair, pHolm: adjusted[k], better });
      });
    }
  }
  return tests;
}

const PAIRWISE_COLUMNS = [
  'study', 'experiments', 'ress', 'metric', 'algorithm_1', 'algorithm_2', 'n1', 'n2', 'median_1', 'median_2',
  'u1', 'p_value', 'p_method', 'p_holm', 'a12', 'magnitude', 'better', 'alpha', 'magnitude_thresholds',
] as const;

/** pairwise.csv: every pair of algorithms per instance and metric (pairwiseTests). */
export function pairwiseTable(rows: readonly TrialRow[]): string {
  return toCsv(PAIRWISE_COLUMNS, pairwiseTests(rows).map((test) => ({
    study: test.study, experiments: test.experiments, ress: test.ress, metric: test.metric,
    algorithm_1: test.algorithm1, algorithm_2: test.algorithm2, n1: test.n1, n2: test.n2,
    median_1: test.median1, median_2: test.median2, u1: test.u1, p_value: test.pValue, p_method: test.pMethod,
    p_holm: test.pHolm, a12: test.a12, magnitude: a12Magnitude(test.a12), better: test.better ?? '',
    alpha: PAIRWISE_ALPHA, magnitude_thresholds: A12_THRESHOLDS_TEXT,
  })));
}

const WIN_TIE_LOSS_COLUMNS = ['study', 'metric', 'algorithm', 'opponent', 'instances', 'wins', 'ties', 'losses', 'alpha'] as const;

/**
 * win-tie-loss.csv: per study and metric, for every ordered pair of algorithms, on how many
 * instances the first was significantly better (Holm-adjusted Mann–Whitney at α = 0.05), not
 * significantly different, or significantly worse than the second.
 */
export function winTieLossTable(rows: readonly TrialRow[]): string {
  const output: Record<string, string | number>[] = [];
  for (const { key: [study, metric], items } of groupBy(pairwiseTests(rows), (test) => [test.study, test.metric])) {
    const algorithms = [...new Set(items.flatMap((test) => [test.algorithm1, test.algorithm2]))];
    for (const algorithm of algorithms) {
      for (const opponent of algorithms) {
        if (opponent === algorithm) continue;
        const shared = items.filter((test) => (test.algorithm1 === algorithm && test.algorithm2 === opponent) || (test.algorithm1 === opponent && test.algorithm2 === algorithm));
        if (shared.length === 0) continue;
        const wins = shared.filter((test) => test.better === algorithm).length;
        const losses = shared.filter((test) => test.better === opponent).length;
        output.push({ study: study as string, metric: metric as string, algorithm, opponent, instances: shared.length, wins, ties: shared.length - wins - losses, losses, alpha: PAIRWISE_ALPHA });
      }
    }
  }
  return toCsv(WIN_TIE_LOSS_COLUMNS, output);
}

/** One study's blocks (instances) × treatments (algorithms) of mean values, as the Friedman test takes them. */
export interface RankingInput {
  readonly study: string;
  readonly metric: string;
  readonly algorithms: string[];
  /** "<experiments>/<ress>" per block */
  readonly instances: string[];
  /** values[b][t]: mean of algorithm t's successful runs on instance b */
  readonly values: number[][];
  readonly higherIsBetter: boolean;
  /** algorithms of the study without a successful run on some instance (not ranked) */
  readonly leftOut: string[];
}

/**
 * The Friedman inputs of every study (parameter sweeps aside), per metric: an instance is one
 * size × set, its value per algorithm the mean over that algorithm's successful runs (Demšar 2006);
 * algorithms ranked are those with a successful run on every instance of the study.
 */
export function rankingInputs(rows: readonly TrialRow[]): RankingInput[] {
  const inputs: RankingInput[] = [];
  for (const { key: [study], items } of groupBy(comparable(rows), (row) => [row.study])) {
    const cells = groupBy(items, (row) => [row.experiments, row.ress]);
    const everywhere = [...new Set(items.map((row) => row.algorithm))];
    const algorithms = everywhere.filter((algorithm) => cells.every(({ items: cell }) => cell.some((row) => row.algorithm === algorithm)));
    const leftOut = everywhere.filter((algorithm) => !algorithms.includes(algorithm));
    for (const metric of PAIRWISE_METRICS) {
      inputs.push({
        study: study as string,
        metric: metric.name,
        algorithms,
        instances: cells.map(({ key: [experiments, ress] }) => `${experiments}/${ress}`),
        values: cells.map(({ items: cell }) => algorithms.map((algorithm) => mean(cell.filter((row) => row.algorithm === algorithm).map(metric.valueOf)))),
        higherIsBetter: metric.higherIsBetter,
        leftOut,
      });
    }
  }
  return inputs;
}
