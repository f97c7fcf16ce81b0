import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { countVersions } from '../journal/codeVersions.js';
import { completedTrials } from '../journal/completedTrials.js';
import { describeCorruption, readJournal, type JournalState } from '../journal/journal.js';
import { JournalError } from '../journal/journalError.js';
import type { Trial } from '../plan/trial.js';
import type { TrialRecord } from '../run/trialOutcome.js';
import { deriveTables } from '../tables/deriveTables.js';
import { syncFolder, writeFileAtomically } from '../io/writeFileAtomically.js';
import { pruneBestSchedules, type KeepBest } from './bestSchedules.js';
import type { Manifest } from './manifest.js';
import { resultPaths } from './resultPaths.js';
import { tracesCsv } from './tracesTable.js';
import { trialsCsv } from './trialsTable.js';

/** Files of a results folder rendered from the derived set (by the figures step): stale once the set changes. */
export const RENDERED_OUTPUTS = ['report.html', 'report.md', 'figures', 'latex'] as const;

export interface WrittenOutputs {
  /** the records in plan order, as in trials.csv */
  readonly records: TrialRecord[];
  readonly state: JournalState;
  /** true when the report and figures of an earlier state were removed */
  readonly removedStaleReport: boolean;
  /** kept trials whose best schedule is missing from best/ (deleted by hand): the schedule figures will say so */
  readonly missingBest: string[];
}

/**
 * Derives every output of a results folder from its verified journal, as one set: trials.csv and
 * traces.csv (plan order), tables/ (from trials.csv; the benchmark's also from traces.csv), then manifest.json, stamped with the
 * journal state and the sha256 of every derived file — written last, so a set whose writing was
 * cut short never matches its manifest (harness/output/outputsCheck.ts tells). A report and
 * figures of another state are removed first: they never sit beside outputs they do not show.
 * A journal with corrupt lines is refused: no table is computed from a damaged record.
 * best/ is brought to the set `keepBest` keeps (bestSchedules.ts) before the manifest records it.
 */
export function writeOutputs(folder: string, plan: readonly Trial[], data: string, manifestFor: (records: readonly TrialRecord[]) => Manifest, keepBest: KeepBest): WrittenOutputs {
  const paths = resultPaths(folder);
  const journal = readJournal(paths.journal, { repair: false });
  const corruption = describeCorruption(journal);
  if (corruption) throw new JournalError(`${corruption}; no output was written`);
  const { byId } = completedTrials(plan, journal.entries, data, { source: paths.journal });
  const records = plan.flatMap((trial) => {
    const record = byId.get(trial.id);
    return record ? [record] : [];
  });

  const trials = trialsCsv(records);
  const traces = tracesCsv(records);
  const files = new Map<string, string>([['trials.csv', trials], ['traces.csv', traces]]);
  // the benchmark tables also read the curves (time to reach the best known)
  for (const [name, text] of deriveTables(trials, () => traces)) files.set(`tables/${name}.csv`, text);
  const outputs = Object.fromEntries([...files].map(([file, text]) => [file, sha256(text)]));

  const previous = previousOutputs(paths.manifest);
  const unchanged = previous !== undefined && Object.keys(outputs).length === Object.keys(previous).length
    && Object.entries(outputs).every(([file, hash]) => previous[file] === hash);
  const stale = !unchanged && RENDERED_OUTPUTS.some((name) => existsSync(paths.rendered(name)));
  if (stale) for (const name of RENDERED_OUTPUTS) rmSync(paths.rendered(name), { recursive: true, force: true });

  for (const [file, text] of files) writeFileAtomically(paths.derived(file), text);
  const best = pruneBestSchedules(folder, records, keepBest);
  const manifest: Manifest = { ...manifestFor(records), bestSchedules: { keep: keepBest, files: best.kept - best.missing.length }, codeVersions: countVersions(records), journal: journal.state, outputs };
  writeFileAtomically(paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  syncFolder(paths.tablesFolder);
  syncFolder(folder);
  return { records, state: journal.state, removedStaleReport: stale, missingBest: best.missing };
}

export const sha256 = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('hex');

function previousOutputs(manifestPath: string): Record<string, string> | undefined {
  try {
    const outputs = (JSON.parse(readFileSync(manifestPath, 'utf8')) as Partial<Manifest>).outputs;
    return outputs && typeof outputs === 'object' ? { ...outputs } : undefined;
  } catch {
    return undefined;
  }
}
