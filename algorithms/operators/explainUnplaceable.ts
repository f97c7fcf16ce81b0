import type { Individual } from '../problem/individual.js';
import { consumedRequestsInt32 } from '../problem/fractions.js';
import { minimumTrafficOf, remainingPermilleAt } from '../problem/placement.js';

/**
 * Why experiment e has no valid placement, as a statement a user can check against the profile:
 * - alone: "needs R requests/hour … but all groups together send at most M in the weakest hour of
 *   any window of d hours" — checked for every duration from the minimum to the profile's length
 *   (a constant need falls with the duration, so a longer run might fit: that is ruled out);
 * - beside others: where it would fit alone, which hours lack free capacity and which experiments of
 *   its service hold it.
 * e must be unplaced (its own load withdrawn).
 */
export function explainUnplaceable(individual: Individual, e: number): string {
  const { problem } = individual;
  const experiment = problem.experiments[e];
  const { hours, requests, groups } = problem.profile;
  const width = groups.length;
  const minimum = Math.max(1, experiment.minDuration);
  const running = problem.running[e] === 1;
  const allowed = problem.fixedGroupMask[e] !== 0 ? problem.fixedGroupMask[e] : (2 ** width - 1) | 0;
  const groupNames = groups.filter((_, g) => (allowed >>> g) & 1);
  const groupText = problem.fixedGroupMask[e] !== 0 ? `its fixed groups ${groupNames.join(', ')}` : 'all groups together';
  if (minimum > hours) return `its minimum duration of ${minimum} h is longer than the profile's ${hours} hours`;

  // what the allowed groups send per hour when an experiment has them all to itself
  const capacityAt = (hour: number, free: boolean): number => {
    let total = 0;
    for (let g = 0; g < width; g++) {
      if (!((allowed >>> g) & 1)) continue;
      const permille = free ? remainingPermilleAt(individual, problem.serviceOf[e], hour, g) : 1000;
      total += consumedRequestsInt32(requests[hour * width + g], permille);
    }
    return total;
  };
  const fitsAt = (start: number, duration: number, free: boolean): number => {
    // -1 when it fits, else the first offset whose need exceeds the capacity
    const need = minimumTrafficOf(individual, e, duration);
    for (let offset = 0; offset < duration; offset++) if (capacityAt(start + offset, free) < need(offset)) return offset;
    return -1;
  };
  const lastStart = (duration: number) => (running ? Math.min(0, hours - duration) : hours - duration);

  let aloneStart = -1;
  let aloneDuration = 0;
  const constantNeed = problem.gradual[e] === 0;
  for (let duration = minimum; duration <= hours && aloneStart < 0; duration++) {
    for (let start = 0; start <= lastStart(duration);) {
      const failedAt = fitsAt(start, duration, false);
      if (failedAt < 0) {
        aloneStart = start;
        aloneDuration = duration;
        break;
      }
      // a constant need fails at that hour for every window holding it
      start += constantNeed ? failedAt + 1 : 1;
    }
  }
  if (aloneStart < 0) {
    const need = minimumTrafficOf(individual, e, minimum);
    let peakNeed = 0;
    let peakOffset = 0;
    for (let offset = 0; offset < minimum; offset++) if (need(offset) > peakNeed) { peakNeed = need(offset); peakOffset = offset; }
    let bestWeakest = 0;
    for (let start = 0; start <= lastStart(minimum); start++) {
      let weakest = Number.POSITIVE_INFINITY;
      for (let offset = 0; offset < minimum; offset++) weakest = Math.min(weakest, capacityAt(start + offset, false));
      bestWeakest = Math.max(bestWeakest, weakest);
    }
    return `it needs ${peakNeed} requests/hour at hour offset ${peakOffset} (at its minimum duration of ${minimum} h) ` +
      `but ${groupText} send at most ${bestWeakest} in the weakest hour of any window of ${minimum} hours` +
      `${running ? ' starting at hour 0 (it is running)' : ''}, and no longer duration up to the profile's ${hours} hours fits either`;
  }

  // it fits alone: name what blocks it in the first window where it would fit alone
  const need = minimumTrafficOf(individual, e, aloneDuration);
  const short = (offset: number) => capacityAt(aloneStart + offset, true) < need(offset);
  let blocked = 0;
  while (blocked < aloneDuration - 1 && !short(blocked)) blocked++;
  let last = blocked;
  while (last + 1 < aloneDuration && short(last + 1)) last++;
  const hour = aloneStart + blocked;
  const to = aloneStart + last;
  const holders = new Set<number>();
  const fullGroups: string[] = [];
  for (let g = 0; g < width; g++) {
    if (!((allowed >>> g) & 1)) continue;
    if (remainingPermilleAt(individual, problem.serviceOf[e], hour, g) === 0) fullGroups.push(groups[g]);
  }
  problem.experiments.forEach((other, o) => {
    if (o === e || !individual.placed[o] || problem.serviceOf[o] !== problem.serviceOf[e]) return;
    const schedule = individual.schedules[o];
    if (schedule.start <= hour && hour < schedule.end) holders.add(other.id);
  });
  const ids = [...holders].sort((a, b) => a - b);
  const shown = ids.length > 8 ? `${ids.slice(0, 8).join(', ')} and ${ids.length - 8} more` : ids.join(', ');
  return `alone it fits (e.g. from hour ${aloneStart} for ${aloneDuration} h on ${groupText}), but it does not fit beside ` +
    `experiments ${shown || '(none)'} of service ${experiment.targetService}: at hour ${hour}` +
    `${to > hour ? `–${to}` : ''} the free capacity falls short of its need` +
    `${fullGroups.length > 0 ? ` (capacity of ${fullGroups.join(', ')} full)` : ''}`;
}
