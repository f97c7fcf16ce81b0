import { PAPER_GROUPS, splitRequests } from '../algorithms/problem/profileFormat.js';
import { createProfile, type TrafficProfile } from '../algorithms/problem/trafficProfile.js';

/** 1 111 111 requests/hour leave exactly 1 000 000 after the 10 % control group: 400k/100k/200k/150k/150k. */
export const CONSTANT_REQUESTS_PER_HOUR = 1_111_111;
/** The replication package's flat profile covers 360 days. */
export const CONSTANT_PROFILE_HOURS = 8640;

/** A flat profile with the paper's group split: the same traffic every hour. */
export function constantProfile(hours = CONSTANT_PROFILE_HOURS, requestsPerHour = CONSTANT_REQUESTS_PER_HOUR): TrafficProfile {
  const width = PAPER_GROUPS.length;
  const requests = new Int32Array(hours * width);
  splitRequests(requestsPerHour, requests, 0);
  for (let h = 1; h < hours; h++) requests.copyWithin(h * width, 0, width);
  return createProfile(PAPER_GROUPS, requests);
}
