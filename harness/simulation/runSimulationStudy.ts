import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
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
import { appendRun, JOURNAL_FILE, readSimulationJournal, runFingerprint, simulationCodeVersion } from './simulationJournal.js';
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
  const lock = lockFolder(options.out, 'npm run simulate');
  try {
    const results = await executeRuns(loaded, runs, options);
    return await writeStudy(loaded, inputs.profileName, runs, results, options, { startedAt, began });
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
async function executeRuns(loaded: LoadedSimulationConfig, runs: readonly SimulationRunSpec[], options: SimulationStudyOptions): Promise<SimulationTaskResult[]> {
  const journalPath = join(options.out, JOURNAL_FILE);
  if (options.fresh) rmSync(journalPath, { force: true });
  const journal = readSimulationJournal(journalPath);
  const code = simulationCodeVersion();
  const data = options.data ?? loaded.config.data;
  const fingerprints = runs.map((run) => runFingerprint(run, loaded.config, data, code));
  const results: SimulationTaskResult[] = new Array(runs.length);
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
  const tasks: SimulationTask[] = runs.flatMap((_, index) => (results[index] ? [] : [{ configText: loaded.text, configPath: loaded.path, ...(options.data !== undefined ? { data: options.data } : {}), index }]));
  let done = 0;
  const finish = (result: SimulationTaskResult): void => {
    results[result.index] = result;
    const { index, ...kept } = result;
    appendRun(journalPath, { run: runs[index].id, fingerprint: fingerprints[index], result: kept });
    done++; // not inside onRun?.(…): optional chaining skips the arguments too when there is no onRun
    options.onRun?.(done, tasks.length, runs[index], result.runMs / 1000);
  };
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
    for (const task of tasks) finish(runHere(task));
  } else {
    const pool = new Tinypool({ filename: WORKER_ENTRY, minThreads: workers, maxThreads: workers });
    try {
      // the first run to fail stops the study (the pool is destroyed, the runs in flight dropped)
      await Promise.all(tasks.map(async (task) => finish((await pool.run(task).catch((error: unknown) => failed(task, error))) as SimulationTaskResult)));
    } finally {
      await pool.destroy();
    }
  }
  return results;
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
  outputs['report.md'] = simulationReport(config, finished, profileName, figures);
  writeFileAtomically(join(options.out, 'report.md'), outputs['report.md']);
  writeFileAtomically(join(options.out, 'timings.csv'), toCsv(TIMING_COLUMNS, timings));
  const seconds = (performance.now() - began) / 1000;
  const manifest = {
    kind: 'simulation',
    config: { name: config.name, path: loaded.path, sha256: loaded.sha256, content: JSON.parse(loaded.text) as unknown },
    data: options.data ?? config.data,
    profile: profileName,
    baseSeed: config.baseSeed,
    runs: runs.length,
    workers: options.workers ?? 1,
    code: currentCodeVersion(),
    simulationCode: simulationCodeVersion(),
    journal: { file: JOURNAL_FILE, runs: results.length },
    ...machineFacts(),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    seconds: round(seconds),
    capacityOverruns: finished.reduce((sum, run) => sum + run.outcome.capacityOverruns, 0),
    outputs: Object.fromEntries(Object.entries(outputs).map(([name, content]) => [name, createHash('sha256').update(content).digest('hex')])),
    figures: figures.map((figure) => (figure.skipped ? { name: figure.name, skipped: figure.skipped } : { name: figure.name, files: figure.files.map((file) => relative(options.out, file)) })),
  };
  writeFileAtomically(join(options.out, 'simulation.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // after writing, so the runs that overran can be looked at in events.csv and experiments.csv
  assertNoCapacityOverruns(finished, options.out);
  const rendered = figures.filter((figure) => !figure.skipped).length;
  return { runs: finished, files: [...Object.keys(outputs), 'timings.csv', 'simulation.json', JOURNAL_FILE, ...(rendered > 0 ? [`figures/ (${rendered} figures: .vl.json, .svg, .png, .pdf)`] : [])], seconds };
}

const round = (value: number): number => Math.round(value * 10) / 10;
