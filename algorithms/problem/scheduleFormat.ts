import { z } from 'zod';
import type { Experiment } from './experiment.js';
import { experimentFromJson, experimentToJson } from './experimentFormat.js';
import { permilleOf } from './fractions.js';
import { Individual } from './individual.js';
import { InputError } from './inputError.js';
import { formatPath, parseJson } from './jsonText.js';
import { createProblem, type Problem } from './problem.js';
import type { TrafficProfile } from './trafficProfile.js';

/**
 * The replication package's schedule JSON (spec §9):
 * `{"id", "scheduledExperiments": [[experiment, {"startSlot", "assignments": [{"hour", "trafficAssignment": {group: fraction}}]}]]}`
 */
const scheduleFileSchema = z.object({
  id: z.string().optional(),
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

export interface ScheduleFile {
  readonly id: string;
  readonly entries: readonly ScheduleEntry[];
}

export function parseScheduleFile(text: string, source: string): ScheduleFile {
  const result = scheduleFileSchema.safeParse(parseJson(text, source));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(source, formatPath(issue.path), issue.message);
  }
  const entries = result.data.scheduledExperiments.map(([experiment, schedule], i) => ({
    experiment: experimentFromJson(experiment, source, `scheduledExperiments[${i}][0]`),
    startSlot: schedule.startSlot,
    assignments: schedule.assignments,
  }));
  return { id: result.data.id ?? '', entries };
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

/**
 * The schedule file text of an individual (placed experiments, in problem order). `indent` 2
 * matches the original's pretty printing; 0 writes the same JSON 2–3× smaller.
 */
export function formatScheduleFile(individual: Individual, id: string, indent = 2): string {
  const { groups } = individual.problem.profile;
  const scheduledExperiments = individual.problem.experiments.flatMap((experiment, e) => {
    if (!individual.placed[e]) return [];
    const schedule = individual.schedules[e];
    const assignments = Array.from({ length: schedule.duration }, (_, offset) => {
      const trafficAssignment: Record<string, number> = {};
      for (let g = 0; g < groups.length; g++) {
        if ((schedule.groupMask[offset] >>> g) & 1) trafficAssignment[groups[g]] = schedule.fractionPermille(offset, g) / 1000;
      }
      return { hour: schedule.start + offset, trafficAssignment };
    });
    return [[experimentToJson(experiment), { startSlot: schedule.start, assignments }]];
  });
  return `${JSON.stringify({ id, scheduledExperiments }, null, indent || undefined)}\n`;
}
