import { rmSync } from 'node:fs';
import { setMaxListeners } from 'node:events';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { CodeVersion } from '../journal/codeVersion.js';
import { appendRecord, syncJournal } from '../journal/journal.js';
import { candidateOf, isBetterBest, type BestCandidate } from '../output/bestSchedules.js';
import { bestSchedulePath, resultPaths } from '../output/resultPaths.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { cellOf, type Trial } from '../plan/trial.js';
import { trialFingerprint } from './trialFingerprint.js';
import type { TrialOutcome, TrialRecord } from './trialOutcome.js';
import type { TrialTask } from './trialWorker.js';

export interface ExecutionOptions {
  /** trials to run, in the order to start them */
  readonly trials: readonly Trial[];
  /** data source spec */
  readonly data: string;
  /** results folder: best/ and journal.jsonl are written as trials finish */
  readonly folder: string;
  readonly workers: number;
  /** the code computing the trials: stamped on every record */
  readonly codeVersion: CodeVersion;
  /** aborting stops the run: queued trials are dropped, running ones abandoned (their workers terminated) */
  readonly signal?: AbortSignal;
  /**
   * `--keep-best cell`: the best schedule of each cell so far (from the journal; updated here), so a
   * trial's schedule is written only when it beats its cell's and the one it beats is removed.
   * Absent: every schedule is written (`--keep-best all`).
   */
  readonly bestPerCell?: Map<string, BestCandidate>;
  /** after each trial's record is in the journal */
  readonly onRecorded?: (record: TrialRecord) => void;
}

export interface WorkerFailure {
  readonly trialId: string;
  readonly message: string;
}

export interface ExecutionSummary {
  /** trials journaled by this run */
  readonly recorded: number;
  /** of those, trials that threw (journaled with their error) */
  readonly failed: number;
  /** trials whose worker failed (not journaled; a rerun tries them again) */
  readonly workerFailures: readonly WorkerFailure[];
  readonly interrupted: boolean;
}

const WORKER_ENTRY = fileURLToPath(new URL('./trialWorkerEntry.mjs', import.meta.url));

/**
 * Runs trials on a pool of worker threads. Each finished trial is committed at once, in this
 * thread: its best schedule first (atomic write), then its journal line (one append) — so the
 * journal only ever lists trials whose kept files exist, and a rerun skips exactly those. With
 * `bestPerCell`, a schedule that does not beat its cell's best is not written, and one that does
 * replaces it (the old file is removed after the journal line; a stop in between leaves an extra
 * file, which the outputs step removes: harness/output/bestSchedules.ts).
 * A trial that throws is recorded with its error; it does not stop the others.
 */
export async function executeTrials(options: ExecutionOptions): Promise<ExecutionSummary> {
  const { trials, data, folder, signal } = options;
  if (trials.length === 0) return { recorded: 0, failed: 0, workerFailures: [], interrupted: false };
  const threads = Math.max(1, Math.min(options.workers, trials.length));
  const pool = new Tinypool({ filename: WORKER_ENTRY, minThreads: threads, maxThreads: threads });
  // every queued task listens to the signal
  if (signal) setMaxListeners(trials.length + 16, signal);
  const journal = resultPaths(folder).journal;
  let recorded = 0;
  let failed = 0;
  const workerFailures: WorkerFailure[] = [];

  const commit = (trial: Trial, outcome: TrialOutcome): void => {
    const record: TrialRecord = {
      trial,
      fingerprint: trialFingerprint(trial, data),
      data,
      ...(outcome.measurements ? { measurements: outcome.measurements } : {}),
      runtimeMs: outcome.runtimeMs,
      trace: outcome.trace,
      ...(outcome.error !== undefined ? { error: outcome.error } : {}),
      finishedAt: new Date().toISOString(),
      codeVersion: options.codeVersion,
    };
    let replaced: BestCandidate | undefined;
    if (outcome.bestSchedule !== undefined) {
      const candidate = candidateOf(record);
      const cell = cellOf(trial.id);
      const best = options.bestPerCell;
      if (!best || (candidate && isBetterBest(candidate, best.get(cell)))) {
        writeFileAtomically(bestSchedulePath(folder, trial.id), outcome.bestSchedule);
        if (best && candidate) {
          replaced = best.get(cell);
          best.set(cell, candidate);
        }
      }
    }
    appendRecord(journal, record);
    if (replaced) rmSync(bestSchedulePath(folder, replaced.trialId), { force: true });
    recorded++;
    if (record.error !== undefined) failed++;
    options.onRecorded?.(record);
  };

  try {
    await Promise.all(trials.map(async (trial) => {
      const task: TrialTask = { trial, data };
      let outcome: TrialOutcome;
      try {
        outcome = (await pool.run(task, { signal: signal ?? null })) as TrialOutcome;
      } catch (error) {
        if (signal?.aborted) return; // abandoned: not recorded, a rerun runs it
        // The worker itself failed (it could not start, crashed, ran out of memory): not a
        // result of the trial, so it is not journaled — a rerun tries again. Errors thrown by
        // the trial are caught in the worker and arrive as outcomes with `error`.
        workerFailures.push({ trialId: trial.id, message: (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' | ') });
        return;
      }
      commit(trial, outcome);
    }));
  } finally {
    await pool.destroy();
    syncJournal(journal);
  }
  return { recorded, failed, workerFailures, interrupted: signal?.aborted ?? false };
}
