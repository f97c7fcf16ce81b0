import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExperimentSchedule } from '../../algorithms/problem/experimentSchedule.js';
import { consumedRequestsInt32, MAX_PERMILLE } from '../../algorithms/problem/fractions.js';
import {
  coverageOf, permilleForRequests, placeExperimentAt, remainingCapacity, remainingPermilleAt, sizeFractions,
} from '../../algorithms/problem/placement.js';
import { experiment, place, repeat, tinyIndividual } from '../support/tinyProblem.js';

describe('permilleForRequests: the smallest whole per-mille that yields a number of requests', () => {
  it('hand-computed cases', () => {
    expect(permilleForRequests(1000, 0)).toBe(0);
    expect(permilleForRequests(1000, 1)).toBe(1); // 1000 · 0.001 = 1
    expect(permilleForRequests(1000, 250)).toBe(250);
    expect(permilleForRequests(3000, 1)).toBe(1); // 3000 · 0.001 = 3 ≥ 1
    expect(permilleForRequests(400, 1)).toBe(2); // 400 · 0.001 = 0.4 → 0; 0.8 → 1
    expect(permilleForRequests(100, 101)).toBe(1005); // 100 · 1.005 = 100.5 rounds up to 101 (1004 gives 100); over capacity, still exact
    expect(permilleForRequests(0, 5)).toBe(MAX_PERMILLE + 1);
  });

  it('is minimal and sufficient under the validity rule\'s arithmetic (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 32_000_000 }), fc.integer({ min: 1, max: 5_000_000 }), (requests, need) => {
      const permille = permilleForRequests(requests, need);
      if (permille > MAX_PERMILLE) return consumedRequestsInt32(requests, MAX_PERMILLE) < need;
      return consumedRequestsInt32(requests, permille) >= need && (permille === 0 || consumedRequestsInt32(requests, permille - 1) < need);
    }), { numRuns: 2000 });
  });
});

describe('capacity queries and placing an experiment on purpose', () => {
  const build = () => tinyIndividual([1000, 1000], [
    experiment({ id: 1, minDuration: 4, requiredTotalTraffic: 4 * 600 }),
    experiment({ id: 2, minDuration: 4, requiredTotalTraffic: 4 * 600, preferredUserGroup: ['group2'] }),
  ], 12);

  it('remaining capacity is 1000 ‰ minus the load of the same service, per hour and over a range', () => {
    const individual = build();
    place(individual, 0, 2, repeat({ 0: 600 }, 4));
    expect(remainingPermilleAt(individual, 0, 1, 0)).toBe(1000);
    expect(remainingPermilleAt(individual, 0, 2, 0)).toBe(400);
    expect(remainingPermilleAt(individual, 0, 2, 1)).toBe(1000);
    expect(remainingPermilleAt(individual, 0, 99, 0)).toBe(0); // outside the profile
    expect(remainingCapacity(individual, 0, 0, 0, 12)).toBe(400);
    expect(remainingCapacity(individual, 0, 0, 6, 12)).toBe(1000);
  });

  it('sizes fractions to the need, filling groups in order up to what is free', () => {
    const individual = build();
    place(individual, 0, 0, repeat({ 0: 600 }, 4));
    const target = new ExperimentSchedule(2, 4);
    // 600/h needed; group1 has 400 ‰ free (400 requests), group2 gives the other 200
    expect(sizeFractions(individual, 1, target, 0, 4, [0, 1])).toBe(-1);
    for (let offset = 0; offset < 4; offset++) {
      expect(target.fractionPermille(offset, 0)).toBe(400);
      expect(target.fractionPermille(offset, 1)).toBe(200);
    }
    // group1 alone cannot carry it: fails at the first hour
    expect(sizeFractions(individual, 1, target, 0, 4, [0])).toBe(0);
    // preferred group2 first: all on group2, so it is primary in every hour
    expect(sizeFractions(individual, 1, target, 0, 4, [1, 0])).toBe(-1);
    expect(target.fractionPermille(0, 1)).toBe(600);
    expect(target.fractionPermille(0, 0)).toBe(0);
    expect(coverageOf(individual, 1, target)).toBe(1);
  });

  it('placeExperimentAt commits a valid placement, or leaves the individual unchanged when it does not fit', () => {
    const individual = build();
    place(individual, 0, 0, repeat({ 0: 700, 1: 700 }, 4));
    const before = individual.fitness;
    // hours 0–3 have 300 ‰ of each group free: 600 requests, exactly the need — it fits
    expect(placeExperimentAt(individual, 1, 0, 4, [1, 0])).toBe(true);
    expect(individual.valid).toBe(true);
    expect(individual.schedules[1].fractionPermille(0, 1)).toBe(300);
    expect(individual.schedules[1].fractionPermille(0, 0)).toBe(300);
    // a longer run would need the same 600/h on the now-full groups: refused, nothing changes
    const snapshot = individual.clone();
    expect(placeExperimentAt(individual, 1, 0, 5, [1, 0])).toBe(true); // 2400/5 = 480/h, the own load is withdrawn first
    individual.copyFrom(snapshot);
    place(individual, 0, 0, repeat({ 0: 900, 1: 900 }, 8));
    const load = Array.from(individual.capacityLoadTable());
    expect(placeExperimentAt(individual, 1, 0, 4, [1, 0])).toBe(false); // 200 free < 600
    expect(Array.from(individual.capacityLoadTable())).toEqual(load);
    expect(individual.schedules[1].fractionPermille(0, 1)).toBe(300);
    expect(before).toBeGreaterThan(0);
  });
});
