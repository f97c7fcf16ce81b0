import { describe, expect, it } from 'vitest';
import { Individual } from '../../algorithms/problem/individual.js';
import { createProblem } from '../../algorithms/problem/problem.js';
import { moveSchedule } from '../../algorithms/operators/mutation/moveSchedule.js';
import { Rng } from '../../algorithms/random/rng.js';
import { prepareRescheduling, reschedulingPopulation, reschedulingStart, type Rescheduling } from '../../algorithms/rescheduling/reschedule.js';
import { experiment, flatProfile, place, repeat } from '../support/tinyProblem.js';

/**
 * A hand-made plan re-scheduled at t = 1 on a flat profile of 10 000 requests per group and hour:
 * - id 1, regression, running (start 0, 5 h, group 0 at 100‰ = 1000 requests an hour, the
 *   minimum of round(5002 / 5)); after hour 0 it still needs 4002 in 4 h = round(1000.5) = 1001
 *   an hour, so its carried fractions fall 1 request short (the original's +0.0001 gives 1001);
 * - id 2, business, running (start 0, 6 h, groups 0 and 1 at 50‰ each: exactly its 1000 an hour);
 * - id 3, regression, not started (start 10, 4 h, group 1 at 100‰);
 * - id 4 finished in hour 0; id 5 arrives at t.
 * Four experiments remain, so the published window is [t, t + 48·4) = [1, 193).
 */
function handMadeRescheduling(): Rescheduling {
  const experiments = [
    experiment({ id: 1, minDuration: 5, requiredTotalTraffic: 5002 }),
    experiment({ id: 2, type: 'BUSINESS', minDuration: 6, requiredTotalTraffic: 6000 }),
    experiment({ id: 3, minDuration: 4, requiredTotalTraffic: 4000 }),
    experiment({ id: 4, minDuration: 1, requiredTotalTraffic: 1000 }),
  ];
  const old = new Individual(createProblem(flatProfile(600, [10_000, 10_000]), experiments));
  place(old, 0, 0, repeat({ 0: 100 }, 5));
  place(old, 1, 0, repeat({ 0: 50, 1: 50 }, 6));
  place(old, 2, 10, repeat({ 1: 100 }, 4));
  place(old, 3, 0, repeat({ 1: 100 }, 1));
  expect(old.valid).toBe(true);
  return prepareRescheduling(old, { atHour: 1, discardIds: [], newExperiments: [experiment({ id: 5, minDuration: 3, requiredTotalTraffic: 3000 })] });
}

const WINDOW = { from: 1, to: 1 + 48 * 4 };
const indexOf = (rescheduling: Rescheduling, id: number) => rescheduling.problem.experiments.findIndex((item) => item.id === id);
const fractions = (individual: Individual, e: number) => {
  const schedule = individual.schedules[e];
  return Array.from({ length: schedule.duration }, (_, offset) => [schedule.groupMask[offset], schedule.fractionPermille(offset, 0), schedule.fractionPermille(offset, 1)]);
};

describe('as-published re-scheduling population (SampleGenerator.createPopulationForRestart), hand-made plan', () => {
  const rescheduling = handMadeRescheduling();
  const [one, two, three, five] = [1, 2, 3, 5].map((id) => indexOf(rescheduling, id));
  const start = reschedulingStart(rescheduling, 'as-published');
  const population = start.population(30, Rng.fromSeed(11));

  it('reduces the plan as in spec §10 (id 4 finished, id 1 needs 1001 an hour)', () => {
    expect(rescheduling.finishedIds).toEqual([4]);
    expect(rescheduling.problem.experiments.map((item) => item.id)).toEqual([1, 2, 3, 5]);
    expect(rescheduling.problem.experiments[one]).toMatchObject({ minDuration: 4, requiredTotalTraffic: 4002, running: true });
    expect(rescheduling.carriedOver.ruleFlags[one]).not.toBe(0);
  });

  it('the first individual is the old plan: running at hour 0, not started at its old start − t, fractions +1‰ only where short', () => {
    const first = population[0];
    expect(first.valid).toBe(true);
    expect([first.schedules[one].start, first.schedules[one].duration]).toEqual([0, 4]);
    expect(fractions(first, one)).toEqual(repeat({}, 4).map(() => [1, 101, 0]));
    expect([first.schedules[two].start, first.schedules[two].duration]).toEqual([0, 5]);
    expect(fractions(first, two)).toEqual(repeat({}, 5).map(() => [3, 50, 50]));
    expect([first.schedules[three].start, first.schedules[three].duration]).toEqual([9, 4]);
    expect(fractions(first, three)).toEqual(repeat({}, 4).map(() => [2, 0, 100]));
    expect(first.schedules[five].start).toBeGreaterThanOrEqual(WINDOW.from);
    expect(first.schedules[five].start).toBeLessThan(WINDOW.to);
  });

  it('every later individual carries the running business experiment and re-samples the others at t + U[0, 48·n)', () => {
    for (const individual of population.slice(1)) {
      expect(individual.valid).toBe(true);
      expect([individual.schedules[two].start, individual.schedules[two].duration]).toEqual([0, 5]);
      expect(fractions(individual, two)).toEqual(repeat({}, 5).map(() => [3, 50, 50]));
      for (const e of [one, three, five]) {
        const schedule = individual.schedules[e];
        expect(schedule.start).toBeGreaterThanOrEqual(WINDOW.from);
        expect(schedule.start).toBeLessThan(WINDOW.to);
        expect(schedule.duration).toBeGreaterThanOrEqual(rescheduling.problem.experiments[e].minDuration);
      }
    }
    // the window is used, not one hour of it: 29 individuals × 3 sampled experiments
    const starts = new Set(population.slice(1).flatMap((individual) => [one, three, five].map((e) => individual.schedules[e].start)));
    expect(starts.size).toBeGreaterThan(30);
  });

  it('searches on a problem without the transient restarted flag: nothing pinned, no groups fixed, still a re-scheduling problem', () => {
    expect(start.problem).not.toBe(rescheduling.problem);
    expect(Array.from(start.problem.running)).toEqual([0, 0, 0, 0]);
    expect(Array.from(start.problem.fixedGroupMask)).toEqual([0, 0, 0, 0]);
    expect(start.problem.rescheduling).toBe(true);
    expect(rescheduling.problem.running[one]).toBe(1);
    for (const individual of population) expect(individual.problem).toBe(start.problem);
    // the move that the sound variant refuses for a running experiment applies here
    const copy = population[0].clone();
    copy.beginEdit(one);
    expect(moveSchedule(copy.schedules[one], one, start.problem, Rng.fromSeed(3), { mutationProbability: 1, mutationScope: 1 })).toBe(true);
    expect(moveSchedule(copy.schedules[one], one, rescheduling.problem, Rng.fromSeed(3), { mutationProbability: 1, mutationScope: 1 })).toBe(false);
    copy.cancelEdit(one);
  });

  it('the paper-means hypothesis samples the first individual too (no carried-over plan)', () => {
    const hypothesis = reschedulingStart(rescheduling, 'paper-means-hypothesis').population(5, Rng.fromSeed(11));
    for (const individual of hypothesis) {
      expect([individual.schedules[two].start, individual.schedules[two].duration]).toEqual([0, 5]);
      for (const e of [one, three, five]) expect(individual.schedules[e].start).toBeGreaterThanOrEqual(WINDOW.from);
    }
  });

  it('the sound default is unchanged: old plan completed first, running experiments pinned in every individual', () => {
    const sound = reschedulingStart(rescheduling);
    expect(sound.problem).toBe(rescheduling.problem);
    const fromStart = sound.population(8, Rng.fromSeed(11));
    const direct = reschedulingPopulation(rescheduling, 8, Rng.fromSeed(11));
    expect(fromStart.map((individual) => individual.fitness)).toEqual(direct.map((individual) => individual.fitness));
    expect(fromStart.map((individual) => individual.schedules.map((schedule) => schedule.start))).toEqual(direct.map((individual) => individual.schedules.map((schedule) => schedule.start)));
    expect(fromStart[0].schedules[three].start).toBe(9);
    for (const individual of fromStart) expect([individual.schedules[one].start, individual.schedules[two].start]).toEqual([0, 0]);
  });

  it('is reproducible from the seed and refuses the robust sampler', () => {
    const again = start.population(30, Rng.fromSeed(11));
    expect(again.map((individual) => individual.fitness)).toEqual(population.map((individual) => individual.fitness));
    expect(() => start.population(2, Rng.fromSeed(1), 'robust')).toThrow(/samples as published/);
  });
});
