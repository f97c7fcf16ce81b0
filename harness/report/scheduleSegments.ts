import type { ScheduleFile } from '../../algorithms/problem/scheduleFormat.js';

/** A bar of the Gantt chart: one experiment using one user group for a maximal run of hours. */
export interface ScheduleSegment {
  readonly experiment: number;
  readonly type: string;
  readonly group: string;
  readonly startHour: number;
  /** exclusive */
  readonly endHour: number;
  readonly priority: number;
}

/** Splits every experiment's schedule into per-group runs of consecutive hours with a fraction > 0. */
export function scheduleSegments(schedule: ScheduleFile): ScheduleSegment[] {
  const segments: ScheduleSegment[] = [];
  for (const { experiment, assignments } of schedule.entries) {
    const groups = [...new Set(assignments.flatMap((a) => Object.keys(a.trafficAssignment)))].sort();
    for (const group of groups) {
      let runStart: number | undefined;
      let previousHour = Number.NaN;
      const close = (end: number) => {
        if (runStart !== undefined) segments.push({ experiment: experiment.id, type: experiment.type, group, startHour: runStart, endHour: end, priority: experiment.priority });
        runStart = undefined;
      };
      for (const { hour, trafficAssignment } of assignments) {
        const used = (trafficAssignment[group] ?? 0) > 0;
        if (runStart !== undefined && (!used || hour !== previousHour + 1)) close(previousHour + 1);
        if (used && runStart === undefined) runStart = hour;
        previousHour = hour;
      }
      close(previousHour + 1);
    }
  }
  return segments;
}
