import { minTrafficAt } from '../../algorithms/problem/experiment.js';
import type { Individual } from '../../algorithms/problem/individual.js';
import type { Problem } from '../../algorithms/problem/problem.js';

/**
 * How hard an instance is, measured on the instance itself (not assumed from its family).
 * Capacity is per service × group × hour, so each service has the whole profile; the figures
 * are those of the most loaded service.
 */
export interface InstanceHardness {
  /**
   * Required requests ÷ requests available in the earliest window: Σ requiredTotalTraffic over
   * Σ of all groups' traffic in hours [0, W), W = the longest minimum duration. Above 1, the
   * experiments cannot all run at their minimum durations from hour 0 even with perfect packing.
   */
  readonly load: number;
  /**
   * The busiest hour if every experiment started at hour 0 with its minimum duration: max over
   * hours of Σ minimum traffic ÷ the hour's traffic over all groups. Above 1, no valid schedule
   * has every experiment at hour 0 at its minimum duration (so F < 1 is certain).
   */
  readonly peakLoad: number;
  /** whether the constructive greedy placed every experiment at hour 0 (absent without a greedy) */
  readonly greedyAllAtZero?: boolean;
  /** fitness of the greedy's schedule (absent without a greedy) */
  readonly greedyFitness?: number;
}

/**
 * Measures an instance's hardness. `greedy`, when given, builds a schedule deterministically
 * (the registered `greedy` algorithm; the harness passes it): its fitness and whether it starts
 * everything at hour 0 are part of the figure.
 */
export function measureHardness(problem: Problem, greedy?: (problem: Problem) => Individual): InstanceHardness {
  const { profile, experiments, serviceOf, services } = problem;
  const width = profile.groups.length;
  let load = 0;
  let peakLoad = 0;
  for (let service = 0; service < services.length; service++) {
    const members = experiments.filter((_, e) => serviceOf[e] === service);
    const window = Math.min(profile.hours, Math.max(1, ...members.map((experiment) => experiment.minDuration)));
    const hourTraffic = new Float64Array(window);
    let available = 0;
    for (let h = 0; h < window; h++) {
      for (let g = 0; g < width; g++) hourTraffic[h] += profile.requests[h * width + g];
      available += hourTraffic[h];
    }
    const required = members.reduce((sum, experiment) => sum + experiment.requiredTotalTraffic, 0);
    load = Math.max(load, available > 0 ? required / available : Number.POSITIVE_INFINITY);
    const need = new Float64Array(window);
    for (const experiment of members) {
      const duration = Math.max(1, experiment.minDuration);
      for (let offset = 0; offset < Math.min(duration, window); offset++) need[offset] += minTrafficAt(experiment, offset, duration);
    }
    for (let h = 0; h < window; h++) {
      const ratio = hourTraffic[h] > 0 ? need[h] / hourTraffic[h] : need[h] > 0 ? Number.POSITIVE_INFINITY : 0;
      peakLoad = Math.max(peakLoad, ratio);
    }
  }
  if (!greedy) return { load, peakLoad };
  const schedule = greedy(problem);
  return {
    load,
    peakLoad,
    greedyAllAtZero: schedule.schedules.every((experimentSchedule) => experimentSchedule.start === 0),
    greedyFitness: schedule.fitness,
  };
}
