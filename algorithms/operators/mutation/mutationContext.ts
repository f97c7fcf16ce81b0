import type { ExperimentSchedule } from '../../problem/experimentSchedule.js';
import type { Problem } from '../../problem/problem.js';
import type { Rng } from '../../random/rng.js';
import type { MutationParams } from './mutate.js';

/** Amount added where a group is newly added or flipped in without a fraction: 0.005 (spec §8). */
export const ADDED_GROUP_PERMILLE = 5;

/**
 * One mutation operation on experiment e's schedule. Returns false when it does not apply
 * (it then counts for nothing and the caller draws another). The caller re-derives traffic.
 * `params` carries the mutation's settings (only move reads one: `maxMoveHours`).
 */
export type MutationOperation = (schedule: ExperimentSchedule, e: number, problem: Problem, rng: Rng, params?: MutationParams) => boolean;

/** A random inclusive offset range [from, to] inside the schedule, drawn as the original does. */
export function randomRange(schedule: ExperimentSchedule, rng: Rng): [number, number] {
  const from = rng.below(schedule.duration);
  const to = from + rng.below(schedule.duration - from);
  return [from, to];
}

/** A random group present in the given hour, or -1. */
export function randomPresentGroup(schedule: ExperimentSchedule, offset: number, rng: Rng): number {
  return randomGroupOf(schedule.groupMask[offset], rng);
}

/** A uniformly chosen set bit of `mask`, or -1. */
export function randomGroupOf(mask: number, rng: Rng): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  if (count === 0) return -1;
  let pick = rng.below(count);
  for (let m = mask; m !== 0; m &= m - 1) {
    if (pick-- === 0) return 31 - Math.clz32(m & -m);
  }
  return -1;
}

/** A random group other than `excluded`. */
export function randomOtherGroup(groupCount: number, excluded: number, rng: Rng): number {
  return (excluded + 1 + rng.below(groupCount - 1)) % groupCount;
}

/** Running business experiments never change groups (spec §8, §10). */
export function groupsAreFrozen(problem: Problem, e: number): boolean {
  return problem.running[e] === 1 && problem.business[e] === 1;
}
