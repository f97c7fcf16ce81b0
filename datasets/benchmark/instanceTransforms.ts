import type { Experiment } from '../../algorithms/problem/experiment.js';
import { createProfile, MAX_GROUP_REQUESTS_PER_HOUR, type TrafficProfile } from '../../algorithms/problem/trafficProfile.js';

/**
 * The pure building blocks of the benchmark families (benchmarkFamilies.ts): each takes a
 * profile or an experiment list and returns a new one, leaving its input untouched.
 */

/** Every experiment needs `factor` times the requests (total and, for ramps, the first hour's). */
export function scaleRequiredTraffic(experiments: readonly Experiment[], factor: number): Experiment[] {
  return experiments.map((experiment) => ({
    ...experiment,
    requiredTotalTraffic: Math.round(experiment.requiredTotalTraffic * factor),
    // held as a 32-bit float, as the loader does
    ...(experiment.startTraffic !== undefined ? { startTraffic: Math.fround(Math.round(experiment.startTraffic * factor)) } : {}),
    preferredUserGroup: [...experiment.preferredUserGroup],
  }));
}

/** The first `hours` hours of the profile. */
export function truncateProfile(profile: TrafficProfile, hours: number): TrafficProfile {
  if (!Number.isInteger(hours) || hours < 1 || hours > profile.hours) {
    throw new Error(`cannot cut a ${profile.hours}-hour profile to ${hours} hours`);
  }
  return createProfile(profile.groups, profile.requests.slice(0, hours * profile.groups.length));
}

/** Every cell times `factor`, rounded half up and capped at the model's per-group maximum. */
export function scaleProfile(profile: TrafficProfile, factor: number): TrafficProfile {
  const requests = new Int32Array(profile.requests.length);
  for (let i = 0; i < requests.length; i++) requests[i] = Math.min(MAX_GROUP_REQUESTS_PER_HOUR, Math.round(profile.requests[i] * factor));
  return createProfile(profile.groups, requests);
}

/**
 * Only the first `count` groups of the profile (the others' users are not part of any
 * experiment). Preferences for a dropped group move to the kept group at the same position
 * modulo `count` (group4 → group1 when 3 are kept), duplicates removed, so every experiment with a
 * preference keeps one and the user-group score stays defined the same way.
 */
export function keepFirstGroups(profile: TrafficProfile, experiments: readonly Experiment[], count: number): { profile: TrafficProfile; experiments: Experiment[] } {
  const width = profile.groups.length;
  if (!Number.isInteger(count) || count < 1 || count > width) throw new Error(`cannot keep ${count} of ${width} groups`);
  const requests = new Int32Array(profile.hours * count);
  for (let h = 0; h < profile.hours; h++) requests.set(profile.requests.subarray(h * width, h * width + count), h * count);
  const kept = profile.groups.slice(0, count);
  const remap = (group: string): string => {
    const index = profile.groups.indexOf(group);
    return index < 0 ? group : kept[index % count];
  };
  return {
    profile: createProfile(kept, requests),
    experiments: experiments.map((experiment) => ({
      ...experiment,
      preferredUserGroup: [...new Set(experiment.preferredUserGroup.map(remap))],
    })),
  };
}

/**
 * Turns a share of the regression experiments into business experiments (A/B tests must keep
 * the same groups in every hour, spec §4 rule 4): of the regression experiments in list order,
 * those whose running count crosses a multiple of 1/share — for share 0.5 every second one,
 * for 1 all. Deterministic, and spread evenly over the list.
 */
export function convertToBusiness(experiments: readonly Experiment[], share: number): Experiment[] {
  return selectShare(experiments, share, (experiment) => experiment.type === 'REGRESSION', (experiment) => ({ ...experiment, type: 'BUSINESS' }));
}

/**
 * A share of all experiments (spread evenly over the list, as convertToBusiness) prefer exactly
 * `group`: the preferred groups compete for one group's users.
 */
export function preferOneGroup(experiments: readonly Experiment[], share: number, group: string): Experiment[] {
  return selectShare(experiments, share, () => true, (experiment) => ({ ...experiment, preferredUserGroup: [group] }));
}

function selectShare(
  experiments: readonly Experiment[],
  share: number,
  eligible: (experiment: Experiment) => boolean,
  change: (experiment: Experiment) => Experiment,
): Experiment[] {
  if (!(share >= 0 && share <= 1)) throw new Error(`a share must lie in [0, 1], got ${share}`);
  let seen = 0;
  return experiments.map((experiment) => {
    const copy = { ...experiment, preferredUserGroup: [...experiment.preferredUserGroup] };
    if (!eligible(experiment)) return copy;
    seen++;
    // the k-th eligible experiment is chosen when floor(k·share) steps up
    const chosen = Math.floor(seen * share) > Math.floor((seen - 1) * share);
    return chosen ? change(copy) : copy;
  });
}
