import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { readScheduleFile } from '../io/readInputs.js';
import type { ScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import type { TrafficProfile } from '../../algorithms/problem/trafficProfile.js';
import { ConvergenceCollector, type ConvergencePoint } from './convergenceSummary.js';
import { readCsvText, type CsvText } from './csvTable.js';
import { LoadOnce } from './loadOnce.js';
import { readManifest, type RunManifest } from './manifest.js';
import { dataSourceProfileLoader, type ProfileLoader } from './profileLoader.js';
import { forEachTraceRow, type TraceSelection } from './traceReader.js';
import { readTrials, type Trial } from './trials.js';

export interface ResultsFolderOptions {
  /** how to get the run's traffic profile; defaults to `datasets/dataSource.ts` */
  readonly loadProfile?: ProfileLoader;
  /** whose best schedules the schedule figures draw (default: the GA, else the best algorithm of the scaling study) */
  readonly scheduleAlgorithm?: string;
}

/**
 * Read access to one `results/<name>/` folder (the harness contract). Each file is read at
 * most once; a file that fails to load keeps failing with the same message, so every figure
 * that needs it reports it and the others still render.
 */
export class ResultsFolder {
  readonly directory: string;
  private readonly loaded = new LoadOnce();

  constructor(directory: string, private readonly options: ResultsFolderOptions = {}) {
    this.directory = resolve(directory);
  }

  /** The algorithm the schedule figures were asked to draw, if any (`npm run figures -- --schedule-algorithm`). */
  get scheduleAlgorithm(): string | undefined {
    return this.options.scheduleAlgorithm;
  }

  /** The run's name: its folder's name. */
  get name(): string {
    return basename(this.directory);
  }

  path(...parts: string[]): string {
    return join(this.directory, ...parts);
  }

  trials(): Trial[] {
    return this.loaded.get('trials', () => readTrials(this.path('trials.csv')));
  }

  manifest(): RunManifest {
    return this.loaded.get('manifest', () => readManifest(this.path('manifest.json')));
  }

  /** The best schedule a trial saved, as `best/<trial id with / replaced by __>.json`. */
  bestSchedule(trialId: string): ScheduleFile {
    return this.loaded.get(`best:${trialId}`, () => readScheduleFile(this.path('best', `${trialId.replaceAll('/', '__')}.json`)));
  }

  async profile(): Promise<TrafficProfile> {
    return this.loaded.get('profile', async () => {
      const dataSpec = this.manifest().dataSpec;
      if (!dataSpec) throw new Error(`${this.path('manifest.json')}: no data source spec ("data" or "config.data") to load the traffic profile from`);
      return (this.options.loadProfile ?? dataSourceProfileLoader)(dataSpec);
    });
  }

  /**
   * Convergence curves (median and IQR) of the traces selected, over cumulative evaluations — one
   * x axis for every algorithm — or over steps when some selected row predates evaluation counts.
   */
  async convergence(selection: TraceSelection): Promise<{ axis: 'evaluations' | 'step'; points: ConvergencePoint[] }> {
    return this.loaded.get(`convergence:${JSON.stringify(selection)}`, async () => {
      const byEvaluations = new ConvergenceCollector();
      const bySteps = new ConvergenceCollector();
      let complete = true;
      await forEachTraceRow(this.path('traces.csv'), selection, (row) => {
        bySteps.add(row.algorithm, row.trial_id, row.step, row.fitness);
        if (row.evaluations === null) complete = false;
        else byEvaluations.add(row.algorithm, row.trial_id, row.evaluations, row.fitness);
      });
      return complete ? { axis: 'evaluations' as const, points: byEvaluations.summarise() } : { axis: 'step' as const, points: bySteps.summarise() };
    });
  }

  /**
   * Every `tables/*.csv` with at least one data row, by file name; a missing folder is no tables.
   * Header-only tables belong to studies this run did not include (e.g. calibration-ga.csv of a
   * `--only scaling` run): they are left out, not reported as errors.
   */
  tableFiles(): string[] {
    let files: string[];
    try {
      files = readdirSync(this.path('tables')).filter((file) => file.endsWith('.csv')).sort();
    } catch {
      return [];
    }
    return files.filter((file) => !isHeaderOnly(this.path('tables', file)));
  }

  table(file: string): CsvText {
    return this.loaded.get(`table:${file}`, () => readCsvText(this.path('tables', file)));
  }


}

/** True for a file whose only non-empty line is its header (unreadable files are left to the reader to report). */
function isHeaderOnly(path: string): boolean {
  try {
    return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '').length === 1;
  } catch {
    return false;
  }
}
