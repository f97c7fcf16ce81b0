import { z } from 'zod';
import type { Experiment } from './experiment.js';
import { experimentFromJson, experimentToJson } from './experimentFormat.js';
import { permilleOf } from './fractions.js';
import { Individual } from './individual.js';
import { InputError } from './inputError.js';
import { formatPath, parseJson } from './jsonText.js';
import { createProblem, type Problem } from './problem.js';
import type { ProfileRecord } from './profileRecord.js';
import type { TrafficProfile } from './trafficProfile.js';

/**
 * The replication package's schedule JSON (spec §9):
 * `{"id", "scheduledExperiments": [[experiment, {"startSlot", "assignments": [{"hour", "trafficAssignment": {group: fraction}}]}]]}`
 */
const scheduleFileSchema = z.object({
  id: z.string().optional(),
  profile: z.object({
    file: z.string().optional(),
    data: z.string().optional(),
    hours: z.number().int().nonnegative(),
    groups: z.array(z.string()),
    sha256: z.string(),
  }).optional(),
  rescheduling: z.object({
    atHour: z.number().int().nonnegative(),
    timeFrame: z.enum(['original', 'shifted']),
    running: z.array(z.object({ id: z.number().int(), keepGroups: z.array(z.string()).optional() })),
  }).optional(),
  scheduledExperiments: z.array(z.tuple([
    z.unknown(),
    z.object({
      startSlot: z.number().int(),
      assignments: z.array(z.object({
        hour: z.number().int(),
        trafficAssignment: z.record(z.string(), z.number().nonnegative()),
      })),
    }),
  ])),
});

export interface ScheduleEntry {
  readonly experiment: Experiment;
  readonly startSlot: number;
  readonly assignments: readonly { hour: number; trafficAssignment: Readonly<Record<string, number>> }[];
}

/**
 * schedlab's record of a re-scheduled plan (spec §10), `"rescheduling"` in the file: the plan
 * was re-made at hour `atHour` of the profile. Its experiments are what remained of them then
 * (requirements reduced by what they had consumed); its start score counts from `atHour`.
 */
export interface ReschedulingRecord {
  readonly atHour: number;
  /** the file's hours: hours of the profile (`original`, all ≥ atHour) or counted from atHour (`shifted`, hour 0 = atHour) */
  readonly timeFrame: TimeFrame;
  /** experiments already running at atHour: they start at atHour and cannot move; running business experiments keep `keepGroups` */
  readonly running: readonly { readonly id: number; readonly keepGroups?: readonly string[] }[];
}

export type TimeFrame = 'original' | 'shifted';

export interface ScheduleFile {
  readonly id: string;
  readonly entries: readonly ScheduleEntry[];
  /** the profile it was made on, if schedlab wrote it */
  readonly profile?: ProfileRecord;
  /** set for a re-scheduled plan */
  readonly rescheduling?: ReschedulingRecord;
}

export function parseScheduleFile(text: string, source: string): ScheduleFile {
  const result = scheduleFileSchema.safeParse(parseJson(text, source));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(source, formatPath(issue.path), issue.message);
  }
  const { rescheduling, profile } = result.data;
  // what remains of an experiment at a re-scheduling hour may need no more hours (minDuration 0)
  const remainder = rescheduling !== undefined;
  const entries = result.data.scheduledExperiments.map(([experiment, schedule], i) => ({
    experiment: experimentFromJson(experiment, source, `scheduledExperiments[${i}][0]`, { allowZeroMinDuration: remainder }),
    startSlot: schedule.startSlot,
    assignments: schedule.assignments,
  }));
  return { id: result.data.id ?? '', entries, ...(profile ? { profile } : {}), ...(rescheduling ? { rescheduling } : {}) };
}

/**
 * Builds an individual of `problem` from a schedule file. Every scheduled experiment must be
 * one of the problem's (matched by id); hours must be consecutive from `startSlot`.
 * Experiments the file does not schedule stay unplaced.
 */
export function individualFromScheduleFile(problem: Problem, file: ScheduleFile, source: string): Individual {
  const individual = new Individual(problem);
  const { groups } = problem.profile;
  file.entries.forEach((entry, i) => {
    const e = problem.experiments.findIndex((experiment) => experiment.id === entry.experiment.id);
    const where = `scheduledExperiments[${i}] (experiment ${entry.experiment.id})`;
    if (e < 0) throw new InputError(source, where, `schedule for unknown experiment id ${entry.experiment.id}`);
    if (individual.placed[e]) throw new InputError(source, where, 'experiment scheduled twice');
    const schedule = individual.schedules[e];
    schedule.reset(entry.startSlot, entry.assignments.length);
    entry.assignments.forEach((assignment, k) => {
      const at = `${where}, assignment ${k}`;
      if (assignment.hour !== entry.startSlot + k) {
        throw new InputError(source, at,
          `hour ${assignment.hour} but expected ${entry.startSlot + k}: an experiment must run in consecutive hours from its startSlot (rule 3)`);
      }
      for (const [group, fraction] of Object.entries(assignment.trafficAssignment)) {
        const g = groups.indexOf(group);
        if (g < 0) throw new InputError(source, `${at}, group ${group}`, `group is not in the traffic profile (groups: ${groups.join(', ')})`);
        const permille = permilleOf(fraction);
        if (permille === undefined) throw new InputError(source, `${at}, group ${group}`, `fraction ${fraction} is not a multiple of 0.001 in [0, 65.535]`);
        schedule.setGroup(k, g, permille);
      }
    });
    individual.placed[e] = 1;
  });
  individual.evaluateFromScratch();
  return individual;
}

/**
 * A schedule file on its own: the problem of the experiments it embeds on `profile`, and the
 * schedule as an individual of that problem (what evaluating or re-scheduling a saved plan needs).
 */
export function individualOfScheduleFile(profile: TrafficProfile, file: ScheduleFile, source: string): Individual {
  const problem = createProblem(profile, file.entries.map((entry) => entry.experiment), { source });
  return individualFromScheduleFile(problem, file, source);
}

/** What schedlab adds to the original format when it writes a schedule (see `ScheduleFile`). */
export interface ScheduleFileExtras {
  readonly profile?: ProfileRecord;
  readonly rescheduling?: ReschedulingRecord;
  /** added to every hour written (a re-scheduled plan written in the original time frame: its atHour) */
  readonly hourShift?: number;
}

/**
 * The schedule file text of an individual (placed experiments, in problem order). `indent` 2
 * matches the original's pretty printing; 0 writes the same JSON 2–3× smaller.
 */
export function formatScheduleFile(individual: Individual, id: string, indent = 2, extras: ScheduleFileExtras = {}): string {
  const shift = extras.hourShift ?? 0;
  const { groups } = individual.problem.profile;
  const scheduledExperiments = individual.problem.experiments.flatMap((experiment, e) => {
    if (!individual.placed[e]) return [];
    const schedule = individual.schedules[e];
    const assignments = Array.from({ length: schedule.duration }, (_, offset) => {
      const trafficAssignment: Record<string, number> = {};
      for (let g = 0; g < groups.length; g++) {
        if ((schedule.groupMask[offset] >>> g) & 1) trafficAssignment[groups[g]] = schedule.fractionPermille(offset, g) / 1000;
      }
      return { hour: schedule.start + offset + shift, trafficAssignment };
    });
    return [[experimentToJson(experiment), { startSlot: schedule.start + shift, assignments }]];
  });
  const file = {
    id,
    ...(extras.profile ? { profile: extras.profile } : {}),
    ...(extras.rescheduling ? { rescheduling: extras.rescheduling } : {}),
    scheduledExperiments,
  };
  return `${JSON.stringify(file, null, indent || undefined)}\n`;
}
