import type { MutationOperation } from './mutationContext.js';

/** The spec's (§8) largest shift of one move; `maxMoveHours` overrides it (a sensitivity knob: README). */
export const MAX_MOVE_HOURS = 48;

/** move: shift by 1–48 hours, forward or back with equal chance, clamped at hour 0; not for running experiments. */
export const moveSchedule: MutationOperation = (schedule, e, problem, rng, params) => {
  if (problem.running[e] === 1) return false;
  const shift = 1 + rng.below(params?.maxMoveHours ?? MAX_MOVE_HOURS);
  const back = rng.below(2) === 1;
  schedule.start = back ? Math.max(0, schedule.start - shift) : schedule.start + shift;
  return true;
};
