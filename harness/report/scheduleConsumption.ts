import { consumedRequestsOfFraction } from '../../algorithms/problem/fractions.js';
import type { TrafficProfile } from '../../algorithms/problem/trafficProfile.js';
import type { ScheduleFile } from '../../algorithms/problem/scheduleFormat.js';

/**
 * Requests one user group gives to a schedule's experiments in each hour `0 … hours−1`:
 * Σ over experiments of round(requests[h][g] · fraction) (spec §3), computed by the model's
 * `consumedRequestsOfFraction` so the figure shows exactly what validity checks (32-bit float, as the original).
 */
export function groupConsumptionPerHour(schedule: ScheduleFile, profile: TrafficProfile, group: string, hours: number): number[] {
  const g = profile.groups.indexOf(group);
  if (g < 0) throw new Error(`group ${group} is not in the traffic profile (groups: ${profile.groups.join(', ')})`);
  const consumed = new Array<number>(hours).fill(0);
  for (const entry of schedule.entries) {
    for (const assignment of entry.assignments) {
      const fraction = assignment.trafficAssignment[group];
      if (!fraction || assignment.hour < 0 || assignment.hour >= hours || assignment.hour >= profile.hours) continue;
      consumed[assignment.hour] += consumedRequestsOfFraction(profile.requests[assignment.hour * profile.groups.length + g], fraction);
    }
  }
  return consumed;
}

/** One past the last hour any experiment of the schedule uses. */
export const scheduleEndHour = (schedule: ScheduleFile): number =>
  schedule.entries.reduce((end, entry) => Math.max(end, entry.startSlot + entry.assignments.length), 0);

/** Total requests each group gives to the schedule, in profile group order. */
export function consumptionByGroup(schedule: ScheduleFile, profile: TrafficProfile): number[] {
  const end = Math.min(scheduleEndHour(schedule), profile.hours);
  return profile.groups.map((group) => groupConsumptionPerHour(schedule, profile, group, end).reduce((a, b) => a + b, 0));
}
