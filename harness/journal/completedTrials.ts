import type { Trial } from '../plan/trial.js';
import { trialFingerprint } from '../run/trialFingerprint.js';
import type { TrialRecord } from '../run/trialOutcome.js';

export interface Completion {
  /** the record of each planned trial that has one (the latest, if a trial was retried) */
  readonly byId: Map<string, TrialRecord>;
  /** records of trial ids in the plan but with another definition (the config or data changed) */
  readonly stale: number;
}

/**
 * Matches journal records to a plan: a trial is done when a record with its id and fingerprint
 * exists. With `retryFailed`, records with an error do not count, so those trials run again.
 */
export function completedTrials(plan: readonly Trial[], records: readonly TrialRecord[], data: string, options: { retryFailed?: boolean } = {}): Completion {
  const fingerprints = new Map(plan.map((trial) => [trial.id, trialFingerprint(trial, data)]));
  const byId = new Map<string, TrialRecord>();
  let stale = 0;
  for (const record of records) {
    const expected = fingerprints.get(record.trial.id);
    if (expected === undefined) continue;
    if (record.fingerprint !== expected) {
      stale++;
      continue;
    }
    if (options.retryFailed && record.error !== undefined) continue;
    byId.set(record.trial.id, record);
  }
  return { byId, stale };
}
