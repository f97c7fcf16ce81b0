import { loadedHighsSolver } from '../../algorithms/bounds/highsSolver.js';
import { upperBoundWith } from '../../algorithms/bounds/upperBound.js';
import type { Problem } from '../../algorithms/problem/problem.js';
import type { DataSource } from '../../datasets/dataSource.js';
import type { Trial } from '../plan/trial.js';

/** Upper bounds by instance: every trial of an instance in this worker thread reuses one computation. */
const bounds = new Map<string, number>();

/** What makes two trials' problems the same: data source, set size, RESS, set seed, re-scheduling scenario. */
export function instanceKey(trial: Trial, data: DataSource): string {
  return JSON.stringify([data.name, trial.experiments, trial.ress, trial.experimentSetSeed, trial.restart ?? null]);
}

/**
 * The certified upper bound on F of the trial's problem (algorithms/bounds), computed once per
 * instance and worker thread. Needs the HiGHS solver loaded in this thread (`await highsSolver()`).
 * Deterministic: the column generation stops by rounds, never by time.
 */
export function instanceUpperBound(trial: Trial, data: DataSource, problem: Problem): number {
  const key = instanceKey(trial, data);
  let bound = bounds.get(key);
  if (bound === undefined) {
    bound = upperBoundWith(problem, loadedHighsSolver()).bound;
    bounds.set(key, bound);
  }
  return bound;
}
