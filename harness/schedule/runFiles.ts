import { join } from 'node:path';
import type { TracePoint } from '../../algorithms/algorithm.js';
import type { Individual } from '../../algorithms/problem/individual.js';
import type { ProfileRecord } from '../../algorithms/problem/profileRecord.js';
import { formatScheduleFile, type TimeFrame } from '../../algorithms/problem/scheduleFormat.js';
import { reschedulingRecord } from '../../algorithms/rescheduling/scheduledPlan.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { formatConsumptionCsv } from './consumptionCsv.js';
import { formatGantt } from './ganttText.js';
import { formatTraceCsv } from './traceCsv.js';

export interface RunFileOptions {
  /** the schedule file's id, e.g. "genetic-seed1" */
  readonly id: string;
  readonly title: string;
  readonly ganttHoursPerColumn: number;
  /** the profile the run was given, recorded in schedule.json */
  readonly profile?: ProfileRecord;
  /** re-scheduling only: the hour of the profile the plan was re-made at, and the time frame to write its hours in */
  readonly rescheduling?: { readonly atHour: number; readonly timeFrame: TimeFrame };
}

/**
 * The deterministic outputs of a run, by file name (run.json, with timings, is added by the CLI).
 * A re-scheduled plan is written with its `rescheduling` record; in the original time frame every
 * hour of schedule.json, consumption.csv and gantt.txt is an hour of the profile.
 */
export function formatRunFiles(best: Individual, trace: readonly TracePoint[], options: RunFileOptions): Map<string, string> {
  const { rescheduling } = options;
  const hourShift = rescheduling?.timeFrame === 'original' ? rescheduling.atHour : 0;
  const record = rescheduling ? reschedulingRecord(best, rescheduling.atHour, rescheduling.timeFrame) : undefined;
  return new Map([
    ['schedule.json', formatScheduleFile(best, options.id, 2, { profile: options.profile, rescheduling: record, hourShift })],
    ['trace.csv', formatTraceCsv(trace)],
    ['consumption.csv', formatConsumptionCsv(best, hourShift)],
    ['gantt.txt', formatGantt(best, { hoursPerColumn: options.ganttHoursPerColumn, title: options.title, hourShift })],
  ]);
}

/** Writes every file into `dir`, each through a temporary file and a rename. */
export function writeRunFiles(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [name, text] of files) writeFileAtomically(join(dir, name), text);
}
