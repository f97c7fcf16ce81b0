import jstat from 'jstat';
import { blockRanks, tieGroups } from './ranks.js';

// jstat is CommonJS: its named export arrives on the default import
const { jStat } = jstat as unknown as typeof import('jstat');

/** The Friedman test over N blocks (instances) × k treatments (algorithms). */
export interface FriedmanResult {
  /** N */
  readonly blocks: number;
  /** k */
  readonly treatments: number;
  /** average rank of each treatment over the blocks, 1 = best */
  readonly averageRanks: number[];
  /** χ²_F with R's tie correction (`friedman.test`); equals Demšar's formula when no block has ties */
  readonly chiSquare: number;
  /** χ²_F by Demšar (2006), eq. (1), without tie correction */
  readonly chiSquareUncorrected: number;
  readonly df: number;
  /** upper tail of χ² with k − 1 degrees of freedom */
  readonly pValue: number;
  /** Iman & Davenport's F_F = (N − 1)·χ²_F / (N(k − 1) − χ²_F), from the tie-corrected χ²_F */
  readonly imanDavenport: number;
  readonly df1: number;
  readonly df2: number;
  readonly pValueImanDavenport: number;
}

/**
 * Friedman's rank test: `values[b][t]` is treatment t's result on block b (e.g. an algorithm's mean
 * fitness on an instance). Within each block the treatments are ranked (ties share the mean rank);
 * χ²_F = 12·Σ_j (R_j − N(k+1)/2)² / (N·k(k+1) − Σ_ties (t³ − t)/(k − 1)) with R_j the rank sums —
 * R's tie-corrected statistic — and Iman–Davenport's less conservative F on top (Demšar 2006, §3.2.2).
 */
export function friedmanTest(values: readonly (readonly number[])[], options: { higherIsBetter?: boolean } = {}): FriedmanResult {
  const blocks = values.length;
  const treatments = values[0]?.length ?? 0;
  if (blocks < 2 || treatments < 2) throw new Error(`the Friedman test needs at least 2 blocks and 2 treatments (got ${blocks} × ${treatments})`);
  if (values.some((row) => row.length !== treatments)) throw new Error('the Friedman test needs a value for every treatment in every block');
  const rankSums = new Array<number>(treatments).fill(0);
  let tieTerm = 0;
  for (const row of values) {
    blockRanks(row, options.higherIsBetter ?? true).forEach((rank, j) => { rankSums[j] += rank; });
    for (const t of tieGroups(row)) tieTerm += t ** 3 - t;
  }
  const k = treatments;
  const n = blocks;
  const averageRanks = rankSums.map((sum) => sum / n);
  const deviations = rankSums.reduce((sum, r) => sum + (r - (n * (k + 1)) / 2) ** 2, 0);
  const denominator = n * k * (k + 1) - tieTerm / (k - 1);
  const chiSquare = denominator > 0 ? (12 * deviations) / denominator : 0;
  const chiSquareUncorrected = friedmanStatistic(averageRanks, n);
  const df = k - 1;
  const df1 = k - 1;
  const df2 = (k - 1) * (n - 1);
  const imanDavenport = imanDavenportStatistic(chiSquare, n, k);
  return {
    blocks: n,
    treatments: k,
    averageRanks,
    chiSquare,
    chiSquareUncorrected,
    df,
    pValue: 1 - jStat.chisquare.cdf(chiSquare, df),
    imanDavenport,
    df1,
    df2,
    pValueImanDavenport: Number.isFinite(imanDavenport) ? 1 - jStat.centralF.cdf(imanDavenport, df1, df2) : 0,
  };
}

/** Demšar (2006), eq. (1): χ²_F = 12N / (k(k+1)) · (Σ_j R_j² − k(k+1)² / 4) from the average ranks R_j over N blocks. */
export function friedmanStatistic(averageRanks: readonly number[], blocks: number): number {
  const k = averageRanks.length;
  return ((12 * blocks) / (k * (k + 1))) * (averageRanks.reduce((sum, r) => sum + r * r, 0) - (k * (k + 1) ** 2) / 4);
}

/** Iman & Davenport (1980): F_F = (N − 1)·χ²_F / (N(k − 1) − χ²_F), F-distributed with k − 1 and (k − 1)(N − 1) degrees of freedom. */
export const imanDavenportStatistic = (chiSquare: number, blocks: number, treatments: number): number =>
  ((blocks - 1) * chiSquare) / (blocks * (treatments - 1) - chiSquare);
