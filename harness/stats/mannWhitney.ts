import { errorFunction, wilcoxonRankSum } from 'simple-statistics';

/** Result of a two-sided Mann–Whitney U (Wilcoxon rank-sum) test, as R's `wilcox.test` reports it. */
export interface MannWhitneyResult {
  readonly n1: number;
  readonly n2: number;
  /** U of the first sample = R's W: pairs (x, y) with x > y, ties counting one half */
  readonly u1: number;
  /** the two-sided test statistic min(U1, n1·n2 − U1) */
  readonly u: number;
  readonly pValue: number;
  /** 'exact' (small samples without ties, as R does) or 'normal' (tie- and continuity-corrected) */
  readonly method: 'exact' | 'normal';
}

/** Below this size (both samples) and without ties, R computes the exact p-value. */
const EXACT_LIMIT = 50;

/**
 * Two-sided Mann–Whitney U test built on simple-statistics' rank sum (STATISTICS.md recipe).
 * `exact: false` forces the normal approximation, like `wilcox.test(x, y, exact = FALSE, correct = TRUE)`.
 */
export function mannWhitneyU(x: readonly number[], y: readonly number[], options: { exact?: boolean } = {}): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new Error('Mann–Whitney U needs two non-empty samples');
  const rankSum = wilcoxonRankSum([...x], [...y]);
  const u1 = rankSum - (n1 * (n1 + 1)) / 2;
  const u = Math.min(u1, n1 * n2 - u1);
  const tieSizes = tieGroupSizes([...x, ...y]);
  const hasTies = tieSizes.some((size) => size > 1);
  const useExact = (options.exact ?? true) && !hasTies && n1 < EXACT_LIMIT && n2 < EXACT_LIMIT;
  const pValue = useExact ? exactPValue(u1, n1, n2) : normalPValue(u1, n1, n2, tieSizes);
  return { n1, n2, u1, u, pValue, method: useExact ? 'exact' : 'normal' };
}

/** Normal approximation with tie-corrected variance and continuity correction (R's `correct = TRUE`). */
function normalPValue(u1: number, n1: number, n2: number, tieSizes: readonly number[]): number {
  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  const tieTerm = tieSizes.reduce((sum, t) => sum + (t ** 3 - t), 0);
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  // every value tied: no evidence of a difference at all
  if (!(variance > 0)) return 1;
  const difference = u1 - mean;
  const z = (difference - Math.sign(difference) * 0.5) / Math.sqrt(variance);
  return Math.min(1, 2 * upperTail(Math.abs(z)));
}

/** 1 − Φ(z) for z ≥ 0 via the error function (accurate to ~1e-7, unlike the coarse Φ table). */
function upperTail(z: number): number {
  return 0.5 * (1 - errorFunction(z / Math.SQRT2));
}

/**
 * Exact two-sided p-value from the null distribution of U (no ties): counts of rank
 * arrangements by the recurrence c(u; m, n) = c(u − n; m − 1, n) + c(u; m, n − 1), as R's `pwilcox`.
 */
function exactPValue(u1: number, n1: number, n2: number): number {
  const counts = uDistribution(n1, n2);
  const total = counts.reduce((sum, count) => sum + count, 0);
  const cumulative = (upTo: number) => {
    let sum = 0;
    for (let u = 0; u <= Math.min(upTo, counts.length - 1); u++) sum += counts[u];
    return sum / total;
  };
  // R: p = 2·P(U ≤ u1) if u1 ≤ mean, else 2·P(U ≥ u1), capped at 1
  const mean = (n1 * n2) / 2;
  const oneSided = u1 > mean ? 1 - cumulative(Math.ceil(u1) - 1) : cumulative(Math.floor(u1));
  return Math.min(1, 2 * oneSided);
}

/** Number of arrangements giving each U = 0 … m·n for samples of sizes m and n. */
function uDistribution(m: number, n: number): number[] {
  // table[j][u] for the current m, built up from m = 0 (one arrangement with U = 0)
  let previous: number[][] = Array.from({ length: n + 1 }, () => [1]);
  for (let i = 1; i <= m; i++) {
    const current: number[][] = [[1]];
    for (let j = 1; j <= n; j++) {
      const size = i * j + 1;
      const row = new Array<number>(size).fill(0);
      const largestIsY = current[j - 1]; // the largest value is a y: it beats no x, U unchanged
      const largestIsX = previous[j]; // the largest value is an x: it beats all j y's, U gains j
      for (let u = 0; u < size; u++) {
        row[u] = (u - j >= 0 && u - j < largestIsX.length ? largestIsX[u - j] : 0) + (u < largestIsY.length ? largestIsY[u] : 0);
      }
      current.push(row);
    }
    previous = current;
  }
  return previous[n];
}

/** Sizes of the groups of equal values (1 for a value that occurs once). */
function tieGroupSizes(values: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.values()];
}
