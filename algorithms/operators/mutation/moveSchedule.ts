import type { MutationOperation } from './mutationContext.js';

export const MAX_MOVE_HOURS = 48;

/** move: shift by 1–48 hours, forward or back with equal chance, clamped at hour 0; not for running experiments. */
export const moveSchedule: MutationOperation = (schedule, e, problem, rng) => {
  if (problem.running[e] === 1) return false;
  const shift = 1 + rng.below(MAX_MOVE_HOURS);
  const back = rng.below(2) === 1;
  schedule.start = back ? Math.max(0, schedule.start - shift) : schedule.start + shift;
  return true;
};
