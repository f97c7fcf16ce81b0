import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InputError } from '../../algorithms/problem/inputError.js';
import { parseStudyConfig } from '../config/loadStudyConfig.js';
import { MAX_TRIALS } from '../config/planSize.js';
import { completedTrials, resultKey } from '../journal/completedTrials.js';
import { checkVersions } from '../journal/codeVersions.js';
import { describeCorruption, readJournal, type JournalEntry } from '../journal/journal.js';
import { JournalError } from '../journal/journalError.js';
import { keptBestSchedules, type KeepBest } from '../output/bestSchedules.js';
import { gitState, machineFacts, schedlabVersion, type Manifest } from '../output/manifest.js';
import { bestSchedulePath, resultPaths } from '../output/resultPaths.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { writeOutputs } from '../output/writeOutputs.js';
import { planTrials } from '../plan/planTrials.js';
import { configNotes } from '../replicate/configNotes.js';

export interface MergeSummary {
  readonly folder: string;
  readonly planned: number;
  readonly merged: number;
  readonly missing: number;
  readonly status: Manifest['status'];
}

/**
 * Combines results folders of the same config and data (shards, or partial runs) into one:
 * the union of their journals — one record per trial, in plan order, a successful record
 * preferred over a failed one — their best schedules, and every output derived afresh. The
 * result is what one machine running the whole plan would have written, timing aside.
 * The input folders are only read; `out` may be one of them. best/ keeps what `keepBest` says —
 * by default `all` when every folder kept all, else the best of each cell (each folder's best of a
 * cell is among its cell's best there, so the merged cell's best is always at hand).
 */
export function mergeResults(inputs: readonly string[], out: string, options: { allowMixedVersions?: boolean; keepBest?: KeepBest } = {}): MergeSummary {
  const folder = resolve(out);
  const destination = resultPaths(folder);
  const destinationHasResults = existsSync(destination.manifest) || existsSync(destination.journal);
  if (existsSync(destination.journal) && !existsSync(destination.manifest)) {
    throw new InputError(destination.journal, undefined, 'the destination has a journal but no manifest.json (a run into it never finished writing): finish it with npm run replicate, or merge into an empty folder');
  }
  // the destination first: its records are kept whenever an input has the same result
  const sources = [...new Set([...(destinationHasResults ? [folder] : []), ...inputs.map((input) => resolve(input))])];
  if (sources.length === 0) throw new InputError('merge', undefined, 'name at least one results folder to merge');
  const manifests = sources.map(readManifest);
  const reference = manifests[0];
  const shown = (source: string) => relative(process.cwd(), source) || '.';
  for (const [i, manifest] of manifests.entries()) {
    const role = sources[i] === folder ? 'the destination' : shown(sources[i]);
    if (manifest.config.sha256 !== reference.config.sha256) {
      throw new InputError(join(sources[i], 'manifest.json'), 'config.sha256',
        `${role} has another config than ${shown(sources[0])} (${manifest.config.name} ${manifest.config.sha256.slice(0, 12)} vs ${reference.config.name} ${reference.config.sha256.slice(0, 12)}): only runs of the same config can be merged${sources[i] === folder || sources[0] === folder ? '; merge into another --out' : ''}`);
    }
    if (manifest.data !== reference.data) {
      throw new InputError(join(sources[i], 'manifest.json'), 'data', `data source ${manifest.data} of ${role} differs from ${reference.data}`);
    }
    if (manifest.runSeed !== reference.runSeed) {
      throw new InputError(join(sources[i], 'manifest.json'), 'runSeed', `${role} ran with ${manifest.runSeed === undefined ? "the config's baseSeed" : `--run-seed ${manifest.runSeed}`}, ${shown(sources[0])} with ${reference.runSeed === undefined ? "the config's baseSeed" : `--run-seed ${reference.runSeed}`}: only runs of the same seeds can be merged`);
    }
  }
  // folders of versions before --keep-best kept every schedule
  const keptBy = manifests.map((manifest) => manifest.bestSchedules?.keep ?? 'all');
  const keepBest: KeepBest = options.keepBest ?? (keptBy.every((keep) => keep === 'all') ? 'all' : 'cell');
  const partial = keptBy.findIndex((keep) => keep === 'cell');
  if (keepBest === 'all' && partial >= 0) {
    throw new InputError(join(sources[partial], 'manifest.json'), 'bestSchedules.keep', `${sources[partial] === folder ? 'the destination' : shown(sources[partial])} kept only the best schedule of each cell: merging with --keep-best all needs folders that kept all`);
  }
  const parsed = parseStudyConfig(JSON.stringify(reference.config.content), join(sources[0], 'manifest.json'), { maxTrials: MAX_TRIALS }).config;
  const config = reference.runSeed === undefined ? parsed : { ...parsed, runSeed: reference.runSeed };
  const plan = planTrials(config);
  const data = reference.data;

  // one record per planned trial: the first successful one found, else the first failed one;
  // two different successful results of one trial are an error naming both lines
  const chosen = new Map<string, { entry: JournalEntry; source: string }>();
  const unchosenDestination: JournalEntry[] = [];
  for (const source of sources) {
    const journal = readJournal(resultPaths(source).journal, { repair: false });
    const corruption = describeCorruption(journal);
    if (corruption) throw new JournalError(`${corruption}; repair that folder first (npm run replicate -- --repair-journal …)`);
    const { byId } = completedTrials(plan, journal.entries, data, { source: resultPaths(source).journal });
    const used = new Set<JournalEntry>();
    const entryOf = new Map(journal.entries.map((entry) => [entry.record, entry]));
    for (const [id, record] of byId) {
      const entry = entryOf.get(record)!;
      const previous = chosen.get(id);
      if (previous && previous.entry.record.error === undefined && record.error === undefined
        && resultKey(previous.entry.record) !== resultKey(record)) {
        throw new JournalError(`${resultPaths(previous.source).journal}: line ${previous.entry.line} and ${resultPaths(source).journal}: line ${entry.line}: two different results of trial ${id} (fitness ${previous.entry.record.measurements?.fitness} vs ${record.measurements?.fitness}); merge only folders of one run`);
      }
      if (!previous || (previous.entry.record.error !== undefined && record.error === undefined)) {
        chosen.set(id, { entry, source });
        used.add(entry);
      }
    }
    if (source === folder) unchosenDestination.push(...journal.entries.filter((entry) => !used.has(entry)));
  }
  const ordered = plan.flatMap((trial) => {
    const entry = chosen.get(trial.id);
    return entry ? [entry] : [];
  });
  const first = ordered[0]?.entry.record;
  checkVersions(ordered.map(({ entry }) => entry.record), first?.codeVersion, { allowMixed: options.allowMixedVersions, source: 'merge', expectedIs: `the first merged record (${first?.trial.id})` });

  const kept = keptBestSchedules(ordered.map(({ entry }) => entry.record), keepBest);
  for (const { entry, source } of ordered) {
    if (source === folder || !kept.has(entry.record.trial.id)) continue;
    copyAtomically(bestSchedulePath(source, entry.record.trial.id), bestSchedulePath(folder, entry.record.trial.id));
  }
  // nothing of the destination is dropped: its records that are not chosen (stale, superseded
  // failures, duplicates) stay, before the chosen ones, so a reader still picks the chosen ones
  const unchosen = unchosenDestination.filter((entry) => !ordered.some((item) => item.entry === entry));
  writeFileAtomically(destination.journal, [...unchosen, ...ordered.map(({ entry }) => entry)].map((entry) => `${entry.text}\n`).join(''));

  const status: Manifest['status'] = ordered.length === plan.length ? 'complete' : 'partial';
  writeOutputs(folder, plan, data, (records) => ({
    schedlab: schedlabVersion(),
    config: { ...reference.config, name: reference.config.name },
    data,
    ...(reference.runSeed !== undefined ? { runSeed: reference.runSeed } : {}),
    mergedFrom: sources.map((source) => relative(process.cwd(), source) || '.'),
    git: gitState(),
    ...machineFacts(),
    startedAt: manifests.map((manifest) => manifest.startedAt).sort()[0],
    finishedAt: manifests.map((manifest) => manifest.finishedAt).sort().at(-1)!,
    status,
    trials: { planned: plan.length, recorded: records.length, failed: records.filter((record) => record.error !== undefined).length },
    notes: configNotes(config),
  }), keepBest);
  return { folder, planned: plan.length, merged: ordered.length, missing: plan.length - ordered.length, status };
}

function readManifest(folder: string): Manifest {
  const path = resultPaths(folder).manifest;
  if (!existsSync(path)) throw new InputError(path, undefined, 'not found: not a results folder (run npm run replicate into it first)');
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (error) {
    throw new InputError(path, undefined, `malformed JSON: ${(error as Error).message}`);
  }
}

function copyAtomically(from: string, to: string): void {
  if (!existsSync(from)) throw new InputError(from, undefined, 'best schedule missing although the journal records the trial');
  writeFileAtomically(to, readFileSync(from));
}
