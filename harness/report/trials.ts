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
} as const;

export type Trial = RowOf<typeof trialsSchema>;

/**
 * The studies the harness runs (spec §11). The harness writes the calibration as one study,
 * `calibration`, with GA and LS trials; `calibration-ga` / `calibration-ls` are accepted too.
 */
export type Study = 'calibration' | 'calibration-ga' | 'calibration-ls' | 'max-fitness' | 'scaling' | 'reevaluation';

export const readTrials = (path: string): Trial[] => readTypedCsv(path, trialsSchema);

/** A trial that finished with a valid schedule: the only ones whose fitness a figure averages. */
export const succeeded = (trial: Trial): trial is Trial & { fitness: number } =>
  trial.valid && trial.error === '' && trial.fitness !== null;

export const trialsOf = (trials: readonly Trial[], study: Study): Trial[] => trials.filter((trial) => trial.study === study);

/** GA calibration trials: genetic runs of a calibration study that record population and generations. */
export const gaCalibrationTrials = (trials: readonly Trial[]): Trial[] => trials.filter((trial) =>
  (trial.study === 'calibration' || trial.study === 'calibration-ga') && trial.algorithm === 'genetic' && trial.population !== null && trial.generations !== null);

/** Local-search calibration trials: non-GA runs of a calibration study that record an iteration count. */
export const lsCalibrationTrials = (trials: readonly Trial[]): Trial[] => trials.filter((trial) =>
  (trial.study === 'calibration' || trial.study === 'calibration-ls') && trial.algorithm !== 'genetic' && trial.iterations !== null);

/** The RESS levels in their natural order (spec §11: about 15 M, 30 M, 55 M data points). */
export const ressOrder = ['low', 'mid', 'high'];

export function sortRess(levels: Iterable<string>): string[] {
  const rank = (level: string) => (ressOrder.includes(level) ? ressOrder.indexOf(level) : ressOrder.length);
  return [...new Set(levels)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export const ressLabel = (level: string): string => ({ low: 'low RESS', mid: 'medium RESS', high: 'high RESS' })[level] ?? `${level} RESS`;
