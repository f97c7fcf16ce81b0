import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cellOf } from '../plan/trial.js';
import type { TrialRecord } from '../run/trialOutcome.js';
import { bestSchedulePath, resultPaths } from './resultPaths.js';

/**
 * Which best schedules a results folder keeps in best/ (`--keep-best`):
 * - `cell` (default): one per cell — the repetitions of one study × algorithm label × grid point ×
 *   set × size, i.e. the trial id without its `/r<repetition>` — namely its best run (below):
 *   configs/paper.json keeps 247 schedules (158 MiB) instead of 1394 (846 MiB);
 * - `all`: every successful trial's (what every version before the option kept).
 */
export const KEEP_BEST_MODES = ['cell', 'all'] as const;
export type KeepBest = (typeof KEEP_BEST_MODES)[number];
export const DEFAULT_KEEP_BEST: KeepBest = 'cell';

/** What ranks a trial's schedule within its cell. */
export interface BestCandidate {
  readonly trialId: string;
  readonly repetition: number;
  readonly valid: boolean;
  readonly fitness: number;
}

/** A finished trial as a candidate; a failed one (no measurements) has no schedule. */
export function candidateOf(record: TrialRecord): BestCandidate | undefined {
  const { measurements } = record;
  if (record.error !== undefined || measurements === undefined) return undefined;
  return { trialId: record.trial.id, repetition: record.trial.repetition, valid: measurements.valid, fitness: measurements.fitness };
}

/**
 * Whether `a` is the better best schedule of a cell than `b`: a valid schedule before an invalid
 * one, then the higher fitness, then the lower repetition — a total order, so the kept schedule does
 * not depend on the order trials finish in, on shards or on resumes. It is the run the schedule
 * figures draw (harness/report/figures/bestScheduleChoice.ts: the fittest successful run, the lowest repetition on a tie).
 */
export function isBetterBest(a: BestCandidate, b: BestCandidate | undefined): boolean {
  if (b === undefined) return true;
  if (a.valid !== b.valid) return a.valid;
  if (a.fitness !== b.fitness) return a.fitness > b.fitness;
  return a.repetition < b.repetition;
}

/** The best candidate of each cell, by cell. */
export function bestPerCell(records: readonly TrialRecord[]): Map<string, BestCandidate> {
  const best = new Map<string, BestCandidate>();
  for (const record of records) {
    const candidate = candidateOf(record);
    if (candidate === undefined) continue;
    const cell = cellOf(candidate.trialId);
    if (isBetterBest(candidate, best.get(cell))) best.set(cell, candidate);
  }
  return best;
}

/** The trial ids whose schedules best/ holds for these records. */
export function keptBestSchedules(records: readonly TrialRecord[], keep: KeepBest): Set<string> {
  if (keep === 'all') return new Set(records.flatMap((record) => (candidateOf(record) ? [record.trial.id] : [])));
  return new Set([...bestPerCell(records).values()].map((candidate) => candidate.trialId));
}

/** The trial id a best/ file holds (`scaling__genetic__mid__n30__r3.json` → `scaling/genetic/mid/n30/r3`). */
const trialIdOfFile = (file: string): string => basename(file, '.json').replaceAll('__', '/');

/**
 * Brings best/ to the kept set of `records`: with `cell`, removes every other schedule (those a
 * better run of their cell replaced, left by a stop between the two steps, or of trials the journal
 * does not hold); `all` removes nothing. Returns the kept trials whose file is missing.
 */
export function pruneBestSchedules(folder: string, records: readonly TrialRecord[], keep: KeepBest): { kept: number; removed: number; missing: string[] } {
  const kept = keptBestSchedules(records, keep);
  const directory = resultPaths(folder).bestFolder;
  let removed = 0;
  if (keep === 'cell' && existsSync(directory)) {
    for (const file of readdirSync(directory)) {
      if (!file.endsWith('.json') || kept.has(trialIdOfFile(file))) continue;
      rmSync(join(directory, file), { force: true });
      removed++;
    }
  }
  const missing = [...kept].filter((id) => !existsSync(bestSchedulePath(folder, id)));
  return { kept: kept.size, removed, missing };
}
