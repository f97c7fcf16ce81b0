/**
 * Which saved best schedules the schedule figures show: for each RESS level, the run of one
 * algorithm (the GA by default) in the scaling study with the highest fitness, at the one size
 * closest to 30 experiments that every level has (the paper's set-up figure shows one schedule per RESS level).
 */
import { mean } from 'simple-statistics';
import { sortRess, succeeded, trialsOf, type Trial } from '../trials.js';

/**
 * The algorithm whose schedules to draw: the one asked for, else the GA (the paper's figure), else
 * the algorithm of the scaling study with the highest mean fitness; undefined without scaling runs.
 */
export function scheduleAlgorithmOf(trials: readonly Trial[], asked?: string): string | undefined {
  if (asked !== undefined) return asked;
  const scaling = trialsOf(trials, 'scaling').filter(succeeded);
  if (scaling.some((trial) => trial.algorithm === 'genetic')) return 'genetic';
  const algorithms = [...new Set(scaling.map((trial) => trial.algorithm))];
  const score = (algorithm: string) => mean(scaling.filter((trial) => trial.algorithm === algorithm).map((trial) => trial.fitness));
  return algorithms.sort((a, b) => score(b) - score(a) || a.localeCompare(b))[0];
}

export interface BestScheduleChoice {
  readonly experiments: number;
  /** per RESS level, low → high */
  readonly trials: readonly Trial[];
}

export function chooseBestSchedules(trials: readonly Trial[], algorithm = 'genetic', preferredSize = 30): BestScheduleChoice | undefined {
  const candidates = trialsOf(trials, 'scaling').filter((trial) => trial.algorithm === algorithm && succeeded(trial));
  if (candidates.length === 0) return undefined;
  const levels = sortRess(candidates.map((trial) => trial.ress));
  const sizes = [...new Set(candidates.map((trial) => trial.experiments))].sort((a, b) => a - b);
  const coverage = (size: number) => new Set(candidates.filter((trial) => trial.experiments === size).map((trial) => trial.ress)).size;
  const fullest = Math.max(...sizes.map(coverage));
  // among the sizes with the most RESS levels, the one closest to the preferred size (smaller on ties)
  const experiments = sizes.filter((size) => coverage(size) === fullest)
    .reduce((best, size) => (Math.abs(size - preferredSize) < Math.abs(best - preferredSize) ? size : best));
  const chosen = levels.flatMap((ress) => {
    const runs = candidates.filter((trial) => trial.experiments === experiments && trial.ress === ress);
    if (runs.length === 0) return [];
    // highest fitness; the lowest repetition wins a tie, so the choice is stable
    return [runs.reduce((best, trial) => (trial.fitness! > best.fitness! || (trial.fitness === best.fitness && trial.repetition < best.repetition) ? trial : best))];
  });
  return { experiments, trials: chosen };
}
