import { describe, expect, it } from 'vitest';
import { Rng } from '../../algorithms/random/rng.js';
import { CanaryAnalysis, JudgementScratch, judgeSamples } from '../../algorithms/simulation/canaryAnalysis.js';
import { failureOnsetHours } from '../../algorithms/simulation/failureOnset.js';
import { NormalDraws } from '../../algorithms/simulation/normalDraws.js';
import { poissonArrivalHours } from '../../algorithms/simulation/poissonArrivals.js';
import { mannWhitneyU } from '../../harness/stats/mannWhitney.js';
import { CANARY } from './support.js';

describe('canary judgement', () => {
  it('its one-sided p is half the two-sided Mann–Whitney p of harness/stats (normal approximation) when the canary is slower', () => {
    const normals = new NormalDraws(Rng.fromSeed(7));
    for (const shift of [0.2, 0.5, 1]) {
      const canary = Float64Array.from({ length: 60 }, () => 100 + shift + normals.next());
      const baseline = Float64Array.from({ length: 60 }, () => 100 + normals.next());
      const judgement = judgeSamples(canary, baseline, 60, { alpha: 0.01, minimumEffect: 0 });
      const reference = mannWhitneyU([...canary], [...baseline], { exact: false });
      expect(reference.u1).toBeGreaterThan(60 * 60 / 2);
      expect(judgement.pValue).toBeCloseTo(reference.pValue / 2, 12);
      expect(judgement.ratio).toBeCloseTo(canary.reduce((a, b) => a + b) / baseline.reduce((a, b) => a + b), 12);
    }
  });

  it('fails only when significant and slower by the minimum effect', () => {
    const canary = Float64Array.from({ length: 24 }, (_, i) => 110 + i * 0.01);
    const baseline = Float64Array.from({ length: 24 }, (_, i) => 100 + i * 0.01);
    expect(judgeSamples(canary, baseline, 24, { alpha: 0.01, minimumEffect: 0.05 }).fails).toBe(true);
    // all canary values above all baseline values, but only 10 % slower: not 20 %
    expect(judgeSamples(canary, baseline, 24, { alpha: 0.01, minimumEffect: 0.2 }).fails).toBe(false);
    // faster canaries never fail (one-sided)
    expect(judgeSamples(baseline, canary, 24, { alpha: 0.01, minimumEffect: 0 }).fails).toBe(false);
  });

  it('detection takes fewer hours the more traffic the canary gets (200 seeded canaries per traffic level)', () => {
    const meanDelay = (requestsPerHour: number): number => {
      let total = 0;
      for (let seed = 1; seed <= 200; seed++) {
        const analysis = new CanaryAnalysis(CANARY.analysis, new JudgementScratch());
        const normals = new NormalDraws(Rng.fromSeed(seed));
        let hour = 0;
        while (hour < 1000) {
          analysis.observeHour(requestsPerHour, true, normals);
          hour++;
          if (analysis.judgeHour()) break;
        }
        total += hour;
      }
      return total / 200;
    };
    const delays = [500, 2000, 10_000, 100_000].map(meanDelay);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeLessThan(delays[i - 1]);
    // with abundant traffic every judgement fails: the rollback comes after exactly consecutiveFailures hours
    expect(delays[3]).toBe(CANARY.analysis.consecutiveFailures);
  });
});

describe('failure onset and arrivals', () => {
  it('hazard 0 never fails, hazard 1 fails in the first running hour, otherwise a geometric draw', () => {
    expect(failureOnsetHours(0.5, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(failureOnsetHours(0.999, 1)).toBe(0);
    // P(onset ≥ k) = (1 − h)^k: u = 1 − 0.9^3 is the boundary between 2 and 3 hours
    expect(failureOnsetHours(1 - 0.9 ** 3 - 1e-9, 0.1)).toBe(2);
    expect(failureOnsetHours(1 - 0.9 ** 3 + 1e-9, 0.1)).toBe(3);
    const rng = Rng.fromSeed(3);
    const draws = Array.from({ length: 20_000 }, () => failureOnsetHours(rng.float(), 0.05));
    // mean of a geometric number of failures before the first success: (1 − h) / h = 19
    expect(draws.reduce((a, b) => a + b) / draws.length).toBeCloseTo(19, 0);
  });

  it('Poisson arrivals have the rate asked for, in ascending hours inside the window', () => {
    const hours = poissonArrivalHours(Rng.fromSeed(11), 0.5, 1, 20_001);
    expect(hours.length / 20_000).toBeCloseTo(0.5, 1);
    expect(hours.every((hour, i) => hour >= 1 && hour < 20_001 && (i === 0 || hours[i - 1] <= hour))).toBe(true);
    expect(poissonArrivalHours(Rng.fromSeed(11), 0, 1, 100)).toEqual([]);
  });
});
