import { completedTrials } from '../journal/completedTrials.js';
import { readJournal } from '../journal/journal.js';
import type { Trial } from '../plan/trial.js';
import type { TrialRecord } from '../run/trialOutcome.js';
import { writeTables } from '../tables/deriveTables.js';
import type { Manifest } from './manifest.js';
import { resultPaths } from './resultPaths.js';
import { tracesCsv } from './tracesTable.js';
import { trialsCsv } from './trialsTable.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';

/** The journal's records of a plan, in plan order (the order of trials.csv). */
export function recordsInPlanOrder(folder: string, plan: readonly Trial[], data: string): TrialRecord[] {
  const { byId } = completedTrials(plan, readJournal(resultPaths(folder).journal).records, data);
  return plan.flatMap((trial) => {
    const record = byId.get(trial.id);
    return record ? [record] : [];
  });
}

/**
 * Derives every output of a results folder from its journal: trials.csv and traces.csv (plan
 * order), tables/ (from trials.csv alone), then manifest.json. Each file is written atomically.
 * Only `manifestFor(records)` depends on the run; everything else is a function of the journal.
 */
export function writeOutputs(folder: string, plan: readonly Trial[], data: string, manifestFor: (records: readonly TrialRecord[]) => Manifest): TrialRecord[] {
  const paths = resultPaths(folder);
  const records = recordsInPlanOrder(folder, plan, data);
  writeFileAtomically(paths.trials, trialsCsv(records));
  writeFileAtomically(paths.traces, tracesCsv(records));
  writeTables(folder);
  writeFileAtomically(paths.manifest, `${JSON.stringify(manifestFor(records), null, 2)}\n`);
  return records;
}
