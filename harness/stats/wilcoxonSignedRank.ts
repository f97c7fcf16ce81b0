import { errorFunction } from 'simple-statistics';

/** Result of a two-sided Wilcoxon signed-rank test on paired differences, as R's `wilcox.test(d)` (= `wilcox.test(x, y, paired = TRUE)`) reports it. */
export interface SignedRankResult {
  /** non-zero differences (zeros are dropped, R's default) */
  readonly n: number;
  /** R's V: the sum of the ranks of |d| over the positive differences */
  readonly statistic: number;
  /** undefined when every difference is zero (no test possible) */
  readonly pValue?: number;
  /** 'exact' (fewer than 50 non-zero differences, no ties, as R does) or 'normal' (tie- and continuity-corrected) */
  readonly method: 'exact' | 'normal';
}

const EXACT_LIMIT = 50;

/**
 * Two-sided Wilcoxon signed-rank test of paired differences against 0. Hand-written: the only
 * registry package (@stdlib/stats-wilcoxon) pulls in 230 @stdlib packages for these 40 lines.
 * Ranks of |d| with ties sharing their mean rank; exact null distribution of V by counting subsets
 * of 1…n (as R's `psignrank`) when n < 50 and no ties; otherwise the normal approximation with the
 * tie-corrected variance n(n+1)(2n+1)/24 − Σ(t³ − t)/48 and continuity correction (R's `correct = TRUE`).
 */
export function wilcoxonSignedRank(differences: readonly number[]): SignedRankResult {
  if (differences.some((d) => !Number.isFinite(d))) throw new Error('Wilcoxon signed-rank: every difference must be a finite number');
  const nonZero = differences.filter((d) => d !== 0);
  const n = nonZero.length;
  if (n === 0) return { n, statistic: 0, method: 'exact' };
  const order = nonZero.map((d, i) => ({ size: Math.abs(d), i })).sort((a, b) => a.size - b.size);
  const ranks = new Array<number>(n);
  const tieSizes: number[] = [];
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && order[end].size === order[start].size) end++;
    for (let j = start; j < end; j++) ranks[order[j].i] = (start + 1 + end) / 2;
    tieSizes.push(end - start);
    start = end;
  }
  const statistic = nonZero.reduce((sum, d, i) => sum + (d > 0 ? ranks[i] : 0), 0);
  const ties = tieSizes.some((size) => size > 1);
  if (n < EXACT_LIMIT && !ties) return { n, statistic, pValue: exactPValue(statistic, n), method: 'exact' };
  const mean = (n * (n + 1)) / 4;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieSizes.reduce((sum, t) => sum + (t ** 3 - t), 0) / 48;
  const difference = statistic - mean;
  const z = (difference - Math.sign(difference) * 0.5) / Math.sqrt(variance);
  return { n, statistic, pValue: Math.min(1, 2 * 0.5 * (1 - errorFunction(Math.abs(z) / Math.SQRT2))), method: 'normal' };
}

/** R: p = 2·P(V ≥ v) if v > n(n+1)/4, else 2·P(V ≤ v), capped at 1; P from the counts of subsets of 1…n by their sum. */
function exactPValue(statistic: number, n: number): number {
  const maximum = (n * (n + 1)) / 2;
  const counts = new Float64Array(maximum + 1);
  counts[0] = 1;
  for (let rank = 1; rank <= n; rank++) for (let sum = maximum; sum >= rank; sum--) counts[sum] += counts[sum - rank];
  const total = 2 ** n;
  let tail = 0;
  if (statistic > maximum / 2) for (let sum = Math.ceil(statistic); sum <= maximum; sum++) tail += counts[sum];
  else for (let sum = 0; sum <= Math.floor(statistic); sum++) tail += counts[sum];
  return Math.min(1, (2 * tail) / total);
}
