import type { Experiment } from '../../../algorithms/problem/experiment.js';
import { createProblem, type Problem } from '../../../algorithms/problem/problem.js';
import { createProfile, type TrafficProfile } from '../../../algorithms/problem/trafficProfile.js';

/**
 * A small, fully hand-made problem that depends on no dataset: five groups with a daily cycle
 * over 40 days and six experiments shaped like the paper's baseline (ramps, constant ones,
 * business tests, preferences, a second service). Golden snapshots run on it, so they change
 * only when the algorithms do.
 */
export const SYNTHETIC_GROUP_BASE = [4000, 1000, 2000, 1500, 1500];

export function syntheticProfile(days = 40): TrafficProfile {
  const width = SYNTHETIC_GROUP_BASE.length;
  const requests = new Int32Array(days * 24 * width);
  for (let hour = 0; hour < days * 24; hour++) {
    const daily = 1 + 0.3 * Math.sin((2 * Math.PI * (hour % 24)) / 24);
    SYNTHETIC_GROUP_BASE.forEach((base, g) => {
      requests[hour * width + g] = Math.round(base * daily);
    });
  }
  return createProfile(['group1', 'group2', 'group3', 'group4', 'group5'], requests);
}

export function syntheticExperiments(): Experiment[] {
  const base = { targetService: 'service1', preferredUserGroup: [] as string[] };
  return [
    { ...base, id: 1, type: 'REGRESSION', baseType: 'GradualExperiment', minDuration: 48, requiredTotalTraffic: 200_000, startTraffic: 1000, priority: 6, preferredUserGroup: ['group3'] },
    { ...base, id: 2, type: 'REGRESSION', baseType: 'Experiment', minDuration: 72, requiredTotalTraffic: 100_000, priority: 2, preferredUserGroup: ['group1', 'group4'] },
    { ...base, id: 3, type: 'BUSINESS', baseType: 'Experiment', minDuration: 24, requiredTotalTraffic: 50_000, priority: 3 },
    { ...base, id: 4, type: 'REGRESSION', baseType: 'GradualExperiment', minDuration: 36, requiredTotalTraffic: 100_000, startTraffic: 500, priority: 8, preferredUserGroup: ['group3', 'group5'] },
    { ...base, id: 5, type: 'BUSINESS', baseType: 'Experiment', minDuration: 24, requiredTotalTraffic: 20_000, priority: 1, preferredUserGroup: ['group3', 'group5'] },
    { ...base, id: 6, type: 'REGRESSION', baseType: 'Experiment', minDuration: 12, requiredTotalTraffic: 10_000, priority: 7, preferredUserGroup: ['group1'], targetService: 'service2' },
  ];
}

export function syntheticProblem(): Problem {
  return createProblem(syntheticProfile(), syntheticExperiments(), { source: 'synthetic' });
}

/**
 * The same set as if re-scheduled (spec §10): experiment 1 (regression) and 3 (business,
 * keeping group2) are running, so they start at 0 and cannot move.
 */
export function syntheticReschedulingProblem(): Problem {
  const experiments = syntheticExperiments().map((experiment) =>
    experiment.id === 1 || experiment.id === 3 ? { ...experiment, running: true } : experiment);
  return createProblem(syntheticProfile(), experiments, { source: 'synthetic re-scheduling', fixedGroups: new Map([[3, ['group1']]]) });
}
