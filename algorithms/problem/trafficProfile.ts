/**
 * An hourly traffic profile: for every hour and user group, the requests that group sends.
 * Stored hour-major in one typed array so the search loop reads it without hashing.
 */
export interface TrafficProfile {
  readonly groups: readonly string[];
  readonly hours: number;
  /** requests[hour * groups.length + group] */
  readonly requests: Int32Array;
}

/**
 * Most requests one group may send in one hour. The search loop computes consumption in 32-bit
 * integers (requests × a fraction of at most 65.535 stays below 2^31); 32 M per group and hour
 * is 8,900 requests per second, ten times the paper's busiest hour.
 */
export const MAX_GROUP_REQUESTS_PER_HOUR = 32_000_000;

export function createProfile(groups: readonly string[], requests: Int32Array): TrafficProfile {
  if (groups.length === 0) throw new Error('a traffic profile needs at least one user group');
  if (groups.length > 31) throw new Error('at most 31 user groups are supported (group sets are bit masks)');
  if (requests.length % groups.length !== 0) throw new Error('requests must hold hours × groups values');
  for (let i = 0; i < requests.length; i++) {
    if (requests[i] < 0 || requests[i] > MAX_GROUP_REQUESTS_PER_HOUR) {
      throw new Error(`hour ${Math.floor(i / groups.length)}, ${groups[i % groups.length]}: ${requests[i]} requests is outside 0…${MAX_GROUP_REQUESTS_PER_HOUR}`);
    }
  }
  return { groups: [...groups], hours: requests.length / groups.length, requests };
}

/** The profile from `startHour` on, renumbered so that `startHour` becomes hour 0 (re-scheduling, spec §10). */
export function shiftProfile(profile: TrafficProfile, startHour: number): TrafficProfile {
  const width = profile.groups.length;
  const from = Math.min(Math.max(0, startHour), profile.hours);
  return createProfile(profile.groups, profile.requests.slice(from * width));
}
