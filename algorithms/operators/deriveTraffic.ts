import { constantMinTraffic, gradualRampNumerator, rampAt } from '../problem/experiment.js';
import { requiredPermille } from '../problem/fractions.js';
import type { Individual } from '../problem/individual.js';
import type { Rng } from '../random/rng.js';
import { sampleRatio } from './sampleRatio.js';

const shares = new Float64Array(32);

/**
 * Re-derives the fractions of experiment e's schedule from its group sets (spec §8): for each
 * maximal run of hours with the same group set a fresh ratio is drawn, and each present group
 * gets `ceil(1000 · share · minTraffic / available) / 1000`. Call between beginEdit/endEdit.
 */
export function deriveTraffic(individual: Individual, e: number, rng: Rng): void {
  const { problem } = individual;
  const experiment = problem.experiments[e];
  const schedule = individual.schedules[e];
  const { requests, hours } = problem.profile;
  const groups = schedule.groupCount;
  const { start, duration, groupMask, permille } = schedule;
  const gradual = problem.gradual[e] === 1;
  const constantMinimum = gradual ? 0 : constantMinTraffic(experiment.requiredTotalTraffic, duration);
  const rampNumerator = gradual ? gradualRampNumerator(experiment, duration) : 0;
  const rampStart = experiment.startTraffic ?? 0;
  const durationSquared = duration * duration;
  // locals, not the imports: under tsx an imported binding is a getter call on every read
  const ramp = rampAt;
  const required = requiredPermille;
  let runMask = -1;
  for (let offset = 0; offset < duration; offset++) {
    const mask = groupMask[offset];
    if (mask !== runMask) {
      runMask = mask;
      let count = 0;
      for (let m = mask; m !== 0; m &= m - 1) count++;
      if (count > 0) sampleRatio(rng, count, shares);
    }
    const hour = start + offset;
    const rowBase = offset * groups;
    if (hour < 0 || hour >= hours) {
      for (let m = mask; m !== 0; m &= m - 1) permille[rowBase + 31 - Math.clz32(m & -m)] = 0;
      continue;
    }
    const minimum = gradual ? ramp(rampNumerator, rampStart, offset, durationSquared) : constantMinimum;
    const requestBase = hour * groups;
    let share = 0;
    for (let m = mask; m !== 0; m &= m - 1) {
      const g = 31 - Math.clz32(m & -m);
      permille[rowBase + g] = required(shares[share], minimum, requests[requestBase + g]);
      share++;
    }
  }
}
