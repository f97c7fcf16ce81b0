import { statSync } from 'node:fs';
import { join } from 'node:path';
import { cellOf, type Trial } from './trial.js';

/**
 * Rough CPU seconds of a trial for n experiments, fitted (least squares on runtime_ms) to the
 * reference paper run results/reference/paper/trials.csv at 34418bc: sampling one individual
 * ≈ 5e-7·n² s, one GA individual-generation ≈ 4e-7·n^1.5 s, one LS/SA iteration ≈ 2e-6·n s.
 * Used only to run long trials first (fewer idle cores at the end), for the ETA and for
 * --dry-run; never for results (so it is not part of the code version).
 */
export function estimateCostSeconds(trial: Trial): number {
  const n = trial.experiments;
  if (trial.budget && trial.budget.ownSteps === false && trial.algorithm !== 'greedy') {
    // an equal-budget trial, fitted to results/reference/benchmark/trials.csv at 34418bc: an RS
    // evaluation samples a whole schedule (≈ 1.1e-6·n² s), a search's child or neighbour costs
    // ≈ 4.6e-6·n s; capped by its wall time. Greedy builds one schedule whatever the budget.
    const perEvaluation = trial.algorithm === 'random-sampling' ? 1.1e-6 * n * n : 4.6e-6 * n;
    const byEvaluations = trial.budget.evaluations !== undefined ? perEvaluation * trial.budget.evaluations : Number.POSITIVE_INFINITY;
    const byTime = trial.budget.milliseconds !== undefined ? trial.budget.milliseconds / 1000 : Number.POSITIVE_INFINITY;
    return Math.min(byEvaluations, byTime);
  }
  const { populationSize, generations, iterations } = trial.params as { populationSize?: number; generations?: number; iterations?: number };
  let seconds = 5e-7 * n * n * trial.initialPopulationSize;
  if (typeof generations === 'number' && typeof populationSize === 'number') seconds += 4e-7 * n ** 1.5 * populationSize * generations;
  if (typeof iterations === 'number') seconds += 2e-6 * n * iterations;
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
