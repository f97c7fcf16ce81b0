import { describe, expect, it } from 'vitest';
import { friedmanStatistic, friedmanTest, imanDavenportStatistic } from '../../harness/stats/friedman.js';
import { criticalDifferenceCliques, nemenyiCriticalDifference, studentizedRangeQuantile } from '../../harness/stats/nemenyi.js';
import { blockRanks } from '../../harness/stats/ranks.js';

// R's ?friedman.test example (Hollander & Wolfe 1973, p. 140): rounding first base, 22 players × 3 methods.
// friedman.test(RoundingTimes) → Friedman chi-squared = 11.143, df = 2, p-value = 0.003805
const roundingTimes = [
  [5.40, 5.50, 5.55], [5.85, 5.70, 5.75], [5.20, 5.60, 5.50], [5.55, 5.50, 5.40], [5.90, 5.85, 5.70],
  [5.45, 5.55, 5.60], [5.40, 5.40, 5.35], [5.45, 5.50, 5.35], [5.25, 5.15, 5.00], [5.85, 5.80, 5.70],
  [5.25, 5.20, 5.10], [5.65, 5.55, 5.45], [5.60, 5.35, 5.45], [5.05, 5.00, 4.95], [5.50, 5.50, 5.40],
  [5.45, 5.55, 5.50], [5.55, 5.55, 5.35], [5.45, 5.50, 5.55], [5.50, 5.45, 5.25], [5.65, 5.60, 5.40],
  [5.70, 5.65, 5.55], [6.30, 6.30, 6.25],
];

// Demšar (2006), §3.2.2 worked example (AUC of C4.5, C4.5+m, C4.5+cf, C4.5+m+cf on 14 data sets):
// average ranks 3.143, 2.000, 2.893, 1.964 → χ²_F = 9.28, F_F = 3.69 (F(3, 39) critical 2.85); Nemenyi CD = 1.25 at α = 0.05, 1.12 at 0.10.
const demsarRanks = [3.143, 2.000, 2.893, 1.964];

describe('ranks within a block', () => {
  it('rank 1 is the best, ties share the mean of their ranks', () => {
    expect(blockRanks([0.5, 0.9, 0.5, 0.1])).toEqual([2.5, 1, 2.5, 4]);
    expect(blockRanks([3, 1, 2], false)).toEqual([3, 1, 2]);
  });
});

describe('Friedman test', () => {
  it('equals R\'s friedman.test on its RoundingTimes example (ties corrected)', () => {
    // R ranks within each row, lower time = rank 1 is irrelevant for the statistic: the direction only mirrors ranks
    const result = friedmanTest(roundingTimes, { higherIsBetter: false });
    expect(result.chiSquare).toBeCloseTo(11.143, 3);
    expect(result.df).toBe(2);
    expect(result.pValue).toBeCloseTo(0.003805, 6);
  });

  it('reproduces Demšar\'s worked example: χ²_F = 9.28 and F_F = 3.69 from the published average ranks', () => {
    const chiSquare = friedmanStatistic(demsarRanks, 14);
    expect(chiSquare).toBeCloseTo(9.28, 2);
    expect(imanDavenportStatistic(chiSquare, 14, 4)).toBeCloseTo(3.69, 2);
  });

  it('without ties the tie-corrected statistic equals Demšar\'s formula, and the ranks average per treatment', () => {
    const result = friedmanTest([[0.9, 0.5, 0.7], [0.8, 0.6, 0.4], [0.3, 0.2, 0.1], [0.5, 0.9, 0.7]]);
    expect(result.averageRanks).toEqual([1.5, 2, 2.5]);
    expect(result.chiSquare).toBeCloseTo(result.chiSquareUncorrected, 12);
    expect(result.chiSquare).toBeCloseTo(2, 12); // 12·4/(3·4)·(1.5² + 2.5² + 2² − 12) = 4·0.5
    expect([result.df1, result.df2]).toEqual([2, 6]);
  });

  it('refuses too little data', () => {
    expect(() => friedmanTest([[1, 2]])).toThrow(/at least 2 blocks/);
    expect(() => friedmanTest([[1, 2], [1]])).toThrow(/every treatment/);
  });
});

describe('Nemenyi critical difference', () => {
  it('matches Demšar\'s Table 5a critical values q_α for k = 2 … 10', () => {
    const q05 = [1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164];
    const q10 = [1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920];
    // the table gives three decimals (q(0.95; 3, ∞)/√2 = 2.34370 is printed 2.343)
    q05.forEach((q, i) => expect(Math.abs(nemenyiCriticalDifference(i + 2, 10, 0.05).qAlpha - q), `k = ${i + 2}`).toBeLessThan(1e-3));
    q10.forEach((q, i) => expect(Math.abs(nemenyiCriticalDifference(i + 2, 10, 0.10).qAlpha - q), `k = ${i + 2}`).toBeLessThan(1e-3));
    // the familiar Tukey value q(0.95; 3, ∞) = 3.314
    expect(studentizedRangeQuantile(0.95, 3)).toBeCloseTo(3.314, 3);
  });

  it('gives Demšar\'s CD = 1.25 (α = 0.05) and 1.12 (α = 0.10) for 4 algorithms on 14 data sets', () => {
    expect(nemenyiCriticalDifference(4, 14).criticalDifference).toBeCloseTo(1.25, 2);
    expect(nemenyiCriticalDifference(4, 14, 0.10).criticalDifference).toBeCloseTo(1.12, 2);
  });

  it('groups algorithms whose average ranks differ by less than CD', () => {
    // Demšar's example sorted: C4.5+m+cf 1.964, C4.5+m 2.000, C4.5+cf 2.893, C4.5 3.143. At α = 0.05 (CD 1.25)
    // no pair differs (3.143 − 1.964 = 1.179); at α = 0.10 (CD 1.12) C4.5 is worse than C4.5+m+cf and C4.5+m (1.143) — his conclusion
    expect(criticalDifferenceCliques([1.964, 2.0, 2.893, 3.143], 1.25)).toEqual([[0, 3]]);
    expect(criticalDifferenceCliques([1.964, 2.0, 2.893, 3.143], 1.12)).toEqual([[0, 2], [2, 3]]);
    expect(criticalDifferenceCliques([1, 3, 5], 1)).toEqual([]);
  });
});
