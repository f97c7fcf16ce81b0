import { toCsv } from '../output/csv.js';
import { friedmanTest } from '../stats/friedman.js';
import { nemenyiCriticalDifference } from '../stats/nemenyi.js';
import { PAIRWISE_ALPHA, rankingInputs } from './pairwiseTables.js';
import type { TrialRow } from './trialRows.js';

const FRIEDMAN_COLUMNS = [
  'study', 'metric', 'instances', 'algorithms', 'chi_square', 'df', 'p_value', 'iman_davenport_f', 'df1', 'df2', 'p_value_f',
  'alpha', 'q_alpha', 'critical_difference', 'left_out',
] as const;
const RANK_COLUMNS = ['study', 'metric', 'algorithm', 'instances', 'mean_rank', 'mean_value'] as const;

/**
 * friedman.csv: per study and metric, the Friedman test over its instances (rankingInputs:
 * one block per size × set, the algorithms' mean values), tie-corrected χ² as R's friedman.test,
 * Iman–Davenport F, and the Nemenyi critical difference of average ranks at α = 0.05 (Demšar 2006).
 * Studies with fewer than 2 instances or algorithms are left out (a single instance has no ranking to test).
 */
export function friedmanTable(rows: readonly TrialRow[]): string {
  const output: Record<string, string | number>[] = [];
  for (const input of rankingInputs(rows)) {
    if (input.instances.length < 2 || input.algorithms.length < 2) continue;
    const result = friedmanTest(input.values, { higherIsBetter: input.higherIsBetter });
    const { qAlpha, criticalDifference } = nemenyiCriticalDifference(input.algorithms.length, input.instances.length, PAIRWISE_ALPHA);
    output.push({
      study: input.study, metric: input.metric, instances: result.blocks, algorithms: input.algorithms.join(' '),
      chi_square: result.chiSquare, df: result.df, p_value: result.pValue,
      iman_davenport_f: result.imanDavenport, df1: result.df1, df2: result.df2, p_value_f: result.pValueImanDavenport,
      alpha: PAIRWISE_ALPHA, q_alpha: qAlpha, critical_difference: criticalDifference, left_out: input.leftOut.join(' '),
    });
  }
  return toCsv(FRIEDMAN_COLUMNS, output);
}

/** ranks.csv: each algorithm's average rank (1 = best) over a study's instances, and its mean value over them. */
export function ranksTable(rows: readonly TrialRow[]): string {
  const output: Record<string, string | number>[] = [];
  for (const input of rankingInputs(rows)) {
    if (input.instances.length < 2 || input.algorithms.length < 2) continue;
    const result = friedmanTest(input.values, { higherIsBetter: input.higherIsBetter });
    input.algorithms.forEach((algorithm, t) => output.push({
      study: input.study, metric: input.metric, algorithm, instances: result.blocks,
      mean_rank: result.averageRanks[t],
      mean_value: input.values.reduce((sum, block) => sum + block[t], 0) / input.values.length,
    }));
  }
  return toCsv(RANK_COLUMNS, output);
}
