import type { Individual } from '../problem/individual.js';
import type { Rng } from '../random/rng.js';
import { deriveTraffic } from './deriveTraffic.js';

/**
 * A random schedule for experiment e (spec §6), written into the individual between
 * beginEdit/endEdit: 1 or 2 random groups, start `earliestStart + U[0, 48n)`, duration
 * `minDuration + U[0, 12n)`, one ratio for the whole run. Running experiments (§10) start at 0;
 * running business experiments keep their fixed groups.
 */
export function sampleSchedule(individual: Individual, e: number, earliestStart: number, rng: Rng): void {
  const { problem } = individual;
  const n = problem.experiments.length;
  const groupCount = problem.profile.groups.length;
  const fixedGroups = problem.fixedGroupMask[e];
  let mask = fixedGroups;
  if (mask === 0) {
    const first = rng.below(groupCount);
    mask = 1 << first;
    if (groupCount > 1 && rng.below(2) === 1) {
      const second = (first + 1 + rng.below(groupCount - 1)) % groupCount;
      mask |= 1 << second;
    }
  }
  const start = problem.running[e] === 1 ? 0 : earliestStart + rng.below(48 * n);
  const duration = Math.max(1, problem.experiments[e].minDuration + rng.below(12 * n));
  const schedule = individual.beginEdit(e);
  schedule.reset(start, duration);
  schedule.groupMask.fill(mask, 0, duration);
  // one run of identical group sets → one ratio, as in the original sampler
  deriveTraffic(individual, e, rng);
  individual.endEdit(e);
}
