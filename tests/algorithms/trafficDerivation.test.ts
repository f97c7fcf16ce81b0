import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradualMinTrafficAt, minTrafficAt } from '../../algorithms/problem/experiment.js';
import { Individual } from '../../algorithms/problem/individual.js';
import { createProblem } from '../../algorithms/problem/problem.js';
import { createProfile } from '../../algorithms/problem/trafficProfile.js';
import { requiredPermille } from '../../algorithms/problem/fractions.js';
import { deriveTraffic } from '../../algorithms/operators/deriveTraffic.js';
import { sampleRatio } from '../../algorithms/operators/sampleRatio.js';
import { Rng } from '../../algorithms/random/rng.js';
import { experiment, tinyIndividual } from '../support/tinyProblem.js';
import { scriptedRng } from './support/scriptedRng.js';

// Groups send 1000, 500 and 300 requests every hour.
const GROUPS = [1000, 500, 300];

/** Places e with the given group sets (fractions left 0) and re-derives its traffic with the scripted ratio draws. */
function derive(individual: ReturnType<typeof tinyIndividual>, e: number, start: number, masks: number[], draws: number[]) {
  individual.beginEdit(e);
  const schedule = individual.schedules[e];
  schedule.reset(start, masks.length);
  masks.forEach((mask, offset) => {
    schedule.groupMask[offset] = mask;
  });
  const rng = scriptedRng(draws);
  deriveTraffic(individual, e, rng);
  individual.endEdit(e);
  expect(rng.remaining()).toBe(0); // exactly one ratio draw per run of equal group sets
  return Array.from({ length: masks.length }, (_, offset) => [0, 1, 2].map((g) => schedule.fractionPermille(offset, g)));
}

describe('deriveTraffic (spec §8)', () => {
  it('draws one ratio per maximal run of equal group sets and sets ceil(1000 · share · minTraffic / available)', () => {
    // 500 requests over 5 h → 100 per hour. Runs: {0,1} ×2, {1,2} ×2, {0,1} ×1 → three ratios: 25 %, 50 %, 100 %.
    const individual = tinyIndividual(GROUPS, [experiment({ id: 1, minDuration: 5, requiredTotalTraffic: 500 })]);
    const permille = derive(individual, 0, 0, [0b011, 0b011, 0b110, 0b110, 0b011], [25, 50, 100]);
    expect(permille).toEqual([
      [25, 150, 0], // 0.25·100/1000 = 0.025; 0.75·100/500 = 0.15
      [25, 150, 0],
      [0, 100, 167], // 0.5·100/500 = 0.1; 0.5·100/300 = 0.1667 → ceil 167
      [0, 100, 167],
      [100, 0, 0], // a new run (same set as the first, but not adjacent) draws afresh: 100 % / 0 %
    ]);
    expect(individual.valid).toBe(true);
  });

  it('a single group takes the whole need: 100 requests from 300 → ceil(333.3) = 334 ‰', () => {
    const individual = tinyIndividual(GROUPS, [experiment({ id: 1, minDuration: 2, requiredTotalTraffic: 200 })]);
    expect(derive(individual, 0, 3, [0b100, 0b100], [])).toEqual([[0, 0, 334], [0, 0, 334]]);
  });

  it('gradual experiments follow the ramp hour by hour', () => {
    const ramp = experiment({ id: 1, baseType: 'GradualExperiment', minDuration: 6, requiredTotalTraffic: 600, startTraffic: 20 });
    const individual = tinyIndividual(GROUPS, [ramp]);
    const permille = derive(individual, 0, 0, Array(6).fill(0b001), []);
    expect(permille.map((row) => row[0])).toEqual([0, 1, 2, 3, 4, 5].map((i) => requiredPermille(1, gradualMinTrafficAt(ramp, i, 6), 1000)));
    // needs 20, 47, 73, 100, 127, 153 requests; 127/1000 in 32-bit floats is 0.12700000405 → ×1000 = 127.0000076 → ceil 128
    expect(permille.map((row) => row[0])).toEqual([20, 47, 73, 100, 128, 153]);
  });

  it('hours outside the profile get 0 (and the schedule is invalid, not a crash)', () => {
    const individual = tinyIndividual(GROUPS, [experiment({ id: 1, minDuration: 3, requiredTotalTraffic: 300 })], 24);
    expect(derive(individual, 0, 22, [0b001, 0b001, 0b001], [])).toEqual([[100, 0, 0], [100, 0, 0], [0, 0, 0]]);
    expect(individual.valid).toBe(false);
  });
});

describe('sampleRatio (spec §6)', () => {
  it('splits 100 % in whole percent over 1–5 groups', () => {
    fc.assert(fc.property(fc.integer(), fc.integer({ min: 1, max: 5 }), (seed, groups) => {
      const shares = new Float64Array(8);
      sampleRatio(Rng.fromSeed(seed), groups, shares);
      const percents = Array.from(shares.subarray(0, groups), (share) => Math.round(share * 100));
      expect(percents.reduce((a, b) => a + b, 0)).toBe(100);
      percents.forEach((percent, i) => {
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(shares[i]).toBe(Math.fround(percent / 100)); // whole percent, as 32-bit floats
      });
    }), { numRuns: 500, seed: 4 });
  });

  it('each group but the last draws U[0, remaining]; the last takes the rest', () => {
    const shares = new Float64Array(3);
    sampleRatio(scriptedRng([30, 70]), 3, shares); // 30 of 100, then 70 of the remaining 70
    expect(Array.from(shares)).toEqual([Math.fround(0.3), Math.fround(0.7), 0]);
  });
});

/** deriveTraffic as the spec states it, hour by hour through requiredPermille (the inlined loop must equal it). */
function referenceDerivation(individual: Individual, e: number, rng: Rng): number[] {
  const { problem } = individual;
  const schedule = individual.schedules[e];
  const { requests, hours } = problem.profile;
  const width = schedule.groupCount;
  const shares = new Float64Array(32);
  const out = new Array<number>(schedule.duration * width).fill(0);
  let runMask = -1;
  for (let offset = 0; offset < schedule.duration; offset++) {
    const mask = schedule.groupMask[offset];
    const members = [0, 1, 2, 3].filter((g) => (mask >>> g) & 1);
    if (mask !== runMask) {
      runMask = mask;
      if (members.length > 0) sampleRatio(rng, members.length, shares);
    }
    const hour = schedule.start + offset;
    const minimum = minTrafficAt(problem.experiments[e], offset, schedule.duration);
    members.forEach((g, i) => {
      out[offset * width + g] = hour >= 0 && hour < hours ? requiredPermille(shares[i], minimum, requests[hour * width + g]) : 0;
    });
  }
  return out;
}

describe('deriveTraffic equals requiredPermille hour by hour', () => {
  it('for random group-set runs, starts in and out of the profile, ramps and constants, groups sending nothing', () => {
    // group 4 sends nothing in some hours (a fraction saturates at MAX_PERMILLE), group 3 very little
    const hours = 30;
    const requests = new Int32Array(hours * 4);
    for (let h = 0; h < hours; h++) requests.set([900 + 37 * h, 450 + (h % 7) * 11, 3 + (h % 5), h % 3 === 0 ? 0 : 120], h * 4);
    const experiments = [
      experiment({ id: 1, minDuration: 3, requiredTotalTraffic: 1234 }),
      experiment({ id: 2, baseType: 'GradualExperiment', minDuration: 4, requiredTotalTraffic: 2000, startTraffic: 7.3 }),
      experiment({ id: 3, baseType: 'GradualExperiment', minDuration: 2, requiredTotalTraffic: 50, startTraffic: 0 }),
    ];
    const problem = createProblem(createProfile(['g1', 'g2', 'g3', 'g4'], requests), experiments);
    const run = fc.record({ mask: fc.integer({ min: 0, max: 15 }), hours: fc.integer({ min: 1, max: 6 }) });
    fc.assert(fc.property(fc.nat(2), fc.integer({ min: -4, max: 32 }), fc.array(run, { minLength: 1, maxLength: 5 }), fc.integer(), (e, start, runs, seed) => {
      const individual = new Individual(problem);
      const schedule = individual.beginEdit(e);
      const masks = runs.flatMap((r) => Array<number>(r.hours).fill(r.mask));
      schedule.reset(start, masks.length);
      masks.forEach((mask, offset) => { schedule.groupMask[offset] = mask; });
      const expected = referenceDerivation(individual, e, Rng.fromSeed(seed));
      const rng = Rng.fromSeed(seed);
      deriveTraffic(individual, e, rng);
      expect(Array.from(schedule.permille.subarray(0, masks.length * 4))).toEqual(expected);
      // the same number of draws: both streams continue alike
      const reference = Rng.fromSeed(seed);
      referenceDerivation(individual, e, reference);
      expect(rng.below(1 << 30)).toBe(reference.below(1 << 30));
      individual.endEdit(e);
    }), { numRuns: 1000, seed: 1204 });
  });
});
