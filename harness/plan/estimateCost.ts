import { statSync } from 'node:fs';
import { join } from 'node:path';
import { cellOf, type Trial } from './trial.js';

/**
 * Rough CPU seconds of a trial for n experiments, fitted to a paper.json run of this
 * implementation: sampling one individual ≈ 1.3e-6·n² s, one GA individual-generation
 * ≈ 2e-6·n^1.5 s, one LS/SA iteration ≈ 4.5e-6·n s. Used only to run long trials first (fewer
 * idle cores at the end), for the ETA and for --dry-run; never for results.
 */
export function estimateCostSeconds(trial: Trial): number {
  const n = trial.experiments;
  if (trial.budget && trial.budget.ownSteps === false) {
    // an equal-budget trial: ~3e-6·n s per evaluation (a GA child at n = 30 ≈ 90 µs), capped by its wall time
    const byEvaluations = trial.budget.evaluations !== undefined ? 3e-6 * n * trial.budget.evaluations : Number.POSITIVE_INFINITY;
    const byTime = trial.budget.milliseconds !== undefined ? trial.budget.milliseconds / 1000 : Number.POSITIVE_INFINITY;
    return Math.min(byEvaluations, byTime);
  }
  const { populationSize, generations, iterations } = trial.params as { populationSize?: number; generations?: number; iterations?: number };
  let seconds = 1.3e-6 * n * n * trial.initialPopulationSize;
  if (typeof generations === 'number' && typeof populationSize === 'number') seconds += 2e-6 * n ** 1.5 * populationSize * generations;
  if (typeof iterations === 'number') seconds += 4.5e-6 * n * iterations;
  return seconds;
}

/** Execution order: longest first (so the last trials to finish are short ones), plan order on ties. */
export function longestFirst(trials: readonly Trial[]): Trial[] {
  return [...trials].sort((a, b) => estimateCostSeconds(b) - estimateCostSeconds(a) || a.index - b.index);
}

/**
 * Bytes a run's new trials add to a results folder, generously: a best schedule takes up to
 * ≈ 16 KB per experiment and a trial's journal line, traces and trials.csv rows up to ≈ 30 KB
 * (measured on configs/quick.json and paper.json), plus room for the temporary copies of the
 * existing traces.csv and trials.csv while they are rewritten. `keepAll` false (`--keep-best cell`):
 * one schedule per cell, plus one being replaced per worker.
 */
export function estimateOutputBytes(trials: readonly Trial[], folder: string, options: { keepAll: boolean; workers: number } = { keepAll: true, workers: 1 }): number {
  const schedule = (trial: Trial) => 16_384 * trial.experiments;
  const cells = new Map(trials.map((trial) => [cellOf(trial.id), schedule(trial)]));
  const largest = Math.max(0, ...cells.values());
  const schedules = options.keepAll ? trials.reduce((sum, trial) => sum + schedule(trial), 0) : [...cells.values()].reduce((sum, bytes) => sum + bytes, 0) + options.workers * largest;
  const perTrial = schedules + trials.length * 30_720;
  const rewritten = ['traces.csv', 'trials.csv'].reduce((sum, file) => {
    try {
      return sum + statSync(join(folder, file)).size;
    } catch {
      return sum;
    }
  }, 0);
  return perTrial + rewritten + (1 << 20);
}
