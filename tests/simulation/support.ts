import type { Experiment } from '../../algorithms/problem/experiment.js';
import { createProfile } from '../../algorithms/problem/trafficProfile.js';
import { getAlgorithm } from '../../algorithms/registry.js';
import type { Forecaster } from '../../algorithms/simulation/forecast.js';
import type { WorldTraffic } from '../../algorithms/simulation/worldTraffic.js';
import type { CanarySettings, SimulationSetup } from '../../harness/simulation/simulateRun.js';

/** A one-group world whose hour h sends `requests(h)`, with `origin` rows of history before hour 0. */
export function oneGroupWorld(hours: number, requests: (hour: number) => number, origin = 0): WorldTraffic {
  const values = new Int32Array(origin + hours);
  for (let row = 0; row < values.length; row++) values[row] = requests(row - origin);
  return { profile: createProfile(['g1'], values), origin };
}

/** A forecast that says `requests` every hour. */
export function constantForecaster(requests: number, width = 1): Forecaster {
  return { describe: `${requests} an hour`, forecast: (_from, hours) => new Int32Array(hours * width).fill(requests) };
}

export function constantExperiment(overrides: Partial<Experiment> = {}): Experiment {
  return {
    id: 1, type: 'REGRESSION', baseType: 'Experiment', targetService: 'shop', minDuration: 10,
    requiredTotalTraffic: 100_000, priority: 1, preferredUserGroup: [], ...overrides,
  };
}

export const CANARY: CanarySettings = {
  failureHazard: 0,
  analysis: {
    latencyMs: 100, latencyCv: 1, degradation: 0.05, intervalsPerHour: 12, windowHours: 6, minimumHours: 1,
    alpha: 0.001, minimumEffect: 0.02, consecutiveFailures: 3,
  },
  requeueProbability: 0,
  fixDelayHours: 24,
  maxFixes: 1,
};

export function greedyPlanner(replanEveryHours: number | null = null, replanOnEvents = false): SimulationSetup['planner'] {
  const algorithm = getAlgorithm('greedy');
  return { algorithm, params: algorithm.paramsSchema.parse({}), label: 'greedy', replanEveryHours, replanOnEvents, populationSize: 10 };
}
