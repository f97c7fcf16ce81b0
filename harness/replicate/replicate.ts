import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { InputError } from '../../algorithms/problem/inputError.js';
import { openDataSource, resolveDataSpec } from '../../datasets/dataSource.js';
import { loadStudyConfig, type LoadedConfig } from '../config/loadStudyConfig.js';
import { MAX_TRIALS } from '../config/planSize.js';
import { lockFolder } from '../io/folderLock.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { estimateOutputBytes } from '../plan/estimateCost.js';
import { checkFolderWritable, checkFreeSpace } from './preflight.js';
import { completedTrials } from '../journal/completedTrials.js';
import { currentCodeVersion } from '../journal/codeVersion.js';
import { checkVersions } from '../journal/codeVersions.js';
import { describeCorruption, quarantineCorruptLines, readJournal } from '../journal/journal.js';
import { JournalError } from '../journal/journalError.js';
import { gitState, machineFacts, schedlabVersion, type Manifest } from '../output/manifest.js';
import { bestPerCell, DEFAULT_KEEP_BEST, type KeepBest } from '../output/bestSchedules.js';
import { journalChangedSinceStamp } from '../output/outputsCheck.js';
import { resultPaths } from '../output/resultPaths.js';
import { writeOutputs } from '../output/writeOutputs.js';
import { estimateCostSeconds, longestFirst } from '../plan/estimateCost.js';
import { planTrials, selectStudies } from '../plan/planTrials.js';
import { kindOfStudy } from '../config/studyConfig.js';
import { selectShard, shardFolder, shardText, type Shard } from '../plan/shard.js';
import { executeTrials } from '../run/executeTrials.js';
import { createProgressReporter, formatSeconds } from '../run/progressReporter.js';
import { configNotes } from './configNotes.js';
import { renderFigures } from './figuresStep.js';
import { defaultRunFolder } from './projectPaths.js';

export interface ReplicateOptions {
  readonly configPath: string;
  /** study names to run (the others keep whatever the journal has) */
  readonly only?: readonly string[];
  /** data source spec; overrides the config's */
  readonly data?: string;
  readonly workers: number;
  readonly shard?: Shard;
  /**
   * seed of the runs' randomness (trial seeds, shared initial populations) instead of the config's
   * baseSeed; the problems keep the config's (planTrials.ts). Recorded in manifest.json.
   */
  readonly runSeed?: number;
  /** results folder; default results/runs/<config name>[-run-seed-N] (a shard: …/shard-i-of-N) */
  readonly out?: string;
  /** run again the trials the journal records as failed */
  readonly retryFailed?: boolean;
  /** keep journal records made by other code versions (recorded in manifest.json and trials.csv's version column) */
  readonly allowMixedVersions?: boolean;
  /** quarantine corrupt journal lines and accept a journal that lost records: those trials run again */
  readonly repairJournal?: boolean;
  readonly figures?: boolean;
  /** which best schedules best/ keeps: the best of each cell (default) or every trial's (harness/output/bestSchedules.ts) */
  readonly keepBest?: KeepBest;
  /** accept plans of more than CONFIRM_TRIALS_ABOVE trials (up to MAX_TRIALS) */
  readonly yes?: boolean;
  /** print the plan and its estimated cost, run nothing */
  readonly dryRun?: boolean;
  readonly signal?: AbortSignal;
  /** called when the folder's lock is lost while running (the caller should abort) */
  readonly onLockLost?: () => void;
  /** told the journal's path once the folder is locked (to flush it on a forced exit) */
  readonly onJournalOpened?: (journalPath: string) => void;
  readonly log: (line: string) => void;
  readonly progressStream?: NodeJS.WriteStream;
}

export interface ReplicateSummary {
  readonly folder: string;
  readonly status: Manifest['status'] | 'dry-run';
  readonly planned: number;
  readonly selected: number;
  readonly alreadyDone: number;
  readonly ran: number;
  readonly failed: number;
  /** figures or report parts that failed (the command then exits 1) */
  readonly figureErrors: number;
}

/**
 * One replicate run: plan the config, skip what the journal already has, run the rest on a
 * worker pool, then derive every output from the journal. Interrupting (the signal) leaves a
 * consistent journal and outputs for what finished; running again resumes.
 */
export async function replicate(options: ReplicateOptions): Promise<ReplicateSummary> {
  const { log } = options;
  const startedAt = new Date().toISOString();
  const loaded = loadStudyConfig(options.configPath, { maxTrials: options.yes ? MAX_TRIALS : undefined });
  const config = runConfig(loaded, options.runSeed);
  // a config's "fenrir-if-present" becomes what it resolves to, so the journal records the real source
  const data = resolveDataSpec(options.data ?? config.data);
  if (data !== (options.data ?? config.data)) log(`data: ${config.data} → ${data}`);
  const runFolder = defaultRunFolder(options.runSeed === undefined ? config.name : `${config.name}-run-seed-${options.runSeed}`);
  const folder = resolve(options.out ?? shardFolder(runFolder, options.shard));
  if (options.dryRun) return replicateLocked(options, { loaded, data, folder, startedAt });
  checkFolderWritable(folder);
  const lock = lockFolder(folder, `npm run replicate (${relative(process.cwd(), loaded.path) || loaded.path})`, (error) => {
    log(`lock: lost the lock of ${relative(process.cwd(), folder) || '.'} (${error.message}); stopping`);
    options.onLockLost?.();
  });
  try {
    return await replicateLocked(options, { loaded, data, folder, startedAt });
  } finally {
    lock.release();
  }
}

interface Prepared {
  readonly loaded: LoadedConfig;
  readonly data: string;
  readonly folder: string;
  readonly startedAt: string;
}

async function replicateLocked(options: ReplicateOptions, { loaded, data, folder, startedAt }: Prepared): Promise<ReplicateSummary> {
  const { log } = options;
  const config = runConfig(loaded, options.runSeed);
  openDataSource(data); // a bad --data spec or a missing folder fails here, before any work
  const plan = planTrials(config);
  const unknownStudies = (options.only ?? []).filter((name) => !config.studies.some((study) => study.name === name || kindOfStudy(study) === name));
  if (unknownStudies.length > 0) {
    throw new InputError('--only', undefined, `no study ${unknownStudies.join(', ')} in ${options.configPath} (studies: ${config.studies.map((study) => (study.name === kindOfStudy(study) ? study.name : `${study.name} (kind ${kindOfStudy(study)})`)).join(', ')})`);
  }
  const selected = selectShard(selectStudies(plan, options.only), options.shard);
  const paths = resultPaths(folder);

  const keepBest = options.keepBest ?? DEFAULT_KEEP_BEST;
  const previous = previousConfig(paths.manifest);
  if (previous && previous.sha256 !== loaded.sha256) {
    log(`note: ${relative(process.cwd(), folder) || '.'} was last written with another config (${previous.name} ${previous.sha256.slice(0, 12)}); trials whose definition is unchanged are reused`);
  }
  const shown = relative(process.cwd(), folder) || '.';
  if (!options.dryRun) options.onJournalOpened?.(paths.journal);
  let journal = readJournal(paths.journal, { repair: !options.dryRun });
  if (journal.repairedBytes > 0) log(`journal: cut off a torn last line ${journal.tornLine} (${journal.repairedBytes} bytes, a crash mid-write); that trial runs again`);
  const corruption = describeCorruption(journal);
  if (corruption && !(options.repairJournal && !options.dryRun)) {
    throw new JournalError(`${corruption}; restore the journal from a backup, or pass --repair-journal to move those lines to journal.jsonl.corrupt and run their trials again`);
  }
  if (corruption) {
    const quarantine = quarantineCorruptLines(journal);
    log(`journal: moved ${journal.corrupt.length} corrupt line(s) to ${relative(process.cwd(), quarantine)}; their trials run again (--repair-journal)`);
    journal = readJournal(paths.journal);
  } else {
    // checked after the lines themselves, so that a damaged line is named rather than reported as a changed journal
    const lost = journalChangedSinceStamp(folder);
    if (lost && !options.repairJournal) throw new JournalError(`${lost}; restore it from a backup, or pass --repair-journal to run the missing trials again`);
    if (lost) log(`journal: ${lost}; the missing trials run again (--repair-journal)`);
  }
  if (journal.unversioned > 0) log(`journal: ${journal.unversioned} record(s) predate checksums and code versions (checked by fingerprint only)`);
  const done = completedTrials(plan, journal.entries, data, { retryFailed: options.retryFailed, source: paths.journal });
  if (done.stale > 0) log(`journal: ${done.stale} record(s) were made with another config or data source; those trials run again`);
  if (done.duplicates > 0) log(`journal: ${done.duplicates} duplicate record(s) (same result twice) ignored`);
  if (keepBest === 'all' && previous?.keepBest === 'cell' && done.byId.size > 0) {
    throw new InputError('--keep-best', undefined, `${shown} kept only the best schedule of each cell (manifest.json: bestSchedules.keep "cell"), so the other trials' schedules are gone: run --keep-best all into a fresh folder (--out DIR)`);
  }
  const codeVersion = currentCodeVersion();
  checkVersions([...done.byId.values()], codeVersion, { allowMixed: options.allowMixedVersions, source: paths.journal, expectedIs: 'this checkout' });
  const remaining = longestFirst(selected.filter((trial) => !done.byId.has(trial.id)));
  const totalCost = remaining.reduce((sum, trial) => sum + estimateCostSeconds(trial), 0);
  const alreadyDone = selected.length - remaining.length;
  const workers = Math.max(1, options.workers);
  if (!options.dryRun) checkFreeSpace(folder, estimateOutputBytes(remaining, folder, { keepAll: keepBest === 'all', workers }));

  log(`${config.name}: ${plan.length} trials planned, ${selected.length} selected${options.shard ? ` (shard ${shardText(options.shard)})` : ''}${options.only ? ` (studies ${options.only.join(', ')})` : ''}, ${alreadyDone} already in the journal`);
  if (remaining.length === 0) log('nothing to run: every selected trial is in the journal; rewriting the outputs');
  else log(`running ${remaining.length} trial(s) on ${Math.min(workers, Math.max(1, remaining.length))} worker(s), data ${data}, estimated ${formatSeconds(totalCost / Math.min(workers, Math.max(1, remaining.length)))}; results in ${relative(process.cwd(), folder) || '.'}`);
  if (options.dryRun) {
    for (const study of config.studies) {
      const trials = selected.filter((trial) => trial.study === study.name);
      if (trials.length > 0) log(`  ${study.name}: ${trials.length} trials, ≈ ${formatSeconds(trials.reduce((sum, trial) => sum + estimateCostSeconds(trial), 0))} CPU`);
    }
    return { folder, status: 'dry-run', planned: plan.length, selected: selected.length, alreadyDone, ran: 0, failed: 0, figureErrors: 0 };
  }

  const progress = createProgressReporter(remaining.length, totalCost, options.progressStream);
  const costs = new Map(remaining.map((trial) => [trial.id, estimateCostSeconds(trial)]));
  const execution = await executeTrials({
    trials: remaining,
    data,
    folder,
    workers,
    codeVersion,
    ...(keepBest === 'cell' ? { bestPerCell: bestPerCell([...done.byId.values()]) } : {}),
    signal: options.signal,
    onRecorded: (record) => progress.advance(costs.get(record.trial.id) ?? 0, record.error !== undefined),
  });
  progress.stop();

  const { records, removedStaleReport, missingBest } = writeOutputs(folder, plan, data, (recorded) => ({
    schedlab: schedlabVersion(),
    config: { name: config.name, path: relative(process.cwd(), resolve(loaded.path)), sha256: loaded.sha256, content: JSON.parse(loaded.text) },
    data,
    ...(options.runSeed !== undefined ? { runSeed: options.runSeed } : {}),
    ...(options.only ? { only: options.only } : {}),
    ...(options.shard ? { shard: shardText(options.shard) } : {}),
    git: gitState(),
    ...machineFacts(),
    workers,
    startedAt,
    finishedAt: new Date().toISOString(),
    status: execution.interrupted ? 'interrupted' : recorded.length === plan.length ? 'complete' : 'partial',
    trials: { planned: plan.length, recorded: recorded.length, failed: recorded.filter((record) => record.error !== undefined).length },
    notes: configNotes(config),
  }), keepBest);
  if (missingBest.length > 0) log(`best/: ${missingBest.length} kept schedule(s) missing (deleted by hand?), e.g. ${missingBest[0]}: figures that draw them will fail`);
  if (removedStaleReport) log(`figures: removed the report and figures of an earlier state of the journal (npm run figures -- ${shown} renders them again)`);
  let status: Manifest['status'] = execution.interrupted ? 'interrupted' : records.length === plan.length ? 'complete' : 'partial';
  if (execution.workerFailures.length > 0) {
    const [first] = execution.workerFailures;
    log(`${execution.workerFailures.length} trial(s) could not run because their worker failed (first: ${first.trialId}: ${first.message}); they are not in the journal — run the same command again to retry them`);
  }
  if (execution.failed > 0) log(`${execution.failed} trial(s) failed: see the error column of ${relative(process.cwd(), paths.trials)} (rerun with --retry-failed to run them again)`);
  let figureErrors = 0;
  if (status === 'complete' && (options.figures ?? true) && !options.signal?.aborted) {
    const figures = await renderFigures(folder, log, options.signal);
    figureErrors = figures.errors;
  }
  if (status !== 'interrupted' && options.signal?.aborted) {
    // stopped after the trials (while writing outputs or figures): the outputs are consistent, the run did not finish
    setManifestStatus(paths.manifest, 'interrupted');
    status = 'interrupted';
  }
  return { folder, status, planned: plan.length, selected: selected.length, alreadyDone, ran: execution.recorded, failed: execution.failed, figureErrors };
}

/** The config as this run plans it: with `--run-seed`, its runs' seed. */
const runConfig = (loaded: LoadedConfig, runSeed: number | undefined) => (runSeed === undefined ? loaded.config : { ...loaded.config, runSeed });

/** Rewrites manifest.json's status alone (its stamps stay valid: the derived files are unchanged). */
function setManifestStatus(path: string, status: Manifest['status']): void {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  writeFileAtomically(path, `${JSON.stringify({ ...manifest, status }, null, 2)}\n`);
}

/** The config a results folder was last written with, if it has a readable manifest. */
function previousConfig(manifestPath: string): { name: string; sha256: string; keepBest: KeepBest } | undefined {
  if (!existsSync(manifestPath)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Partial<Manifest>;
    // folders written before --keep-best kept every schedule
    return manifest.config ? { name: manifest.config.name, sha256: manifest.config.sha256, keepBest: manifest.bestSchedules?.keep ?? 'all' } : undefined;
  } catch {
    return undefined;
  }
}
