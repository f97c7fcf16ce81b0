import { consumedRequests } from '../../algorithms/problem/fractions.js';
import type { Individual } from '../../algorithms/problem/individual.js';

/** One experiment's traffic over its planned hours as a rollout controller sees it: a weight per hour. */
export interface ExperimentWeights {
  readonly id: number;
  readonly type: 'REGRESSION' | 'BUSINESS';
  readonly service: string;
  /** hours of the plan (the profile's hours the plan is written in) */
  readonly start: number;
  readonly duration: number;
  /** per planned hour: requests the plan gives the experiment */
  readonly requests: readonly number[];
  /** per planned hour: requests all groups send (the service's traffic) */
  readonly traffic: readonly number[];
  /** per planned hour: the weight, whole units of `scale` (100: percent), rounded up so the experiment gets at least its planned requests */
  readonly weights: readonly number[];
  /** the groups the plan uses, per hour (a weight routes a share of all users; groups need header/cookie routes) */
  readonly groups: readonly (readonly string[])[];
}

/**
 * The per-hour traffic share of each experiment of a plan: the requests its fractions take from its
 * groups over the requests all groups send that hour, as a weight in whole 1/`scale` (100: Argo
 * Rollouts' and nginx's percent; 1000 with a `maxTrafficWeight` / `canary-weight-total` of 1000),
 * rounded up: weight/scale · traffic ≥ requests, and (weight − 1)/scale · traffic < requests.
 * `hourShift` is added to the plan's hours (a re-scheduled plan in the profile's hours).
 */
export function experimentWeights(plan: Individual, scale = 100, hourShift = 0): ExperimentWeights[] {
  const { problem } = plan;
  const { requests: profile, groups } = problem.profile;
  const width = groups.length;
  return problem.experiments.flatMap((experiment, e) => {
    if (!plan.placed[e]) return [];
    const schedule = plan.schedules[e];
    const requests: number[] = [];
    const traffic: number[] = [];
    const weights: number[] = [];
    const used: string[][] = [];
    for (let offset = 0; offset < schedule.duration; offset++) {
      const hour = schedule.start + offset;
      let taken = 0;
      let all = 0;
      const present: string[] = [];
      for (let g = 0; g < width; g++) {
        const available = profile[hour * width + g];
        all += available;
        if ((schedule.groupMask[offset] >>> g) & 1) {
          taken += consumedRequests(available, schedule.fractionPermille(offset, g));
          present.push(groups[g]);
        }
      }
      requests.push(taken);
      traffic.push(all);
      weights.push(weightFor(taken, all, scale));
      used.push(present);
    }
    return [{ id: experiment.id, type: experiment.type, service: experiment.targetService, start: schedule.start + hourShift, duration: schedule.duration, requests, traffic, weights, groups: used }];
  });
}

/** The least whole weight w with w/scale · traffic ≥ requests (exact integer arithmetic). */
export function weightFor(requests: number, traffic: number, scale: number): number {
  if (requests <= 0) return 0;
  if (traffic <= 0) return scale;
  const weight = Math.ceil((requests * scale) / traffic);
  // guard the floating division at exact multiples
  const fixed = (weight - 1) * traffic >= requests * scale ? weight - 1 : weight * traffic < requests * scale ? weight + 1 : weight;
  return Math.min(scale, fixed);
}
