import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { solveGridMip } from '../../algorithms/bounds/gridMip.js';
import { highsSolver } from '../../algorithms/bounds/highsSolver.js';
import { upperBoundWith } from '../../algorithms/bounds/upperBound.js';
import { createProblem } from '../../algorithms/problem/problem.js';
import { experiment, flatProfile } from '../support/tinyProblem.js';
import { gridBruteForce } from './support/gridBruteForce.js';
import { smallInstances } from './support/smallInstances.js';

describe('exact optimum over grid schedules (MIP, HiGHS)', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await highsSolver();
  });

  it('finds the hand-computed optimum when two experiments compete for one group', () => {
    // one group of 1000 requests/hour; both experiments need 600/hour for 4 hours: they cannot both
    // run 4 hours from hour 0. Best: one runs 4 h at 600 ‰, the other 6 h at 400 ‰ (need 400):
    // D = (1 + 4/6)/2, S = 1, U = 1 → F = 0.4·5/6 + 0.6 = 14/15. (Both 5 h at 480 ‰ would give
    // 0.92 but needs a 20 ‰ grid; one of them starting at hour 4 gives 0.84.)
    const problem = createProblem(flatProfile(24, [1000]), [
      experiment({ id: 1, minDuration: 4, requiredTotalTraffic: 2400 }),
      experiment({ id: 2, minDuration: 4, requiredTotalTraffic: 2400 }),
    ]);
    const result = solveGridMip(problem, highs, { gridPermille: 200 });
    expect(result.status).toBe('optimal');
    expect(result.best).toBeCloseTo(14 / 15, 12);
    expect(result.schedule!.valid).toBe(true);
    expect(result.schedule!.schedules.map((schedule) => [schedule.start, schedule.duration].join('+')).sort()).toEqual(['0+4', '0+6']);
    const bound = upperBoundWith(problem, highs);
    expect(bound.isolation).toBeCloseTo(1, 8);
    expect(bound.method).toBe('capacity');
    expect(bound.bound).toBeGreaterThanOrEqual(result.best);
    expect(bound.bound).toBeLessThan(0.99);
    // the same instance by enumeration
    expect(gridBruteForce(problem, 200)).toBeCloseTo(14 / 15, 12);
  });

  it('equals brute-force enumeration on 20 toy instances (2–3 experiments, 24–26 h, 1–2 groups, 250 ‰ / 500 ‰ grid)', () => {
    const toys = fc.sample(smallInstances({
      hours: { min: 24, max: 26 }, groups: { min: 1, max: 2 }, experiments: { min: 2, max: 3 },
      load: { min: 0.2, max: 0.5 }, minDuration: { min: 8, max: 12 }, running: true,
    }), { numRuns: 20, seed: 3 });
    let belowOne = 0;
    for (const problem of toys) {
      const grid = problem.experiments.length === 3 ? 500 : 250;
      const bound = upperBoundWith(problem, highs);
      const mip = solveGridMip(problem, highs, { gridPermille: grid, knownUpperBound: bound.bound });
      const enumerated = gridBruteForce(problem, grid);
      expect(mip.status).toBe('optimal');
      expect(mip.best).toBeCloseTo(enumerated, 9);
      // the MIP's schedule is valid in the model and scores what the MIP says
      expect(mip.schedule!.valid).toBe(true);
      expect(mip.schedule!.complete).toBe(true);
      // a valid schedule never beats a certified bound
      expect(mip.best).toBeLessThanOrEqual(bound.bound);
      if (enumerated < 0.999) belowOne++;
    }
    // capacity binds in a good share of them (otherwise the comparison would be trivial)
    expect(belowOne).toBeGreaterThanOrEqual(6);
  }, 300_000); // ≈ 13 s of CPU; the whole suite shares 2 cores

  it('reports best and bound when stopped by its time limit', () => {
    const [problem] = fc.sample(smallInstances({ hours: { min: 48, max: 48 }, groups: { min: 3, max: 3 }, experiments: { min: 5, max: 5 },
      load: { min: 0.3, max: 0.6 }, minDuration: { min: 4, max: 8 }, running: false, secondService: 0 }), { numRuns: 1, seed: 5 });
    const result = solveGridMip(problem, highs, { gridPermille: 100, timeLimitSeconds: 0.2 });
    expect(result.status).toBe('time-limit');
    if (result.best > -Infinity) expect(result.best).toBeLessThanOrEqual(result.bound + 1e-9);
  });
});
