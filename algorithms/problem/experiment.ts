/** One continuous experiment (canary release or A/B test) to be scheduled (spec §2). */
export type ExperimentType = 'REGRESSION' | 'BUSINESS';
/** `Experiment` needs constant traffic; `GradualExperiment` ramps its traffic up linearly. */
export type ExperimentBaseType = 'Experiment' | 'GradualExperiment';

export interface Experiment {
  readonly id: number;
  readonly type: ExperimentType;
  readonly baseType: ExperimentBaseType;
  readonly targetService: string;
  /** hours */
  readonly minDuration: number;
  /** requests (data points) over the whole experiment */
  readonly requiredTotalTraffic: number;
  readonly priority: number;
  /** empty when the experiment has no preference */
  readonly preferredUserGroup: readonly string[];
  /** requests in the first hour; gradual experiments only. Held as a 32-bit float, as in the original tool. */
  readonly startTraffic?: number;
  /** Already running at a re-scheduling point (spec §10): starts at hour 0 and cannot move. */
  readonly running?: boolean;
}

export const isBusiness = (experiment: Experiment): boolean => experiment.type === 'BUSINESS';
export const isGradual = (experiment: Experiment): boolean => experiment.baseType === 'GradualExperiment';

/**
 * Minimum requests the experiment needs at `offset` (0-based hour inside it) when it runs
 * for `duration` hours (spec §2). The arithmetic follows the original tool's Java types
 * exactly (32-bit float where it used `float`, half-up rounding), because validity at the
 * boundary depends on it.
 */
export function minTrafficAt(experiment: Experiment, offset: number, duration: number): number {
  if (experiment.baseType === 'GradualExperiment') return gradualMinTrafficAt(experiment, offset, duration);
  return offset >= 0 && offset < duration ? constantMinTraffic(experiment.requiredTotalTraffic, duration) : 0;
}

/** Java: `Math.round(total / (float) duration)` */
export function constantMinTraffic(requiredTotalTraffic: number, duration: number): number {
  return Math.round(Math.fround(Math.fround(requiredTotalTraffic) / duration));
}

/**
 * Java: `Math.round(2 * (total - startTraffic * duration) * hour / Math.pow(duration, 2) + startTraffic)`
 * with `startTraffic` a float: the bracket and the products are float, the division double.
 * Defined for 0 ≤ offset ≤ duration (the upper bound is inclusive in the original).
 */
export function gradualMinTrafficAt(experiment: Experiment, offset: number, duration: number): number {
  if (offset < 0 || offset > duration) return 0;
  return rampAt(gradualRampNumerator(experiment, duration), experiment.startTraffic ?? 0, offset, duration * duration);
}

/** The float `2 · (total − start · duration)` of the ramp, constant over one schedule (hoisted out of hour loops). */
export function gradualRampNumerator(experiment: Experiment, duration: number): number {
  const start = experiment.startTraffic ?? 0;
  return Math.fround(2 * Math.fround(Math.fround(experiment.requiredTotalTraffic) - Math.fround(start * duration)));
}

/**
 * The ramp's value at `offset` (0 ≤ offset ≤ duration) given its numerator and duration²
 * (both constant over one schedule, so hour loops compute them once).
 */
export function rampAt(numerator: number, startTraffic: number, offset: number, durationSquared: number): number {
  return Math.round(Math.fround(numerator * offset) / durationSquared + startTraffic);
}
