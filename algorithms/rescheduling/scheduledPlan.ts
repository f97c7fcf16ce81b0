import type { Experiment } from '../problem/experiment.js';
import type { Individual } from '../problem/individual.js';
import { InputError } from '../problem/inputError.js';
import { createProblem } from '../problem/problem.js';
import { individualFromScheduleFile, type ReschedulingRecord, type ScheduleFile, type TimeFrame } from '../problem/scheduleFormat.js';
import { shiftProfile, type TrafficProfile } from '../problem/trafficProfile.js';

/** A schedule file read as the plan it is, on the profile it belongs to. */
export interface ScheduledPlan {
  /**
   * The plan as an individual. A re-scheduled plan is an individual of the re-scheduling problem
   * (profile from `restartHour` on, hour 0 = `restartHour`, running experiments pinned at 0), so
   * its validity and scores are exactly those the re-scheduling run reported.
   */
  readonly individual: Individual;
  /** hour of the profile that is the plan's hour 0: the re-scheduling hour, else 0 */
  readonly restartHour: number;
  /** what to add to the plan's hours to get the file's hours (restartHour for the original time frame, else 0) */
  readonly fileHourShift: number;
}

/**
 * Reads a schedule file against the profile it was made for. A plain schedule is an individual of
 * its experiments (or `experiments`) on `profile`. A re-scheduled one (its `rescheduling` record)
 * is placed on the profile from its re-scheduling hour on, with its hours mapped back from the
 * time frame it was written in, so it cannot be silently evaluated in the wrong hours: a profile
 * too short for it, or an hour before the re-scheduling hour, is an InputError naming the file.
 */
export function planOfScheduleFile(profile: TrafficProfile, file: ScheduleFile, source: string, experiments?: readonly Experiment[]): ScheduledPlan {
  const { rescheduling } = file;
  if (!rescheduling) {
    const problem = createProblem(profile, experiments ?? file.entries.map((entry) => entry.experiment), { source });
    return { individual: individualFromScheduleFile(problem, file, source), restartHour: 0, fileHourShift: 0 };
  }
  if (experiments) {
    throw new InputError(source, 'rescheduling', `is a plan re-scheduled at hour ${rescheduling.atHour}: its experiments are what remained of them then, so it is evaluated with its own experiments (leave out --experiments)`);
  }
  const { atHour } = rescheduling;
  if (atHour >= profile.hours) {
    throw new InputError(source, 'rescheduling.atHour', `the plan was re-scheduled at hour ${atHour}, but the profile has only ${profile.hours} hours (0–${profile.hours - 1}): not the profile it was made on`);
  }
  const shift = rescheduling.timeFrame === 'original' ? atHour : 0;
  const running = new Map(rescheduling.running.map((item) => [item.id, item]));
  const known = new Set(file.entries.map((entry) => entry.experiment.id));
  for (const id of running.keys()) {
    if (!known.has(id)) throw new InputError(source, 'rescheduling.running', `names experiment ${id}, which the file does not schedule`);
  }
  const entries = file.entries.map((entry, i) => {
    if (entry.startSlot < shift) {
      throw new InputError(source, `scheduledExperiments[${i}] (experiment ${entry.experiment.id})`,
        `starts at hour ${entry.startSlot}, before the re-scheduling hour ${atHour} (the file is in the original time frame: hours of the profile)`);
    }
    return {
      experiment: running.has(entry.experiment.id) ? { ...entry.experiment, running: true } : entry.experiment,
      startSlot: entry.startSlot - shift,
      assignments: entry.assignments.map((assignment) => ({ hour: assignment.hour - shift, trafficAssignment: assignment.trafficAssignment })),
    };
  });
  const fixedGroups = new Map<number, readonly string[]>();
  for (const item of rescheduling.running) if (item.keepGroups) fixedGroups.set(item.id, item.keepGroups);
  const problem = createProblem(shiftProfile(profile, atHour), entries.map((entry) => entry.experiment), { source, fixedGroups });
  const individual = individualFromScheduleFile(problem, { id: file.id, entries }, source);
  return { individual, restartHour: atHour, fileHourShift: shift };
}

/** The `rescheduling` record of a plan of a re-scheduling problem made at hour `atHour`, to be written in `timeFrame`. */
export function reschedulingRecord(individual: Individual, atHour: number, timeFrame: TimeFrame): ReschedulingRecord {
  const { problem } = individual;
  const { groups } = problem.profile;
  const running = problem.experiments.flatMap((experiment, e) => {
    if (!problem.running[e]) return [];
    const mask = problem.fixedGroupMask[e];
    return [mask ? { id: experiment.id, keepGroups: groups.filter((_, g) => (mask >>> g) & 1) } : { id: experiment.id }];
  });
  return { atHour, timeFrame, running };
}
