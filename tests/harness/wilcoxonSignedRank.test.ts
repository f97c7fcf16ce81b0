import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilcoxonSignedRank } from '../../harness/stats/wilcoxonSignedRank.js';

describe('Wilcoxon signed-rank test (paired differences), as R wilcox.test(d)', () => {
  it('exact p-values, counted by hand', () => {
    // |d| ranks 1 (0.5), 2 (1.5), 3, 4, 5; V = 2+3+4+5 = 14; P(V ≥ 14) = 2 of 32 subsets of 1…5 (sums 14, 15) → p = 0.125
    expect(wilcoxonSignedRank([1.5, -0.5, 2, 3, 4])).toEqual({ n: 5, statistic: 14, pValue: 0.125, method: 'exact' });
    // all 8 positive: V = 36, only the full set reaches it → p = 2/256
    expect(wilcoxonSignedRank([1, 2, 3, 4, 5, 6, 7, 8])).toEqual({ n: 8, statistic: 36, pValue: 2 / 256, method: 'exact' });
    // V = 1 (0.5 has rank 1); P(V ≤ 1) = 2/16 ({}, {1}) → p = 0.25
    expect(wilcoxonSignedRank([-1, -2, -3, 0.5])).toEqual({ n: 4, statistic: 1, pValue: 0.25, method: 'exact' });
    // symmetric around the middle: p capped at 1
    expect(wilcoxonSignedRank([1, -2, -3, 4]).pValue).toBe(1);
  });

  it('zeros are dropped and ties use the corrected normal approximation', () => {
    // d ≠ 0: 2, 2, −1, 3, 3, 3, −2, 5 → |d| ranks 1 → 1; 2,2,2 → 3; 3,3,3 → 6; 5 → 8; V = 3+3+6+6+6+8 = 32;
    // mean 8·9/4 = 18, variance 8·9·17/24 − (24 + 24)/48 = 50, z = (14 − 0.5)/√50 = 1.909188 → p = 2(1 − Φ(z)) = 0.056238
    const result = wilcoxonSignedRank([2, 2, -1, 3, 3, 3, -2, 5, 0]);
    expect(result).toMatchObject({ n: 8, statistic: 32, method: 'normal' });
    expect(result.pValue).toBeCloseTo(0.0562378, 6);
    // n ≥ 50: normal approximation (the value @stdlib/stats-wilcoxon 0.2.3, an R port, gives for the same data: 0.02020141713229906)
    const large = Array.from({ length: 60 }, (_, i) => (i % 7) - 2.5 + i * 0.01);
    expect(wilcoxonSignedRank(large).method).toBe('normal');
    expect(wilcoxonSignedRank(large).pValue).toBeCloseTo(0.0202014171, 7);
    expect(wilcoxonSignedRank([0, 0, 0])).toEqual({ n: 0, statistic: 0, method: 'exact' });
    expect(() => wilcoxonSignedRank([1, Number.NaN])).toThrow(/finite/);
  });

  it('is symmetric: negating every difference gives the same p-value and V → n(n+1)/2 − V', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 30 }), (values) => {
      const a = wilcoxonSignedRank(values);
      const b = wilcoxonSignedRank(values.map((v) => -v));
      if (a.n === 0) return b.n === 0;
      return Math.abs((a.pValue ?? 0) - (b.pValue ?? 0)) < 1e-12 && a.statistic + b.statistic === (a.n * (a.n + 1)) / 2 && a.pValue! > 0 && a.pValue! <= 1;
    }));
  });
});
