import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { highsSolver } from '../../algorithms/bounds/highsSolver.js';
import { isolationBound } from '../../algorithms/bounds/isolationBound.js';
import { trivialBound } from '../../algorithms/bounds/trivialBound.js';
import { upperBoundWith } from '../../algorithms/bounds/upperBound.js';
import { Individual } from '../../algorithms/problem/individual.js';
import { createProblem } from '../../algorithms/problem/problem.js';
import { createProfile } from '../../algorithms/problem/trafficProfile.js';
import { Rng } from '../../algorithms/random/rng.js';
import { getAlgorithm } from '../../algorithms/registry.js';
import { openDataSource } from '../../datasets/dataSource.js';
import { experiment, place, repeat } from '../support/tinyProblem.js';

/** 48 hours of one group: 100 requests in hours 0–4, 1000 afterwards. */
function lowStartProfile() {
  const requests = new Int32Array(48).map((_, h) => (h < 5 ? 100 : 1000));
  return createProfile(['group1'], requests);
}

describe('upper bounds', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await highsSolver();
  });

  it('(a) is w_D + w_U + w_S: 1 with the paper weights', () => {
    const problem = createProblem(lowStartProfile(), [experiment({ id: 1 })]);
    expect(trivialBound(problem)).toBe(1);
    expect(trivialBound(createProblem(lowStartProfile(), [experiment({ id: 1 })], { weights: { duration: 0.5, userGroup: 0.25, start: 0.125 } }))).toBe(0.875);
  });

  it('(b1) finds the best start and duration of an experiment alone (hand-computed) and reaches it', () => {
    // needs 2000 requests over ≥ 4 h: any start ≤ 4 includes a 100-request hour, so d ≥ 20
    // (need round(2000/20) = 100): F = 0.4·4/20 + 0.2 + 0.4 = 0.68; starting at 5 for 4 h gives
    // 0.4 + 0.2 + 0.4/6 = 0.667
    const problem = createProblem(lowStartProfile(), [experiment({ id: 1, minDuration: 4, requiredTotalTraffic: 2000 })]);
    const bound = isolationBound(problem);
    expect(bound.experiments[0]).toMatchObject({ start: 0, duration: 20, exact: true });
    // its own term is 0.48; U = 1 for a set without preferences is the constant 0.2
    expect(bound.experiments[0].value).toBeCloseTo(0.48, 12);
    expect(bound.bound - 1e-9).toBeCloseTo(0.68, 12);
    const schedule = new Individual(problem);
    place(schedule, 0, 0, repeat({ 0: 1000 }, 20));
    expect(schedule.valid).toBe(true);
    expect(schedule.fitness).toBeCloseTo(0.68, 12);
    expect(schedule.fitness).toBeLessThanOrEqual(bound.bound);
  });

  it('(b1) counts only hours where a preferred group can be strictly primary, and reaches the trade-off', () => {
    // group1 sends 600, group2 400; 3600 requests over ≥ 4 h, group2 preferred. With group2 primary
    // an hour gets at most 400 + 399 = 799: 4 h (need 900) cannot be covered (F = 0.4 + 0.4 = 0.8),
    // 5 h (need 720) can: F = 0.4·4/5 + 0.4 + 0.2 = 0.92 — group2 at 1000 ‰ (400), group1 at 665 ‰ (399)
    const profile = createProfile(['group1', 'group2'], new Int32Array(2 * 24).map((_, i) => (i % 2 === 0 ? 600 : 400)));
    const problem = createProblem(profile, [experiment({ id: 1, minDuration: 4, requiredTotalTraffic: 3600, preferredUserGroup: ['group2'] })]);
    const bound = isolationBound(problem);
    expect(bound.experiments[0]).toMatchObject({ start: 0, duration: 5, coveredHours: 5, coverageFraction: 1 });
    expect(bound.bound - 1e-9).toBeCloseTo(0.92, 12);
    const schedule = new Individual(problem);
    place(schedule, 0, 0, repeat({ 0: 665, 1: 1000 }, 5));
    expect(schedule.valid).toBe(true);
    expect(schedule.fitness).toBeCloseTo(0.92, 12);
    expect(schedule.fitness).toBeLessThanOrEqual(bound.bound);
    // from 666 ‰ on, group1 consumes 400 and ties group2: no group is primary, no hour covered
    place(schedule, 0, 0, repeat({ 0: 667, 1: 1000 }, 5));
    expect(schedule.userGroupScore).toBe(0);
  });

  it('(b1) stays an upper bound when its search is cut short by the work limit', () => {
    const problem = createProblem(lowStartProfile(), [experiment({ id: 1, minDuration: 4, requiredTotalTraffic: 2000 })]);
    const exact = isolationBound(problem);
    const cut = isolationBound(problem, 10);
    expect(cut.experiments[0].exact).toBe(false);
    expect(cut.bound).toBeGreaterThanOrEqual(exact.bound);
  });

  it('(b2) is below 1 where the paper sets overload the first hours, above the greedy, and reproducible', () => {
    const data = openDataSource('builtin');
    const problem = createProblem(data.profile(), data.experimentSet(30, 'high', 1));
    const first = upperBoundWith(problem, highs);
    const second = upperBoundWith(problem, highs);
    expect(first.bound).toBe(second.bound);
    expect(first.method).toBe('capacity');
    expect(first.capacity!.converged).toBe(true);
    expect(first.isolation).toBeGreaterThan(1); // 1 + the rounding margin: alone every experiment fits at hour 0
    expect(first.bound).toBeLessThan(0.999);
    const greedy = getAlgorithm('greedy');
    const result = greedy.run(problem, greedy.paramsSchema.parse({}), { rng: Rng.fromSeed(1) });
    expect(result.best.valid).toBe(true);
    expect(result.best.fitness).toBeLessThanOrEqual(first.bound);
  });

  it('reports an experiment that cannot be placed even alone', () => {
    const problem = createProblem(lowStartProfile(), [experiment({ id: 1, minDuration: 4, requiredTotalTraffic: 1_000_000 })]);
    const bound = upperBoundWith(problem, highs);
    expect(bound.infeasible).toBe(true);
    expect(bound.capacity).toBeUndefined();
  });
});
