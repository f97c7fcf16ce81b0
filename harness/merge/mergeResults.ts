import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { InputError } from '../../algorithms/problem/inputError.js';
import { parseStudyConfig } from '../config/loadStudyConfig.js';
import { completedTrials } from '../journal/completedTrials.js';
import { readJournal } from '../journal/journal.js';
import { gitState, machineFacts, schedlabVersion, type Manifest } from '../output/manifest.js';
import { bestSchedulePath, resultPaths } from '../output/resultPaths.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { writeOutputs } from '../output/writeOutputs.js';
import { planTrials } from '../plan/planTrials.js';
import { configNotes } from '../replicate/configNotes.js';
import type { TrialRecord } from '../run/trialOutcome.js';

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
 * The input folders are only read; `out` may be one of them.
 */
export function mergeResults(inputs: readonly string[], out: string): MergeSummary {
  const folder = resolve(out);
  const sources = [...new Set([...inputs.map((input) => resolve(input)), ...(existsSync(resultPaths(folder).manifest) ? [folder] : [])])];
  if (sources.length === 0) throw new InputError('merge', undefined, 'name at least one results folder to merge');
  const manifests = sources.map(readManifest);
  const reference = manifests[0];
  for (const [i, manifest] of manifests.entries()) {
    if (manifest.config.sha256 !== reference.config.sha256) {
      throw new InputError(join(sources[i], 'manifest.json'), 'config.sha256',
        `config differs from ${relative(process.cwd(), sources[0])} (${manifest.config.name} ${manifest.config.sha256.slice(0, 12)} vs ${reference.config.name} ${reference.config.sha256.slice(0, 12)}): only runs of the same config can be merged`);
    }
    if (manifest.data !== reference.data) {
      throw new InputError(join(sources[i], 'manifest.json'), 'data', `data source ${manifest.data} differs from ${reference.data}`);
    }
  }
  const { config } = parseStudyConfig(JSON.stringify(reference.config.content), join(sources[0], 'manifest.json'));
  const plan = planTrials(config);
  const data = reference.data;

  // one record per planned trial: the first successful one found, else the first failed one
  const chosen = new Map<string, { record: TrialRecord; source: string }>();
  for (const source of sources) {
    const { byId } = completedTrials(plan, readJournal(resultPaths(source).journal, { repair: false }).records, data);
    for (const [id, record] of byId) {
      const previous = chosen.get(id);
      if (!previous || (previous.record.error !== undefined && record.error === undefined)) chosen.set(id, { record, source });
    }
  }
  const ordered = plan.flatMap((trial) => {
    const entry = chosen.get(trial.id);
    return entry ? [entry] : [];
  });

  for (const { record, source } of ordered) {
    if (source === folder || record.error !== undefined) continue;
    copyAtomically(bestSchedulePath(source, record.trial.id), bestSchedulePath(folder, record.trial.id));
  }
  writeFileAtomically(resultPaths(folder).journal, ordered.map(({ record }) => `${JSON.stringify(record)}\n`).join(''));

  const status: Manifest['status'] = ordered.length === plan.length ? 'complete' : 'partial';
  writeOutputs(folder, plan, data, (records) => ({
    schedlab: schedlabVersion(),
    config: { ...reference.config, name: reference.config.name },
    data,
    mergedFrom: sources.map((source) => relative(process.cwd(), source) || '.'),
    git: gitState(),
    ...machineFacts(),
    startedAt: manifests.map((manifest) => manifest.startedAt).sort()[0],
    finishedAt: manifests.map((manifest) => manifest.finishedAt).sort().at(-1)!,
    status,
    trials: { planned: plan.length, recorded: records.length, failed: records.filter((record) => record.error !== undefined).length },
    notes: configNotes(config),
  }));
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
  mkdirSync(dirname(to), { recursive: true });
  const temporary = `${to}.${process.pid}.tmp`;
  copyFileSync(from, temporary);
  renameSync(temporary, to);
}
