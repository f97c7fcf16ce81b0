import { constantMinTraffic, gradualRampNumerator, rampAt } from '../problem/experiment.js';
import { MAX_PERMILLE } from '../problem/fractions.js';
import type { Individual } from '../problem/individual.js';
import type { Rng } from '../random/rng.js';
import { sampleRatio } from './sampleRatio.js';

const shares = new Float64Array(32);
// per group of the current run: fround(share · fround(minimum)), the constant part of the formula
const scaledShares = new Float64Array(32);

/**
 * Re-derives the fractions of experiment e's schedule from its group sets (spec §8): for each
 * maximal run of hours with the same group set a fresh ratio is drawn, and each present group
 * gets `ceil(1000 · share · minTraffic / available) / 1000`. Call between beginEdit/endEdit.
 *
 * The formula is `requiredPermille` (problem/fractions.ts) with its float arithmetic, inlined
 * with the per-run constant `fround(share · fround(minTraffic))` hoisted out of the hour loop for
 * constant experiments: this is every mutation's O(duration) pass (a test compares every hour
 * with requiredPermille).
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
  const maxPermille = MAX_PERMILLE;
  const fround = Math.fround;
  const constantMinimumFloat = fround(constantMinimum);
  let runMask = -1;
  let count = 0;
  for (let offset = 0; offset < duration; offset++) {
    const mask = groupMask[offset];
    if (mask !== runMask) {
      runMask = mask;
      count = 0;
      for (let m = mask; m !== 0; m &= m - 1) count++;
      if (count > 0) {
        sampleRatio(rng, count, shares);
        if (!gradual) for (let i = 0; i < count; i++) scaledShares[i] = fround(shares[i] * constantMinimumFloat);
      }
    }
    const hour = start + offset;
    const rowBase = offset * groups;
    if (hour < 0 || hour >= hours) {
      for (let m = mask; m !== 0; m &= m - 1) permille[rowBase + 31 - Math.clz32(m & -m)] = 0;
      continue;
    }
    const minimum = gradual ? ramp(rampNumerator, rampStart, offset, durationSquared) : constantMinimum;
    if (minimum <= 0) {
      for (let m = mask; m !== 0; m &= m - 1) permille[rowBase + 31 - Math.clz32(m & -m)] = 0;
      continue;
    }
    if (gradual) {
      const minimumFloat = fround(minimum);
      for (let i = 0; i < count; i++) scaledShares[i] = fround(shares[i] * minimumFloat);
    }
    const requestBase = hour * groups;
    let share = 0;
    for (let m = mask; m !== 0; m &= m - 1) {
      const g = 31 - Math.clz32(m & -m);
      // requiredPermille(shares[share], minimum, available): a share of 0 gets 0; available 0 gives
      // Infinity (or NaN), which saturates at MAX_PERMILLE
      let value = 0;
      if (shares[share] > 0) {
        value = Math.ceil(fround(fround(scaledShares[share] / requests[requestBase + g]) * 1000));
        if (!(value <= maxPermille)) value = maxPermille;
        else if (value < 0) value = 0;
      }
      permille[rowBase + g] = value;
      share++;
    }
  }
}
