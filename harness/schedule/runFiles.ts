import { join } from 'node:path';
import type { TracePoint } from '../../algorithms/algorithm.js';
import type { Individual } from '../../algorithms/problem/individual.js';
import { formatScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { formatConsumptionCsv } from './consumptionCsv.js';
import { formatGantt } from './ganttText.js';
import { formatTraceCsv } from './traceCsv.js';

export interface RunFileOptions {
  /** the schedule file's id, e.g. "genetic-seed1" */
  readonly id: string;
  readonly title: string;
  readonly ganttHoursPerColumn: number;
}

/** The deterministic outputs of a run, by file name (run.json, with timings, is added by the CLI). */
export function formatRunFiles(best: Individual, trace: readonly TracePoint[], options: RunFileOptions): Map<string, string> {
  return new Map([
    ['schedule.json', formatScheduleFile(best, options.id)],
    ['trace.csv', formatTraceCsv(trace)],
    ['consumption.csv', formatConsumptionCsv(best)],
    ['gantt.txt', formatGantt(best, { hoursPerColumn: options.ganttHoursPerColumn, title: options.title })],
  ]);
}

/** Writes every file into `dir`, each through a temporary file and a rename. */
export function writeRunFiles(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [name, text] of files) writeFileAtomically(join(dir, name), text);
}
