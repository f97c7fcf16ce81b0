import { kindOfName, type StudyKind } from '../config/studyKinds.js';
import type { RowOf } from './csvSchema.js';
import { readTypedCsv } from './csvTable.js';

/** `trials.csv` of a results folder: one row per run (the harness contract). */
export const trialsSchema = {
  trial_id: 'text',
  study: 'text',
  algorithm: 'text',
  experiments: 'number',
  ress: 'text',
  repetition: 'number',
  seed: 'text',
  population: 'optionalNumber',
  generations: 'optionalNumber',
  iterations: 'optionalNumber',
  fitness: 'optionalNumber',
  duration_score: 'optionalNumber',
  user_group_score: 'optionalNumber',
  start_score: 'optionalNumber',
  valid: 'boolean',
  runtime_ms: 'optionalNumber',
  evaluations: 'optionalNumber',
  crossovers: 'optionalNumber',
  mutations: 'optionalNumber',
  invalid_candidates: 'optionalNumber',
  error: 'text',
  /** re-evaluation trials: sound, as-published or paper-means-hypothesis (older trials.csv: absent, i.e. sound) */
  rescheduling_population: 'optionalText',
  /**
   * the study's kind (harness/config/studyKinds.ts); trials.csv files written before the column
   * existed lack it, and their study's name, which was then a kind, stands in (readTrials)
   */
  kind: 'optionalText',
} as const;

export type Trial = RowOf<typeof trialsSchema>;

/** trials.csv's rows; a row without a kind gets its study's name when that is a kind ('' otherwise: selected by no kind). */
export const readTrials = (path: string): Trial[] =>
  readTypedCsv(path, trialsSchema).map((trial) => (trial.kind !== '' ? trial : { ...trial, kind: kindOfName(trial.study) ?? '' }));

/** The names of the studies of one kind, in plan order (trials.csv's order). */
export function studiesOfKind(trials: readonly Trial[], kind: StudyKind): string[] {
  return [...new Set(trials.filter((trial) => trial.kind === kind).map((trial) => trial.study))];
}

/**
 * The study of a kind that single-study parts of the report show (the paper comparison, the claims,
 * the convergence and schedule figures): the one named after the kind if the run has it, else the
 * first of the kind in plan order. Parts that cover every study of a kind (tables, the per-study
 * figures) do not use it.
 */
export function mainStudyOf(trials: readonly Trial[], kind: StudyKind): string | undefined {
  const studies = studiesOfKind(trials, kind);
  return studies.includes(kind) ? kind : studies[0];
}

/** The trials of one study of a kind: `study`, or by default the kind's main study (mainStudyOf). */
export function trialsOf(trials: readonly Trial[], kind: StudyKind, study: string | undefined = mainStudyOf(trials, kind)): Trial[] {
  return study === undefined ? [] : trials.filter((trial) => trial.kind === kind && trial.study === study);
}

/** "Scaling study", or for a study not named after its kind "Scaling study scaling-low-budget" (captions). */
export const studyPhrase = (kindText: string, kind: StudyKind, study: string | undefined): string =>
  study === undefined || study === kind ? `${kindText} study` : `${kindText} study ${study}`;

/** A trial that finished with a valid schedule: the only ones whose fitness a figure averages. */
export const succeeded = (trial: Trial): trial is Trial & { fitness: number } =>
  trial.valid && trial.error === '' && trial.fitness !== null;

/** GA calibration trials: genetic runs of a calibration study (`study`, default the main one) that record population and generations. */
export const gaCalibrationTrials = (trials: readonly Trial[], study?: string): Trial[] => trialsOf(trials, 'calibration', study ?? mainStudyOf(trials, 'calibration'))
  .filter((trial) => trial.algorithm === 'genetic' && trial.population !== null && trial.generations !== null);

/** Local-search calibration trials: non-GA runs of a calibration study (`study`, default the main one) that record an iteration count. */
export const lsCalibrationTrials = (trials: readonly Trial[], study?: string): Trial[] => trialsOf(trials, 'calibration', study ?? mainStudyOf(trials, 'calibration'))
  .filter((trial) => trial.algorithm !== 'genetic' && trial.iterations !== null);

/** The RESS levels in their natural order (spec §11: about 15 M, 30 M, 55 M data points). */
export const ressOrder = ['low', 'mid', 'high'];

export function sortRess(levels: Iterable<string>): string[] {
  const rank = (level: string) => (ressOrder.includes(level) ? ressOrder.indexOf(level) : ressOrder.length);
  return [...new Set(levels)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export const ressLabel = (level: string): string => ({ low: 'low RESS', mid: 'medium RESS', high: 'high RESS' })[level] ?? `${level} RESS`;
