import type { MutationOperation } from './mutationContext.js';

export const MAX_RESIZE_HOURS = 6;

/** shorten: drop 1–6 hours from the end; does not apply if that would drop everything. */
export const shortenSchedule: MutationOperation = (schedule, _e, _problem, rng) => {
  const hours = 1 + rng.below(MAX_RESIZE_HOURS);
  if (hours >= schedule.duration) return false;
  schedule.duration -= hours;
  return true;
};

/** extend: append 1–6 copies of the last hour's assignment. */
export const extendSchedule: MutationOperation = (schedule, _e, _problem, rng) => {
  const hours = 1 + rng.below(MAX_RESIZE_HOURS);
  const last = schedule.duration - 1;
  const groups = schedule.groupCount;
  schedule.reserve(schedule.duration + hours);
  for (let k = 1; k <= hours; k++) {
    const offset = last + k;
    schedule.groupMask[offset] = schedule.groupMask[last];
    schedule.permille.copyWithin(offset * groups, last * groups, (last + 1) * groups);
  }
  schedule.duration += hours;
  return true;
};
