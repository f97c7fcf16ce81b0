import { stringify } from 'csv-stringify/sync';
import { consumedRequests } from '../../algorithms/problem/fractions.js';
import type { Individual } from '../../algorithms/problem/individual.js';

/** One past the last profile hour any placed experiment uses. */
export function scheduleEnd(individual: Individual): number {
  let end = 0;
  individual.schedules.forEach((schedule, e) => {
    if (individual.placed[e]) end = Math.max(end, schedule.end);
  });
  return Math.min(end, individual.problem.profile.hours);
}

/**
 * Requests per hour per group consumed by all experiments together, as the original tool's
 * export: `hour,totalConsumption,group1,…`, hours 0 up to the end of the schedule. Each
 * experiment's share is rounded as the model does (spec §3), so the columns add up to what
 * validity checked. `hourShift` (a re-scheduled plan in the original time frame: its
 * re-scheduling hour) is added to the hours written, which then start at it.
 */
export function formatConsumptionCsv(individual: Individual, hourShift = 0): string {
  const { profile } = individual.problem;
  const width = profile.groups.length;
  const end = scheduleEnd(individual);
  const perGroup = new Float64Array(end * width);
  individual.schedules.forEach((schedule, e) => {
    if (!individual.placed[e]) return;
    for (let offset = 0; offset < schedule.duration; offset++) {
      const hour = schedule.start + offset;
      if (hour < 0 || hour >= end) continue;
      for (let g = 0; g < width; g++) {
        if (!((schedule.groupMask[offset] >>> g) & 1)) continue;
        perGroup[hour * width + g] += consumedRequests(profile.requests[hour * width + g], schedule.fractionPermille(offset, g));
      }
    }
  });
  const rows = Array.from({ length: end }, (_, hour) => {
    const groups = Array.from(perGroup.subarray(hour * width, (hour + 1) * width));
    return [hour + hourShift, groups.reduce((sum, value) => sum + value, 0), ...groups];
  });
  return stringify(rows, { header: true, columns: ['hour', 'totalConsumption', ...profile.groups] });
}
