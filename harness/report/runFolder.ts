import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { profileSha256 } from '../../algorithms/problem/profileRecord.js';
import type { ScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import { shiftProfile, type TrafficProfile } from '../../algorithms/problem/trafficProfile.js';
import { openDataSource } from '../../datasets/dataSource.js';
import { readProfileFile, readScheduleFile, readText } from '../io/readInputs.js';
import { TRACE_COLUMNS } from '../schedule/traceCsv.js';
import { parseJsonObject } from './jsonObject.js';
import { LoadOnce } from './loadOnce.js';
import { ReportInputError } from './reportInputError.js';

/** A folder written by `npm run schedule`: it has run.json and no manifest.json (that marks a study's results). */
export const isRunFolder = (directory: string): boolean =>
  existsSync(join(directory, 'run.json')) && !existsSync(join(directory, 'manifest.json'));

/** The part of run.json the figures and the report read; everything else is shown as written. */
export interface RunRecord {
  readonly raw: Record<string, unknown>;
  readonly algorithm: string;
  readonly seed: number;
  readonly valid: boolean;
  readonly fitness: { durationScore: number; userGroupScore: number; startScore: number; fitness: number };
}

/** One row of a run's trace.csv. */
export interface RunTraceRow {
  readonly step: number;
  readonly fitness: number;
  readonly durationScore: number;
  readonly userGroupScore: number;
  readonly startScore: number;
  readonly evaluations: number;
}

export interface RunFolderOptions {
  /** the profile to use instead of the one schedule.json records (`npm run figures -- DIR --profile FILE`) */
  readonly loadProfile?: () => TrafficProfile;
}

/**
 * Read access to one `npm run schedule` output folder: run.json, schedule.json, trace.csv and the
 * traffic profile the schedule records. Each read is done once; a failing one keeps failing with
 * the same one-line message (file and field), so each figure reports it and the others render.
 */
export class RunFolder {
  readonly directory: string;
  private readonly loaded = new LoadOnce();

  constructor(directory: string, private readonly options: RunFolderOptions = {}) {
    this.directory = resolve(directory);
  }

  get name(): string {
    return basename(this.directory);
  }

  path(...parts: string[]): string {
    return join(this.directory, ...parts);
  }

  record(): RunRecord {
    return this.loaded.get('record', () => parseRunRecord(readText(this.path('run.json')), this.path('run.json')));
  }

  schedule(): ScheduleFile {
    return this.loaded.get('schedule', () => readScheduleFile(this.path('schedule.json')));
  }

  trace(): RunTraceRow[] {
    return this.loaded.get('trace', () => parseTrace(readText(this.path('trace.csv')), this.path('trace.csv')));
  }

  /**
   * The profile in the schedule file's hours: the one schedule.json records (its file or data
   * source, checked against the recorded sha256), shifted to the re-scheduling hour if the file
   * is in the shifted time frame.
   */
  profile(): TrafficProfile {
    return this.loaded.get('profile', () => {
      const file = this.schedule();
      const source = this.path('schedule.json');
      let profile: TrafficProfile;
      if (this.options.loadProfile) profile = this.options.loadProfile();
      else {
        const record = file.profile;
        if (!record) throw new ReportInputError(source, 'profile', 'records no traffic profile (written before schedlab recorded it): pass --profile FILE');
        if (record.file !== undefined) {
          if (!existsSync(resolve(record.file))) {
            throw new ReportInputError(source, 'profile.file', `the run's profile ${record.file} is not found from ${process.cwd()} (run from where the schedule was made, or pass --profile FILE)`);
          }
          profile = readProfileFile(record.file);
        } else profile = openDataSource(record.data ?? 'builtin').profile();
        const sha256 = profileSha256(profile);
        if (sha256 !== record.sha256) {
          throw new ReportInputError(source, 'profile.sha256', `the profile ${record.file ?? record.data} has changed since the run (sha256 ${sha256.slice(0, 12)}…, recorded ${record.sha256.slice(0, 12)}…)`);
        }
      }
      const { rescheduling } = file;
      return rescheduling?.timeFrame === 'shifted' ? shiftProfile(profile, rescheduling.atHour) : profile;
    });
  }
}

function parseRunRecord(text: string, source: string): RunRecord {
  const record = parseJsonObject(text, source);
  const fitness = record.fitness as RunRecord['fitness'] | undefined;
  for (const key of ['durationScore', 'userGroupScore', 'startScore', 'fitness'] as const) {
    if (typeof fitness?.[key] !== 'number') throw new ReportInputError(source, `fitness.${key}`, 'missing or not a number');
  }
  if (typeof record.algorithm !== 'string') throw new ReportInputError(source, 'algorithm', 'missing or not a string');
  return { raw: record, algorithm: record.algorithm, seed: Number(record.seed), valid: record.valid === true, fitness: fitness! };
}

function parseTrace(text: string, source: string): RunTraceRow[] {
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const header = text.split('\n', 1)[0].trim();
  if (header !== TRACE_COLUMNS.join(',')) throw new ReportInputError(source, 'line 1', `expected the header ${TRACE_COLUMNS.join(',')}`);
  return rows.map((row, i) => {
    const values = TRACE_COLUMNS.map((column) => Number(row[column]));
    const bad = values.findIndex((value) => !Number.isFinite(value));
    if (bad >= 0) throw new ReportInputError(source, `line ${i + 2}, field ${TRACE_COLUMNS[bad]}`, `not a number: "${row[TRACE_COLUMNS[bad]]}"`);
    const [step, fitness, durationScore, userGroupScore, startScore, evaluations] = values;
    return { step, fitness, durationScore, userGroupScore, startScore, evaluations };
  });
}
