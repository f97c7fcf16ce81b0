import type { Experiment } from '../algorithms/problem/experiment.js';
import type { Rng } from '../algorithms/random/rng.js';

/** Priorities of the added experiments are uniform in this range (spec §11). */
export const SCALED_PRIORITY_MIN = 1;
export const SCALED_PRIORITY_MAX = 10;

/** The set sizes of the scaling study: 10, 15, …, 70. */
export const SCALING_SIZES: readonly number[] = Array.from({ length: 13 }, (_, i) => 10 + 5 * i);

/**
 * The experiment set of `size` built as the replication package's ExperimentScaler does
 * (spec §11): the baseline sorted by id, then copies of the baseline taken cyclically, each
 * with the next free id and a priority drawn uniformly from 1–10; everything else is copied.
 * One priority is drawn per added experiment, in order, so for one seed the set of size N is
 * a prefix of every larger set (the original wrote all sizes from one run the same way).
 * A size below the baseline's gives the baseline's prefix.
 */
export function scaleExperiments(baseline: readonly Experiment[], size: number, rng: Rng): Experiment[] {
  const sorted = [...baseline].sort((a, b) => a.id - b.id);
  return extendExperiments(sorted, sorted, size, rng);
}

/**
 * Continues an existing scaled set up to `size`: position p (0-based) copies
 * baseline[p mod baseline length], exactly where the scaler would have continued.
 * New ids follow the largest id in use (11, 12, … for the paper's baseline 1–10).
 */
export function extendExperiments(existing: readonly Experiment[], baseline: readonly Experiment[], size: number, rng: Rng): Experiment[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`an experiment set needs a whole size ≥ 1, got ${size}`);
  if (baseline.length === 0) throw new Error('cannot scale an empty baseline');
  const experiments = existing.slice(0, size);
  let nextId = Math.max(...existing.map((experiment) => experiment.id), ...baseline.map((experiment) => experiment.id)) + 1;
  while (experiments.length < size) {
    const template = baseline[experiments.length % baseline.length];
    experiments.push({
      ...template,
      id: nextId++,
      priority: rng.between(SCALED_PRIORITY_MIN, SCALED_PRIORITY_MAX),
      preferredUserGroup: [...template.preferredUserGroup],
    });
  }
  return experiments;
}
