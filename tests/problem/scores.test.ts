import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { constantMinTraffic, minTrafficAt } from '../../algorithms/problem/experiment.js';
import { Individual } from '../../algorithms/problem/individual.js';
import { createProblem } from '../../algorithms/problem/problem.js';
import { experiment, flatProfile, place, repeat, tinyIndividual } from '../support/tinyProblem.js';

describe('minimum traffic (spec §2)', () => {
  it('constant: round(total / d), half up, 0 outside the schedule', () => {
    expect(constantMinTraffic(1000, 3)).toBe(333);
    expect(constantMinTraffic(1001, 2)).toBe(501);
    const e = experiment({ id: 1, requiredTotalTraffic: 1000 });
    expect(minTrafficAt(e, 0, 4)).toBe(250);
    expect(minTrafficAt(e, 4, 4)).toBe(0);
    expect(minTrafficAt(e, -1, 4)).toBe(0);
  });

  it('gradual: a linear ramp round(2·(total − start·d)·i/d² + start), defined for 0 ≤ i ≤ d', () => {
    const ramp = experiment({ id: 1, baseType: 'GradualExperiment', requiredTotalTraffic: 1000, startTraffic: 50 });
    // 2·(1000 − 500)·i/100 + 50 = 10·i + 50
    expect([0, 1, 5, 9, 10].map((i) => minTrafficAt(ramp, i, 10))).toEqual([50, 60, 100, 140, 150]);
    expect(minTrafficAt(ramp, 11, 10)).toBe(0);
    // 2·(1000 − 3·100)·1/9 + 100 = 255.56 → 256
    expect(minTrafficAt(experiment({ id: 2, baseType: 'GradualExperiment', requiredTotalTraffic: 1000, startTraffic: 100 }), 1, 3)).toBe(256);
  });
});

describe('fitness scores (spec §5)', () => {
  // Profile: group1 1000, group2 500 requests per hour.
  const GROUPS = [1000, 500];

  it('D, S, U and F by hand: two experiments, one with a preference', () => {
    const individual = tinyIndividual(GROUPS, [
      experiment({ id: 1, priority: 2, preferredUserGroup: ['group1'], requiredTotalTraffic: 800 }),
      experiment({ id: 2, priority: 1 }),
    ]);
    // e1: 8 h from hour 0; group1 primary in 6 of 8 hours (hour 6 tied, hour 7 group2 ahead)
    place(individual, 0, 0, [...repeat({ 0: 100 }, 6), { 0: 100, 1: 200 }, { 0: 50, 1: 200 }]);
    // e2: 4 h from hour 3
    place(individual, 1, 3, repeat({ 1: 200 }, 4));
    expect(individual.valid).toBe(true);
    expect(individual.durationScore).toBeCloseTo((2 * 4 / 8 + 1 * 4 / 4) / 3, 12); // 2/3
    expect(individual.startScore).toBeCloseTo((2 * 1 + 1 * 0.25) / 3, 12); // 0.75
    expect(individual.userGroupScore).toBeCloseTo(6 / 8, 12); // only e1 has preferences, Q = 2
    expect(individual.fitness).toBeCloseTo(0.4 * (2 / 3) + 0.2 * 0.75 + 0.4 * 0.75, 12);
    // per-experiment fitness used by crossover
    expect(individual.experimentFitness(0)).toBeCloseTo(0.4 * 0.5 + 0.2 * 0.75 + 0.4 * 1, 12);
    expect(individual.experimentFitness(1)).toBeCloseTo(0.4 * 1 + 0.2 * 1 + 0.4 * 0.25, 12);
  });

  it('primary group: a tie means no group is primary; a lone group is primary even at 0 requests', () => {
    const individual = tinyIndividual(GROUPS, [experiment({ id: 1, preferredUserGroup: ['group1'], requiredTotalTraffic: 0 })]);
    place(individual, 0, 0, repeat({ 0: 100, 1: 200 }, 4)); // 100 vs 100 requests: tie
    expect(individual.userGroupScore).toBe(0);
    place(individual, 0, 0, repeat({ 0: 101, 1: 200 }, 4)); // 101 vs 100
    expect(individual.userGroupScore).toBe(1);
    place(individual, 0, 0, [{ 0: 0 }, { 0: 0 }, { 0: 0 }, { 0: 1 }]); // lone group (interrupted, but still primary)
    expect(individual.userGroupScore).toBe(1);
  });

  it('any preferred group may be the primary one', () => {
    const individual = tinyIndividual(GROUPS, [experiment({ id: 1, preferredUserGroup: ['group1', 'group2'] })]);
    place(individual, 0, 0, [{ 0: 100 }, { 1: 200 }, { 0: 10, 1: 200 }, { 0: 100, 1: 0 }]);
    expect(individual.userGroupScore).toBe(1);
  });

  it('U is 1 when no experiment has preferences', () => {
    const individual = tinyIndividual(GROUPS, [experiment({ id: 1 }), experiment({ id: 2 })]);
    place(individual, 0, 0, repeat({ 1: 200 }, 4));
    place(individual, 1, 0, repeat({ 1: 200 }, 4));
    expect(individual.userGroupScore).toBe(1);
  });

  it('priority 0 experiments count for nothing in D, S and U', () => {
    const individual = tinyIndividual(GROUPS, [
      experiment({ id: 1, priority: 0, preferredUserGroup: ['group2'] }),
      experiment({ id: 2, priority: 3, preferredUserGroup: ['group1'] }),
    ]);
    place(individual, 0, 10, repeat({ 0: 100 }, 8)); // long, late, not preferred: would lower every score
    place(individual, 1, 0, repeat({ 0: 100 }, 4));
    expect([individual.durationScore, individual.startScore, individual.userGroupScore]).toEqual([1, 1, 1]);
  });

  it('weights are configurable', () => {
    const problem = createProblem(flatProfile(24, GROUPS), [experiment({ id: 1 })], { weights: { duration: 1, userGroup: 0, start: 0 } });
    const individual = new Individual(problem);
    place(individual, 0, 5, repeat({ 0: 100 }, 8));
    expect(individual.fitness).toBeCloseTo(0.5, 12);
  });
});

describe('consumption arithmetic (spec §3, the original\'s float)', () => {
  it('the per-mille table and the general fraction form agree for every per-mille value', async () => {
    const { consumedRequests, consumedRequestsOfFraction } = await import('../../algorithms/problem/fractions.js');
    for (const requests of [1, 999, 1001, 104351, 278268, 1_100_000]) {
      for (let permille = 0; permille <= 1000; permille++) {
        expect(consumedRequestsOfFraction(requests, permille / 1000)).toBe(consumedRequests(requests, permille));
      }
    }
  });
});

describe('the search loop\'s int32 consumption', () => {
  it('equals the original\'s float arithmetic for every per-mille value, exact halves included', async () => {
    const { consumedRequests, consumedRequestsInt32, MAX_PERMILLE } = await import('../../algorithms/problem/fractions.js');
    const { MAX_GROUP_REQUESTS_PER_HOUR } = await import('../../algorithms/problem/trafficProfile.js');
    // 2 × 0.0025 = 0.005 and 1 × 0.5: products on an exact half
    for (const requests of [0, 1, 2, 999, 1001, 104351, 278268, 1_100_000, MAX_GROUP_REQUESTS_PER_HOUR]) {
      for (let permille = 0; permille <= MAX_PERMILLE; permille++) {
        if (consumedRequestsInt32(requests, permille) !== consumedRequests(requests, permille)) {
          expect({ requests, permille, int32: consumedRequestsInt32(requests, permille) }).toEqual({ requests, permille, int32: consumedRequests(requests, permille) });
        }
      }
    }
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_GROUP_REQUESTS_PER_HOUR }), fc.integer({ min: 0, max: MAX_PERMILLE }), (requests, permille) => {
      expect(consumedRequestsInt32(requests, permille)).toBe(consumedRequests(requests, permille));
    }), { numRuns: 20_000 });
  });
  it('stays below 2^31 at the profile limit and the largest fraction', async () => {
    const { consumedRequests, MAX_PERMILLE } = await import('../../algorithms/problem/fractions.js');
    const { MAX_GROUP_REQUESTS_PER_HOUR } = await import('../../algorithms/problem/trafficProfile.js');
    expect(consumedRequests(MAX_GROUP_REQUESTS_PER_HOUR, MAX_PERMILLE)).toBeLessThan(2 ** 31);
  });
});
