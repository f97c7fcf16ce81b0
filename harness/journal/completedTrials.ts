import { JournalError } from './journalError.js';
import type { Trial } from '../plan/trial.js';
import { trialFingerprint } from '../run/trialFingerprint.js';
import type { TrialRecord } from '../run/trialOutcome.js';
import type { JournalEntry } from './journal.js';

export interface Completion {
  /** the record of each planned trial that has one (a retried failure gives way to the retry) */
  readonly byId: Map<string, TrialRecord>;
  /** records of trial ids in the plan but with another definition (the config or data changed) */
  readonly stale: number;
  /** records repeating another record's result exactly (ignored) */
  readonly duplicates: number;
}

/**
 * Matches journal records to a plan: a trial is done when a record with its id and fingerprint
 * exists. With `retryFailed`, records with an error do not count, so those trials run again.
 * Two records of one trial with different results are an error naming both lines (two writers,
 * or a merge of conflicting sources), except that a failure may be followed by its retry.
 * `source` names the journal in that error.
 */
export function completedTrials(
  plan: readonly Trial[],
  records: readonly (JournalEntry | TrialRecord)[],
  data: string,
  options: { retryFailed?: boolean; source?: string } = {},
): Completion {
  const fingerprints = new Map(plan.map((trial) => [trial.id, trialFingerprint(trial, data)]));
  const chosen = new Map<string, JournalEntry>();
  let stale = 0;
  let duplicates = 0;
  records.forEach((item, i) => {
    const entry: JournalEntry = 'record' in item ? item : { line: i + 1, record: item, text: '' };
    const { record } = entry;
    const expected = fingerprints.get(record.trial.id);
    if (expected === undefined) return;
    if (record.fingerprint !== expected) {
      stale++;
      return;
    }
    const previous = chosen.get(record.trial.id);
    if (previous) {
      if (resultKey(previous.record) === resultKey(record)) {
        duplicates++;
        return;
      }
      if (previous.record.error === undefined) {
        throw new JournalError(`${options.source ?? 'journal'}: lines ${previous.line} and ${entry.line}: two different results of trial ${record.trial.id} (${resultSummary(previous.record)} vs ${resultSummary(record)}): the folder had two writers or was merged from conflicting sources; keep one of the lines`);
      }
    }
    chosen.set(record.trial.id, entry);
  });
  const byId = new Map<string, TrialRecord>();
  for (const [id, entry] of chosen) {
    if (options.retryFailed && entry.record.error !== undefined) continue;
    byId.set(id, entry.record);
  }
  return { byId, stale, duplicates };
}

/**
 * What a trial computed: equal for two runs of the same trial, whatever their timing (a trace
 * row's 7th value is wall time, so rows are compared on their first six).
 */
export function resultKey(record: TrialRecord): string {
  return JSON.stringify([record.measurements ?? null, record.trace.map((row) => row.slice(0, 6)), record.error ?? null]);
}

const resultSummary = (record: TrialRecord): string =>
  record.error !== undefined ? `failed: ${record.error.slice(0, 60)}` : `fitness ${record.measurements?.fitness}`;
