import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { InputError } from '../../algorithms/problem/inputError.js';
import { inShard, shardText, type Shard } from '../plan/shard.js';
import { PROJECT_ROOT } from '../replicate/projectPaths.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { currentCodeVersion } from '../journal/codeVersion.js';
import { toCsv, type CsvValue } from '../output/csv.js';
import { machineFacts } from '../output/manifest.js';
import type { LoadedSimulationConfig } from './simulationConfig.js';
import { loadSimulationInputs } from './simulationInputs.js';
import { planSimulationRuns, type SimulationRunSpec } from './simulationPlan.js';
import { lockFolder } from '../io/folderLock.js';
import { assertNoCapacityOverruns } from './capacityCheck.js';
import { renderSimulationFigures } from './figures/simulationFigures.js';
import { simulationReport } from './simulationReport.js';
import { appendRun, JOURNAL_FILE, mergeJournals, readSimulationJournal, runFingerprint, simulationCodeVersion } from './simulationJournal.js';
import { MANIFEST_FILE } from './simulationManifest.js';
import { SimulationRunError } from './simulationRunError.js';
import { BEST_COLUMNS, bestAlgorithmRows, GAIN_COLUMNS, replanningGainRows, SUMMARY_COLUMNS, summaryRows, type FinishedRun } from './simulationSummary.js';
import { EVENT_COLUMNS, EXPERIMENT_COLUMNS, SIMULATION_COLUMNS, TIMING_COLUMNS } from './simulationTables.js';
import { runSimulationTask, type SimulationTask, type SimulationTaskResult } from './simulationTask.js';

const WORKER_ENTRY = fileURLToPath(new URL('./simulationWorkerEntry.mjs', import.meta.url));

export interface SimulationStudyOptions {
  readonly out: string;
  /** overrides the config's data source */
  readonly data?: string;
  /** worker threads (default 1: in this thread); results do not depend on it */
  readonly workers?: number;
  /** render figures/ (default true) */
  readonly figures?: boolean;
  /** called after each run (in the order runs finish) */
  readonly onRun?: (done: number, total: number, run: SimulationRunSpec, seconds: number) => void;
  /** called once the runs are planned */
  readonly onPlan?: (runs: readonly SimulationRunSpec[]) => void;
  /** delete the journal of an earlier study in `out` and run everything (default: reuse its matching runs) */
  readonly fresh?: boolean;
  /** called once the journal is read, when it holds anything: runs reused, stale records (another scenario, data or code), damaged lines */
  readonly onResume?: (resume: ResumeState) => void;
  /** run only slice i of N of the plan (every N-th run, as trials are dealt): the folder then holds that slice's journal and a partial simulation.json, for npm run merge */
  readonly shard?: Shard;
  /** results folders whose journals are merged into `out`'s (npm run merge): their records are taken over like `out`'s own */
  readonly mergeFrom?: readonly string[];
  /** simulate the runs no journal holds (default true); false: only write what the journals hold (npm run merge, npm run figures) */
  readonly simulateMissing?: boolean;
  /** a stop (Ctrl-C): the runs in flight are abandoned, the study returns `interrupted` with what the journal holds */
  readonly signal?: AbortSignal;
  /** the command the folder lock names (default npm run simulate) */
  readonly command?: string;
}

/** What a study took over from the journal in its folder. */
export interface ResumeState {
  readonly journal: string;
  readonly reused: number;
  readonly total: number;
  /** records of runs of this plan made with another scenario, data source or code: those runs run again */
  readonly stale: number;
  /** records of runs this plan does not have (a sweep made smaller): kept in the journal, unused */
  readonly foreign: number;
  readonly damaged: number;
  readonly tornBytes: number;
}

export interface SimulationStudyResult {
  /**
   * complete: every run of the plan is in the journal and the tables are written; partial: a shard,
   * or a merge with runs missing (journal and simulation.json only); interrupted: stopped by the
   * signal (the journal only: the same command goes on from it)
   */
  readonly status: 'complete' | 'partial' | 'interrupted';
  readonly planned: number;
  /** runs of the plan not in the journal (of a shard: of its slice) */
  readonly missing: number;
  /** the finished runs: of a complete study all of them, of a partial one those in the journal */
  readonly runs: readonly FinishedRun[];
  readonly files: readonly string[];
  readonly seconds: number;
}

/**
 * Runs every simulated run of a config and writes into `out`: simulations.csv (one row per run),
 * experiments.csv and events.csv (per experiment / event of each run), summary.csv,
 * replanning-gain.csv, best-algorithm.csv, report.md and figures/ — all pure functions of the
 * config, the data and the code, so equal seeds give equal bytes — plus timings.csv (wall times),
 * simulation.json (provenance: config, data, seeds, code versions, machine, times) and runs.jsonl,
 * the journal of finished runs: a study stopped part-way (Ctrl-C, a crash, a run that throws) goes
 * on from it when run again, and its files are the same as those of an uninterrupted study.
 * The folder is locked for the study's time (harness/io/folderLock). Every file is written
 * atomically. Every run must end with 0 capacity overruns: otherwise the files are written and
 * CapacityOverrunError names the runs. A run that throws stops the study before any table is
 * written (SimulationRunError names it). Runs go to `workers` worker threads when asked; the
 * files are the same for any number of workers.
 */
export async function runSimulationStudy(loaded: LoadedSimulationConfig, options: SimulationStudyOptions): Promise<SimulationStudyResult> {
  const { config } = loaded;
  const startedAt = new Date();
  const began = performance.now();
  const inputs = loadSimulationInputs(config, loaded.path, options.data);
  const runs = planSimulationRuns(config, loaded.path);
  options.onPlan?.(runs);
  const lock = lockFolder(options.out, options.command ?? 'npm run simulate');
  try {
    refuseOtherSlice(options.out, options.shard);
    const results = await executeRuns(loaded, runs, options);
    const times = { startedAt, began };
    if (options.signal?.aborted) return interrupted(runs, results, options, times);
    if (!isComplete(results)) return writePartialStudy(loaded, inputs.profileName, runs, results, options, times);
    return await writeStudy(loaded, inputs.profileName, runs, results, options, times);
  } finally {
    lock.release();
  }
}

/**
 * The results of every run, in plan order: those the journal holds with the run's fingerprint are
 * reused, the others simulated (in this thread or on a pool of worker threads) and journalled as
 * each finishes. The first run to throw stops the study (SimulationRunError); what finished before
 * it stays in the journal.
 */
async function executeRuns(loaded: LoadedSimulationConfig, runs: readonly SimulationRunSpec[], options: SimulationStudyOptions): Promise<(SimulationTaskResult | undefined)[]> {
  const journalPath = join(options.out, JOURNAL_FILE);
  if (options.fresh) rmSync(journalPath, { force: true });
  const code = simulationCodeVersion();
  const data = options.data ?? loaded.config.data;
  const fingerprints = runs.map((run) => runFingerprint(run, loaded.config, data, code));
  const journal = options.mergeFrom ? mergeJournals(journalPath, options.mergeFrom, runs, fingerprints) : readSimulationJournal(journalPath);
  const results: (SimulationTaskResult | undefined)[] = new Array<SimulationTaskResult | undefined>(runs.length).fill(undefined);
  let stale = 0;
  runs.forEach((run, index) => {
    const record = journal.byRun.get(run.id);
    if (!record) return;
    if (record.fingerprint === fingerprints[index]) results[index] = { ...record.result, index };
    else stale++;
  });
  const reused = results.filter(Boolean).length;
  if (journal.byRun.size > 0 || journal.damaged > 0 || journal.tornBytes > 0) {
    const planned = new Set(runs.map((run) => run.id));
    options.onResume?.({ journal: journalPath, reused, total: runs.length, stale, foreign: [...journal.byRun.keys()].filter((id) => !planned.has(id)).length, damaged: journal.damaged, tornBytes: journal.tornBytes });
  }
  const simulate = options.simulateMissing !== false;
  const tasks: SimulationTask[] = runs.flatMap((_, index) => (results[index] || !simulate || !inShard(index, options.shard) ? [] : [{ configText: loaded.text, configPath: loaded.path, ...(options.data !== undefined ? { data: options.data } : {}), index }]));
  let done = 0;
  const finish = (result: SimulationTaskResult): void => {
    results[result.index] = result;
    const { index, ...kept } = result;
    appendRun(journalPath, { run: runs[index].id, fingerprint: fingerprints[index], result: kept });
    done++; // not inside onRun?.(…): optional chaining skips the arguments too when there is no onRun
    options.onRun?.(done, tasks.length, runs[index], result.runMs / 1000);
  };
  const { signal } = options;
  const failed = (task: SimulationTask, error: unknown): never => {
    throw new SimulationRunError(runs[task.index].id, options.out, reused + done, journalPath, error);
  };
  const workers = Math.max(1, Math.min(options.workers ?? 1, tasks.length));
  if (tasks.length === 0) return results;
  if (workers === 1) {
    const runHere = (task: SimulationTask): SimulationTaskResult => {
      try {
        return runSimulationTask(task);
      } catch (error) {
        return failed(task, error);
      }
    };
    for (const task of tasks) {
      // a turn of the event loop between runs lets a stop signal be seen
      await new Promise((next) => setImmediate(next));
      if (signal?.aborted) break;
      finish(runHere(task));
    }
  } else {
    const pool = new Tinypool({ filename: WORKER_ENTRY, minThreads: workers, maxThreads: workers });
    try {
      // the first run to fail stops the study (the pool is destroyed, the runs in flight dropped);
      // a stop signal drops the queued runs and ends the threads of those in flight (one listener,
      // not one per run), the finished stay journalled
      const stop = (): void => {
        pool.cancelPendingTasks();
        void pool.destroy();
      };
      signal?.addEventListener('abort', stop, { once: true });
      try {
        await Promise.all(tasks.map(async (task) => {
          const result = await pool.run(task).catch((error: unknown) => (signal?.aborted ? undefined : failed(task, error)));
          if (result !== undefined && !signal?.aborted) finish(result as SimulationTaskResult);
        }));
      } finally {
        signal?.removeEventListener('abort', stop);
      }
    } finally {
      await pool.destroy();
    }
  }
  return results;
}

/** A shard's folder holds its slice only: another slice (or a whole study) in it would leave the tables of one beside the journal of the other. */
function refuseOtherSlice(out: string, shard: Shard | undefined): void {
  const path = join(out, MANIFEST_FILE);
  if (!existsSync(path)) return;
  let held: { shard?: string } = {};
  try {
    held = JSON.parse(readFileSync(path, 'utf8')) as { shard?: string };
  } catch {
    return; // a damaged manifest is rewritten; the journal decides what is reused
  }
  const wanted = shard ? shardText(shard) : undefined;
  if (held.shard !== wanted && (held.shard !== undefined || wanted !== undefined)) {
    throw new InputError(path, 'shard', `this folder holds ${held.shard ? `shard ${held.shard}` : 'a whole study'}, not ${wanted ? `shard ${wanted}` : 'the whole study'}: give another --out (shards are merged with npm run merge)`);
  }
}

/** A stopped study: nothing but the journal, which already holds every finished run. */
function interrupted(runs: readonly SimulationRunSpec[], results: readonly (SimulationTaskResult | undefined)[], options: SimulationStudyOptions,
  times: { began: number }): SimulationStudyResult {
  const { held, missing } = heldRuns(runs, results, options.shard);
  return { status: 'interrupted', planned: runs.length, missing, runs: held, files: [JOURNAL_FILE], seconds: (performance.now() - times.began) / 1000 };
}

/**
 * What a study with runs missing writes — a shard, or a merge of too few shards: its journal (already
 * there) and simulation.json saying which runs are done. The tables need every run, so none is written.
 */
function writePartialStudy(loaded: LoadedSimulationConfig, profileName: string, runs: readonly SimulationRunSpec[], results: readonly (SimulationTaskResult | undefined)[],
  options: SimulationStudyOptions, times: { startedAt: Date; began: number }): SimulationStudyResult {
  const { held, missing } = heldRuns(runs, results, options.shard);
  const seconds = (performance.now() - times.began) / 1000;
  const manifest = {
    ...provenance(loaded, profileName, runs.length, options),
    status: 'partial',
    ...(options.shard ? { shard: shardText(options.shard) } : {}),
    journal: { file: JOURNAL_FILE, runs: held.length },
    missing,
    startedAt: times.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    seconds: round(seconds),
    capacityOverruns: held.reduce((sum, run) => sum + run.outcome.capacityOverruns, 0),
  };
  writeFileAtomically(join(options.out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  assertNoCapacityOverruns(held, options.out);
  return { status: 'partial', planned: runs.length, missing, runs: held, files: [MANIFEST_FILE, JOURNAL_FILE], seconds };
}

/** What simulation.json says of every study, complete or partial. */
function provenance(loaded: LoadedSimulationConfig, profileName: string, planned: number, options: SimulationStudyOptions) {
  const { config } = loaded;
  return {
    kind: 'simulation',
    config: { name: config.name, path: loaded.path, sha256: loaded.sha256, content: JSON.parse(loaded.text) as unknown },
    data: options.data ?? config.data,
    profile: profileName,
    baseSeed: config.baseSeed,
    runs: planned,
    workers: options.workers ?? 1,
    code: currentCodeVersion(),
    simulationCode: simulationCodeVersion(),
    ...machineFacts(),
  };
}

/** Writes the study's files from the results of its runs (see runSimulationStudy). */
async function writeStudy(loaded: LoadedSimulationConfig, profileName: string, runs: readonly SimulationRunSpec[], results: readonly SimulationTaskResult[],
  options: SimulationStudyOptions, times: { startedAt: Date; began: number }): Promise<SimulationStudyResult> {
  const { config } = loaded;
  const { startedAt, began } = times;
  // assembled in plan order, whatever order the runs finished in
  const finished: FinishedRun[] = results.map((result, index) => ({ run: runs[index], outcome: result.outcome }));
  const simulationRows = results.map((result) => result.simulation);
  const experiments = results.flatMap((result) => result.experiments);
  const events = results.flatMap((result) => result.events);
  const timings: Record<string, CsvValue>[] = results.map((result, index) => ({ run_id: runs[index].id, planner_ms: round(result.plannerMs), run_ms: round(result.runMs) }));
  const outputs: Record<string, string> = {
    'simulations.csv': toCsv(SIMULATION_COLUMNS, simulationRows),
    'experiments.csv': toCsv(EXPERIMENT_COLUMNS, experiments),
    'events.csv': toCsv(EVENT_COLUMNS, events),
    'summary.csv': toCsv(SUMMARY_COLUMNS, summaryRows(finished)),
    'replanning-gain.csv': toCsv(GAIN_COLUMNS, replanningGainRows(finished)),
    'best-algorithm.csv': toCsv(BEST_COLUMNS, bestAlgorithmRows(finished)),
  };
  for (const [name, content] of Object.entries(outputs)) writeFileAtomically(join(options.out, name), content);
  const figures = options.figures === false ? [] : await renderSimulationFigures(options.out, finished, experiments, events);
  const code = currentCodeVersion();
  outputs['report.md'] = simulationReport(config, finished, profileName, figures,
    { configPath: shownConfigPath(loaded.path), configSha256: loaded.sha256, commit: code.commit, dirty: code.dirty, simulationCode: simulationCodeVersion() });
  writeFileAtomically(join(options.out, 'report.md'), outputs['report.md']);
  writeFileAtomically(join(options.out, 'timings.csv'), toCsv(TIMING_COLUMNS, timings));
  const seconds = (performance.now() - began) / 1000;
  const manifest = {
    ...provenance(loaded, profileName, runs.length, options),
    status: 'complete',
    journal: { file: JOURNAL_FILE, runs: results.length },
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    seconds: round(seconds),
    capacityOverruns: finished.reduce((sum, run) => sum + run.outcome.capacityOverruns, 0),
    outputs: Object.fromEntries(Object.entries(outputs).map(([name, content]) => [name, createHash('sha256').update(content).digest('hex')])),
    figures: figures.map((figure) => (figure.skipped ? { name: figure.name, skipped: figure.skipped } : { name: figure.name, files: figure.files.map((file) => relative(options.out, file)) })),
  };
  writeFileAtomically(join(options.out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  // after writing, so the runs that overran can be looked at in events.csv and experiments.csv
  assertNoCapacityOverruns(finished, options.out);
  const rendered = figures.filter((figure) => !figure.skipped).length;
  return { status: 'complete', planned: runs.length, missing: 0, runs: finished, files: [...Object.keys(outputs), 'timings.csv', MANIFEST_FILE, JOURNAL_FILE, ...(rendered > 0 ? [`figures/ (${rendered} figures: .vl.json, .svg, .png, .pdf)`] : [])], seconds };
}

const isComplete = (results: readonly (SimulationTaskResult | undefined)[]): results is SimulationTaskResult[] => results.every((result) => result !== undefined);

/** The runs the journals hold, and how many of the shard's slice (of the plan, without a shard) they lack. */
function heldRuns(runs: readonly SimulationRunSpec[], results: readonly (SimulationTaskResult | undefined)[], shard: Shard | undefined): { held: FinishedRun[]; missing: number } {
  const held = runs.flatMap((run, index) => (results[index] ? [{ run, outcome: results[index].outcome }] : []));
  return { held, missing: runs.filter((_, index) => inShard(index, shard) && !results[index]).length };
}

/** A config's path as the report shows it: from the project root when it is inside (however it was given), else as given. */
function shownConfigPath(path: string): string {
  const inside = relative(PROJECT_ROOT, resolve(path));
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside.split('\\').join('/');
}

const round = (value: number): number => Math.round(value * 10) / 10;
