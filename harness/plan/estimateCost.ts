import type { Trial } from './trial.js';

/**
 * Rough CPU seconds of a trial, from timings of this implementation (2024 laptop core, mid RESS):
 * sampling one individual ≈ 1e-4·n s, one GA generation-slot ≈ 2.5e-5·n s, one LS/SA iteration
 * ≈ 8e-6·n s for n experiments. Used only to run long trials first (fewer idle cores at the end)
 * and for the ETA and --dry-run; never for results.
 */
export function estimateCostSeconds(trial: Trial): number {
  const n = trial.experiments;
  const { populationSize, generations, iterations } = trial.params as { populationSize?: number; generations?: number; iterations?: number };
  let seconds = 1e-4 * n * trial.initialPopulationSize;
  if (typeof generations === 'number' && typeof populationSize === 'number') seconds += 2.5e-5 * n * populationSize * generations;
  if (typeof iterations === 'number') seconds += 8e-6 * n * iterations;
  return seconds;
}

/** Execution order: longest first (so the last trials to finish are short ones), plan order on ties. */
export function longestFirst(trials: readonly Trial[]): Trial[] {
  return [...trials].sort((a, b) => estimateCostSeconds(b) - estimateCostSeconds(a) || a.index - b.index);
}
