import { describe, expect, it } from 'vitest';
import { ExperimentSchedule } from '../../algorithms/problem/experimentSchedule.js';
import { createProblem } from '../../algorithms/problem/problem.js';
import { addGroup, addGroupRange } from '../../algorithms/operators/mutation/addGroup.js';
import { flipGroup, flipGroupRange } from '../../algorithms/operators/mutation/flipGroup.js';
import { moveSchedule } from '../../algorithms/operators/mutation/moveSchedule.js';
import { mutate } from '../../algorithms/operators/mutation/mutate.js';
import type { MutationOperation } from '../../algorithms/operators/mutation/mutationContext.js';
import { removeGroup, removeGroupRange } from '../../algorithms/operators/mutation/removeGroup.js';
import { extendSchedule, shortenSchedule } from '../../algorithms/operators/mutation/resizeSchedule.js';
import { Individual } from '../../algorithms/problem/individual.js';
import { Rng } from '../../algorithms/random/rng.js';
import { experiment, flatProfile } from '../support/tinyProblem.js';
import { scriptedRng } from './support/scriptedRng.js';

// Three groups (0, 1, 2). Positions: 0 regression, 1 business, 2 running regression, 3 running business keeping group 0.
const problem = createProblem(flatProfile(200, [1000, 500, 300]), [
  experiment({ id: 1 }),
  experiment({ id: 2, type: 'BUSINESS' }),
  experiment({ id: 3, running: true }),
  experiment({ id: 4, type: 'BUSINESS', running: true }),
], { fixedGroups: new Map([[4, ['group1']]]) });
const [REGRESSION, BUSINESS, RUNNING, RUNNING_BUSINESS] = [0, 1, 2, 3];

type Row = Record<number, number>;

function scheduleOf(start: number, rows: Row[]): ExperimentSchedule {
  const schedule = new ExperimentSchedule(3, 16);
  schedule.reset(start, rows.length);
  rows.forEach((row, offset) => Object.entries(row).forEach(([g, permille]) => schedule.setGroup(offset, Number(g), permille)));
  return schedule;
}

/** The schedule as rows of group → per-mille (present groups only). */
function rowsOf(schedule: ExperimentSchedule): Row[] {
  return Array.from({ length: schedule.duration }, (_, offset) => {
    const row: Row = {};
    for (let g = 0; g < 3; g++) if ((schedule.groupMask[offset] >>> g) & 1) row[g] = schedule.fractionPermille(offset, g);
    return row;
  });
}

/** Applies an operation with scripted draws and checks that every scripted draw was used. */
function apply(operation: MutationOperation, schedule: ExperimentSchedule, e: number, draws: number[]): boolean {
  const rng = scriptedRng(draws);
  const applied = operation(schedule, e, problem, rng);
  expect(rng.remaining()).toBe(0);
  return applied;
}

describe('move', () => {
  it('shifts forward by 1–48 hours (draw 9 → 10 h, direction draw 0 → forward)', () => {
    const schedule = scheduleOf(10, [{ 0: 100 }]);
    expect(apply(moveSchedule, schedule, REGRESSION, [9, 0])).toBe(true);
    expect(schedule.start).toBe(20);
  });

  it('shifts back and clamps at hour 0', () => {
    const schedule = scheduleOf(30, [{ 0: 100 }]);
    apply(moveSchedule, schedule, REGRESSION, [47, 1]);
    expect(schedule.start).toBe(0);
    const later = scheduleOf(60, [{ 0: 100 }]);
    apply(moveSchedule, later, REGRESSION, [47, 1]);
    expect(later.start).toBe(12);
  });

  it('does not apply to running experiments', () => {
    const schedule = scheduleOf(0, [{ 0: 100 }]);
    expect(apply(moveSchedule, schedule, RUNNING, [])).toBe(false);
    expect(apply(moveSchedule, schedule, RUNNING_BUSINESS, [])).toBe(false);
    expect(schedule.start).toBe(0);
  });

  it('covers shifts 1…48 both ways with the real generator', () => {
    const rng = Rng.fromSeed(7);
    const shifts = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const schedule = scheduleOf(100, [{ 0: 100 }]);
      moveSchedule(schedule, REGRESSION, problem, rng);
      shifts.add(schedule.start - 100);
    }
    const expected = [...Array.from({ length: 48 }, (_, i) => i + 1), ...Array.from({ length: 48 }, (_, i) => -(i + 1))];
    expect([...shifts].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });

  it('shifts by up to maxMoveHours when the mutation sets it (draw 99 → 100 h)', () => {
    const schedule = scheduleOf(10, [{ 0: 100 }]);
    const rng = scriptedRng([99, 0]);
    expect(moveSchedule(schedule, REGRESSION, problem, rng, { mutationProbability: 1, mutationScope: 1, maxMoveHours: 100 })).toBe(true);
    expect(rng.remaining()).toBe(0);
    expect(schedule.start).toBe(110);
  });
});

describe('shorten', () => {
  it('drops 1–6 hours from the end (draw 2 → 3 h)', () => {
    const schedule = scheduleOf(5, [{ 0: 1 }, { 0: 2 }, { 0: 3 }, { 0: 4 }, { 0: 5 }, { 0: 6 }, { 0: 7 }]);
    expect(apply(shortenSchedule, schedule, REGRESSION, [2])).toBe(true);
    expect(schedule.start).toBe(5);
    expect(rowsOf(schedule)).toEqual([{ 0: 1 }, { 0: 2 }, { 0: 3 }, { 0: 4 }]);
  });

  it('does not apply when it would drop everything', () => {
    const schedule = scheduleOf(5, [{ 0: 1 }, { 0: 2 }, { 0: 3 }]);
    expect(apply(shortenSchedule, schedule, REGRESSION, [2])).toBe(false);
    expect(schedule.duration).toBe(3);
    const single = scheduleOf(5, [{ 0: 1 }]);
    expect(apply(shortenSchedule, single, REGRESSION, [0])).toBe(false);
    expect(single.duration).toBe(1);
  });
});

describe('extend', () => {
  it('appends 1–6 copies of the last hour (draw 1 → 2 h)', () => {
    const schedule = scheduleOf(5, [{ 0: 10 }, { 0: 20, 2: 7 }]);
    expect(apply(extendSchedule, schedule, REGRESSION, [1])).toBe(true);
    expect(rowsOf(schedule)).toEqual([{ 0: 10 }, { 0: 20, 2: 7 }, { 0: 20, 2: 7 }, { 0: 20, 2: 7 }]);
  });

  it('grows the storage when the schedule is at capacity', () => {
    const rows = Array.from({ length: 16 }, (_, k) => ({ 1: k + 1 }));
    const schedule = scheduleOf(0, rows);
    apply(extendSchedule, schedule, REGRESSION, [5]);
    expect(rowsOf(schedule)).toEqual([...rows, ...Array.from({ length: 6 }, () => ({ 1: 16 }))]);
  });
});

describe('flip-group', () => {
  // draws: hour, group among that hour's groups, other group (to = (from + 1 + draw) % 3)
  it('replaces the group in every hour, merging where the new group is present and adding 5 ‰ where the old is absent', () => {
    const schedule = scheduleOf(0, [{ 0: 100 }, { 0: 100, 1: 40 }, { 1: 60 }, { 2: 30 }]);
    expect(apply(flipGroup, schedule, REGRESSION, [0, 0, 0])).toBe(true); // hour 0, group 0 → group 1
    expect(rowsOf(schedule)).toEqual([{ 1: 100 }, { 1: 140 }, { 1: 65 }, { 1: 5, 2: 30 }]);
  });

  it('applies to business experiments (all hours change together) but not to running business ones', () => {
    const schedule = scheduleOf(0, [{ 2: 50 }, { 2: 50 }]);
    expect(apply(flipGroup, schedule, BUSINESS, [1, 0, 0])).toBe(true); // group 2 → (2+1+0)%3 = 0
    expect(rowsOf(schedule)).toEqual([{ 0: 50 }, { 0: 50 }]);
    const frozen = scheduleOf(0, [{ 0: 50 }]);
    expect(apply(flipGroup, frozen, RUNNING_BUSINESS, [])).toBe(false);
    expect(rowsOf(frozen)).toEqual([{ 0: 50 }]);
  });
});

describe('flip-group-range', () => {
  it('flips only inside a random hour range (draws 1, 1 → hours 1–2)', () => {
    const schedule = scheduleOf(0, [{ 0: 100 }, { 0: 100 }, { 0: 100 }, { 0: 100 }]);
    expect(apply(flipGroupRange, schedule, REGRESSION, [1, 1, 0, 1])).toBe(true); // group 0 → 2
    expect(rowsOf(schedule)).toEqual([{ 0: 100 }, { 2: 100 }, { 2: 100 }, { 0: 100 }]);
  });

  it('applies to regression experiments only', () => {
    const schedule = scheduleOf(0, [{ 0: 100 }, { 0: 100 }]);
    expect(apply(flipGroupRange, schedule, BUSINESS, [])).toBe(false);
    expect(apply(flipGroupRange, schedule, RUNNING_BUSINESS, [])).toBe(false);
    expect(rowsOf(schedule)).toEqual([{ 0: 100 }, { 0: 100 }]);
    expect(apply(flipGroupRange, schedule, RUNNING, [0, 0, 0, 0])).toBe(true); // running regression may switch groups
  });
});

describe('add-group / add-group-range', () => {
  it('adds the group with 5 ‰ in every hour where it is absent or at 0, leaving other fractions', () => {
    const schedule = scheduleOf(0, [{ 0: 100 }, { 0: 100, 1: 0 }, { 0: 100, 1: 30 }]);
    expect(apply(addGroup, schedule, REGRESSION, [1])).toBe(true);
    expect(rowsOf(schedule)).toEqual([{ 0: 100, 1: 5 }, { 0: 100, 1: 5 }, { 0: 100, 1: 30 }]);
  });

  it('range variant: only inside the drawn range (draws 0, 1 → hours 0–1)', () => {
    const schedule = scheduleOf(0, [{ 0: 100 }, { 0: 100 }, { 0: 100 }]);
    expect(apply(addGroupRange, schedule, REGRESSION, [0, 1, 2])).toBe(true);
    expect(rowsOf(schedule)).toEqual([{ 0: 100, 2: 5 }, { 0: 100, 2: 5 }, { 0: 100 }]);
  });

  it('not for running business experiments', () => {
    const schedule = scheduleOf(0, [{ 0: 100 }]);
    expect(apply(addGroup, schedule, RUNNING_BUSINESS, [])).toBe(false);
    expect(apply(addGroupRange, schedule, RUNNING_BUSINESS, [])).toBe(false);
    expect(rowsOf(schedule)).toEqual([{ 0: 100 }]);
  });
});

describe('remove-group / remove-group-range', () => {
  it('removes a used group wherever it is not the only group', () => {
    const schedule = scheduleOf(0, [{ 0: 100 }, { 0: 100, 1: 50 }, { 1: 60 }]);
    expect(apply(removeGroup, schedule, REGRESSION, [0])).toBe(true); // used groups {0, 1}: draw 0 → group 0
    expect(rowsOf(schedule)).toEqual([{ 0: 100 }, { 1: 50 }, { 1: 60 }]);
  });

  it('never removes the only group of an hour, even when it is the only group used', () => {
    const schedule = scheduleOf(0, [{ 2: 100 }, { 2: 100 }]);
    expect(apply(removeGroup, schedule, REGRESSION, [0])).toBe(true);
    expect(rowsOf(schedule)).toEqual([{ 2: 100 }, { 2: 100 }]);
  });

  it('range variant: picks among the groups used in the range and removes only there', () => {
    const schedule = scheduleOf(0, [{ 0: 10, 1: 10 }, { 0: 10, 2: 10 }, { 0: 10, 2: 10 }, { 0: 10, 2: 10 }]);
    // range draws 1, 1 → hours 1–2, used there {0, 2}: draw 1 → group 2
    expect(apply(removeGroupRange, schedule, REGRESSION, [1, 1, 1])).toBe(true);
    expect(rowsOf(schedule)).toEqual([{ 0: 10, 1: 10 }, { 0: 10 }, { 0: 10 }, { 0: 10, 2: 10 }]);
  });

  it('not for running business experiments', () => {
    const schedule = scheduleOf(0, [{ 0: 100, 1: 5 }]);
    expect(apply(removeGroup, schedule, RUNNING_BUSINESS, [])).toBe(false);
    expect(apply(removeGroupRange, schedule, RUNNING_BUSINESS, [])).toBe(false);
    expect(rowsOf(schedule)).toEqual([{ 0: 100, 1: 5 }]);
  });
});

describe('mutate', () => {
  it('never changes the groups or the start of a running business experiment (many random mutations)', () => {
    const individual = new Individual(problem);
    problem.experiments.forEach((_, e) => {
      individual.beginEdit(e);
      individual.schedules[e].copyFrom(scheduleOf(0, Array.from({ length: 8 }, () => ({ 0: 100 }))));
      individual.endEdit(e);
    });
    const rng = Rng.fromSeed(3);
    let applied = 0;
    for (let i = 0; i < 2000; i++) applied += mutate(individual, { mutationProbability: 1, mutationScope: 0.5 }, rng);
    expect(applied).toBe(2000 * 2);
    const frozen = individual.schedules[RUNNING_BUSINESS];
    expect(frozen.start).toBe(0);
    expect(Array.from(frozen.groupMask.subarray(0, frozen.duration)).every((mask) => mask === 0b001)).toBe(true);
    expect(individual.schedules[RUNNING].start).toBe(0);
  });

  it('leaves the individual unchanged with probability 1 − mutationProbability', () => {
    const individual = new Individual(problem);
    expect(mutate(individual, { mutationProbability: 0, mutationScope: 1 }, Rng.fromSeed(1))).toBe(0);
  });
});
