import { versionLabel } from '../journal/codeVersion.js';
import { gridSetting } from '../plan/gridCombinations.js';
import { trialKind, type Trial } from '../plan/trial.js';
import type { TrialRecord } from '../run/trialOutcome.js';
import { toCsv, type CsvValue } from './csv.js';

/**
 * trials.csv, one tidy row per trial — a contract with the figures step: keep names and order
 * (new columns go at the end). `algorithm` is the config entry's label (default: the registered
 * name). `stopped_by` says which limit ended the run; `load`, `peak_load`, `greedy_all_at_zero`,
 * `greedy_fitness` are the instance's hardness figures (datasets/benchmark/instanceHardness.ts);
 * `rescheduling_population` says how a re-evaluation trial started (sound, as-published,
 * paper-means-hypothesis: algorithms/rescheduling/reschedule.ts), empty for the other studies;
 * `kind` is the study's kind (harness/config/studyKinds.ts), what tables and figures select by
 * (trials.csv files written before the column existed: the study's name, which was then its kind).
 */
export const TRIALS_COLUMNS = [
  'trial_id', 'study', 'algorithm', 'experiments', 'ress', 'repetition', 'seed',
  'population', 'generations', 'iterations', 'grid',
  'fitness', 'duration_score', 'user_group_score', 'start_score', 'valid',
  'runtime_ms', 'evaluations', 'crossovers', 'mutations', 'invalid_candidates', 'error',
  'upper_bound', 'gap',
  'stopped_by', 'load', 'peak_load', 'greedy_all_at_zero', 'greedy_fitness',
  'rescheduling_population', 'kind',
] as const;

/** Columns that measure time: they differ between runs of the same seed, nothing else may. */
export const TIMING_COLUMNS = ['runtime_ms'] as const;

export function trialRow(record: TrialRecord): Record<string, CsvValue> {
  const { trial, measurements: m } = record;
  return {
    trial_id: trial.id,
    study: trial.study,
    algorithm: trial.label ?? trial.algorithm,
    experiments: trial.experiments,
    ress: trial.ress,
    repetition: trial.repetition,
    seed: trial.seed,
    population: numberParam(trial, 'populationSize'),
    generations: numberParam(trial, 'generations'),
    iterations: numberParam(trial, 'iterations'),
    grid: trial.grid ? gridSetting(trial.grid) : undefined,
    fitness: m?.fitness,
    duration_score: m?.durationScore,
    user_group_score: m?.userGroupScore,
    start_score: m?.startScore,
    valid: m?.valid,
    runtime_ms: Math.round(record.runtimeMs * 1000) / 1000,
    evaluations: m?.evaluations,
    crossovers: m?.crossovers,
    mutations: m?.mutations,
    invalid_candidates: m?.invalidCandidates,
    error: record.error,
    upper_bound: m?.upperBound,
    gap: m?.upperBound === undefined ? undefined : relativeGap(m.fitness, m.upperBound),
    version: versionLabel(record.codeVersion),
    stopped_by: m?.stoppedBy,
    load: m?.hardness?.load,
    peak_load: m?.hardness?.peakLoad,
    greedy_all_at_zero: m?.hardness?.greedyAllAtZero,
    greedy_fitness: m?.hardness?.greedyFitness,
    rescheduling_population: trial.restart ? trial.restart.population ?? 'sound' : undefined,
    kind: trialKind(trial),
  };
}

/** (bound − fitness) / bound: the share of the bound the result misses (0 = provably optimal). */
export function relativeGap(fitness: number, upperBound: number): number {
  return (upperBound - fitness) / upperBound;
}

/**
 * The records, already in plan order. When they come from more than one code version (only
 * with --allow-mixed-versions), a last column `version` names each row's code (manifest.json's
 * `codeVersions` lists them with their commits); otherwise the columns are TRIALS_COLUMNS.
 */
export function trialsCsv(records: readonly TrialRecord[]): string {
  const mixed = new Set(records.map((record) => versionLabel(record.codeVersion))).size > 1;
  return toCsv(mixed ? [...TRIALS_COLUMNS, 'version'] : TRIALS_COLUMNS, records.map(trialRow));
}

function numberParam(trial: Trial, name: string): number | undefined {
  const value = trial.params[name];
  return typeof value === 'number' ? value : undefined;
}
