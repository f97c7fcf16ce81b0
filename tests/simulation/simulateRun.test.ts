import { describe, expect, it } from 'vitest';
import { minTrafficAt } from '../../algorithms/problem/experiment.js';
import { consumedRequests } from '../../algorithms/problem/fractions.js';
import { createProblem } from '../../algorithms/problem/problem.js';
import { createProfile } from '../../algorithms/problem/trafficProfile.js';
import { getAlgorithm } from '../../algorithms/registry.js';
import { Rng } from '../../algorithms/random/rng.js';
import { truthForecaster } from '../../algorithms/simulation/forecast.js';
import { builtinDataSource } from '../../datasets/builtinDataSource.js';
import { runOutcome } from '../../harness/simulation/runOutcome.js';
import { simulateRun, type ArrivingExperiment, type SimulationSetup } from '../../harness/simulation/simulateRun.js';
import { CANARY, constantExperiment, constantForecaster, greedyPlanner, oneGroupWorld } from './support.js';

const initial = (experiments: ReturnType<typeof constantExperiment>[]): ArrivingExperiment[] =>
  experiments.map((experiment) => ({ experiment, arrival: 0, lineage: `i${experiment.id}`, origin: 'initial' }));

function oneCanary(overrides: Partial<SimulationSetup> = {}): SimulationSetup {
  const world = oneGroupWorld(200, () => 100_000);
  return {
    world,
    forecaster: truthForecaster(world),
    // 10 000 requests an hour for 10 hours: the greedy gives it 100 ‰ of g1 from hour 0, exactly 10 000 an hour
    experiments: initial([constantExperiment()]),
    maxHours: 100,
    planningHorizonHours: 50,
    canary: CANARY,
    shortfall: 'extend',
    planner: greedyPlanner(),
    worldSeed: 1,
    plannerSeed: 2,
    ...overrides,
  };
}

describe('a failing canary', () => {
  it('is rolled back after its detection: hazard 1 fails in hour 0, one failing judgement rolls it back at hour 1', () => {
    const result = simulateRun(oneCanary({ canary: { ...CANARY, failureHazard: 1, analysis: { ...CANARY.analysis, degradation: 1, consecutiveFailures: 1 } } }));
    const [record] = result.experiments;
    expect(record).toMatchObject({ status: 'rolled-back', start: 0, failedAt: 0, rolledBackAt: 1, end: 1, hoursRun: 1, consumed: 10_000, exposed: 10_000 });
    const outcome = runOutcome(result);
    expect(outcome).toMatchObject({ rolledBack: 1, failures: 1, falseRollbacks: 0, completed: 0, meanDetectionHours: 1, weightedTimeToDecision: 1, exposedRequests: 10_000, capacityOverruns: 0 });
    // one hour of one group's 100 000 requests simulated before everything was decided
    expect(result.hours).toBe(1);
    expect(outcome.blastRadius).toBe(10_000 / 100_000);
  });

  it('needs `consecutiveFailures` failing judgements in a row: three hours of exposure with 3', () => {
    const result = simulateRun(oneCanary({ canary: { ...CANARY, failureHazard: 1, analysis: { ...CANARY.analysis, degradation: 1, consecutiveFailures: 3 } } }));
    expect(result.experiments[0]).toMatchObject({ status: 'rolled-back', rolledBackAt: 3, exposed: 30_000, consumed: 30_000 });
  });

  it('comes back as a fixed version after the fix delay, with a new id, and the fix runs to completion when healthy', () => {
    // hazard 1 fails every canary, the fix too; maxFixes 1 stops the chain after one fix
    const result = simulateRun(oneCanary({ canary: { ...CANARY, failureHazard: 1, requeueProbability: 1, fixDelayHours: 5, maxFixes: 1, analysis: { ...CANARY.analysis, degradation: 1, consecutiveFailures: 1 } } }));
    expect(result.experiments.map((record) => [record.id, record.origin, record.fixOf, record.arrival, record.start, record.status, record.end]))
      .toEqual([[1, 'initial', undefined, 0, 0, 'rolled-back', 1], [2, 'fix', 1, 6, 6, 'rolled-back', 7]]);
  });

  it('a healthy canary runs its plan: hazard 0, no rollback, complete at its planned end', () => {
    for (const worldSeed of [1, 2, 3, 4, 5]) {
      const [record] = simulateRun(oneCanary({ worldSeed })).experiments;
      expect(record).toMatchObject({ status: 'completed', start: 0, end: 10, consumed: 100_000, exposed: 0 });
    }
  });
});

describe('traffic below the forecast', () => {
  // forecast 1000 an hour; the truth sends 500 in hours 0–9, then 1000. The experiment needs 5000 in ≥ 10 hours:
  // the plan gives it 500 ‰ of g1 in hours 0–9 (500 an hour on the forecast), which really yields 250 an hour
  const world = oneGroupWorld(200, (hour) => (hour < 10 ? 500 : 1000));
  const setup = (shortfall: 'extend' | 'end', planner = greedyPlanner()): SimulationSetup => ({
    ...oneCanary(),
    world,
    forecaster: constantForecaster(1000),
    experiments: initial([constantExperiment({ type: 'BUSINESS', requiredTotalTraffic: 5000 })]),
    shortfall,
    planner,
  });

  it('extends the experiment: at hour 10 it has 2500 of 5000; it goes on for 3 hours at 833 an hour and completes at hour 13', () => {
    // re-scheduled at 10 (spec §10): running, 0 hours and 2500 requests to go; the greedy's shortest fitting duration is
    // 3 hours (round(2500 / 3) = 833 ≤ 1000 a hour), 833 ‰ of the now true 1000 = 833 an hour, 2499 in 3 hours;
    // its new plan promises 2500 + 3 · 833 = 4999 (the per-hour minima), so it is complete at the end of hour 12
    for (const planner of [greedyPlanner(null), greedyPlanner(24), greedyPlanner(24, true)]) {
      const result = simulateRun(setup('extend', planner));
      expect(result.experiments[0]).toMatchObject({ status: 'completed', start: 0, end: 13, hoursRun: 13, consumed: 4999, target: 4999, extensions: 1, shortfall: 0 });
      expect(result.events.filter((event) => event.event === 'shortfall').map((event) => event.hour)).toEqual([10]);
    }
  });

  it('re-places an extension beside the others, never over capacity', () => {
    // the greedy puts A (5000 in ≥ 10 h) at 500 ‰ for hours 0–9 and B (6000, priority 0) beside it for 12 hours at
    // 500 ‰ (its shortest duration that fits); both really get 250 an hour. At hour 10 A is 2500 short (extended) and
    // B's last 2 hours cannot carry its 3500 (1750 an hour): A's placeholder is taken out, B is re-placed for 4 hours
    // at 875 ‰ (3500 / 4), then A beside it on the 125 ‰ left: 2500 / 125 = 20 hours, complete at hour 30
    const result = simulateRun({
      ...setup('extend', greedyPlanner(null)),
      experiments: initial([constantExperiment({ type: 'BUSINESS', requiredTotalTraffic: 5000 }), constantExperiment({ id: 2, type: 'BUSINESS', requiredTotalTraffic: 6000, priority: 0 })]),
    });
    expect(result.capacityOverruns).toBe(0);
    expect(result.experiments.map(({ id, status, start, end, consumed, extensions }) => ({ id, status, start, end, consumed, extensions }))).toEqual([
      { id: 1, status: 'completed', start: 0, end: 30, consumed: 5000, extensions: 1 },
      { id: 2, status: 'completed', start: 0, end: 14, consumed: 6000, extensions: 0 },
    ]);
  });

  it('or ends it under-powered at its planned end, recording what it lacked', () => {
    const result = simulateRun(setup('end'));
    expect(result.experiments[0]).toMatchObject({ status: 'underpowered', end: 10, consumed: 2500, target: 5000, shortfall: 2500, reason: 'plan-ended' });
    expect(runOutcome(result)).toMatchObject({ underpowered: 1, shortfallRequests: 2500, shortfallShare: 0.5, completed: 0 });
  });
});

describe('the simulation against the static plan', () => {
  const source = builtinDataSource();
  const world = { profile: source.profile(), origin: 336 };
  const experiments = source.experimentSet(10, 'low', 5);
  const horizon = 720;
  // no defects, and a judgement that never fires (alpha 1e-300): nothing disturbs the plan
  const quiet = { ...CANARY, analysis: { ...CANARY.analysis, alpha: 1e-300 } };
  const base: SimulationSetup = {
    world, forecaster: truthForecaster(world), experiments: initial(experiments), maxHours: 800, planningHorizonHours: horizon,
    canary: quiet, shortfall: 'extend', planner: greedyPlanner(null), worldSeed: 1, plannerSeed: 1,
  };

  it('with a perfect forecast, no arrivals and no failures, reproduces the static greedy plan exactly', () => {
    const width = world.profile.groups.length;
    const profile = createProfile(world.profile.groups, world.profile.requests.slice(world.origin * width, (world.origin + horizon) * width));
    const greedy = getAlgorithm('greedy');
    const plan = greedy.run(createProblem(profile, experiments), greedy.paramsSchema.parse({}), { rng: Rng.fromSeed(1) }).best;
    // independently: each experiment starts where the plan puts it and ends the first hour it has its
    // minimum duration and the per-hour minima of its plan summed (at most its total), on the true traffic
    const expected = experiments.map((experiment, e) => {
      const { start, duration } = plan.schedules[e];
      let promised = 0;
      for (let offset = 0; offset < duration; offset++) promised += minTrafficAt(experiment, offset, duration);
      const target = Math.min(experiment.requiredTotalTraffic, promised);
      let consumed = 0;
      let end = -1;
      for (let offset = 0; offset < duration && end < 0; offset++) {
        for (let g = 0; g < width; g++) {
          if ((plan.schedules[e].groupMask[offset] >>> g) & 1) consumed += consumedRequests(profile.requests[(start + offset) * width + g], plan.schedules[e].fractionPermille(offset, g));
        }
        if (consumed >= target && offset + 1 >= experiment.minDuration) end = start + offset + 1;
      }
      return { id: experiment.id, status: 'completed', start, end, consumed };
    });
    for (const planner of [greedyPlanner(null), greedyPlanner(null, true)]) {
      const result = simulateRun({ ...base, planner });
      expect(result.experiments.map(({ id, status, start, end, consumed }) => ({ id, status, start, end, consumed }))).toEqual(expected);
      expect(result.replans).toBe(1);
      expect(result.capacityOverruns).toBe(0);
    }
  });

  it('with a failure hazard of 0 no canary is rolled back (default judgement); with hazard 1 every canary is, after its detection delay', () => {
    for (const worldSeed of [1, 2, 3]) {
      const healthy = simulateRun({ ...base, canary: CANARY, worldSeed });
      expect(healthy.experiments.filter((record) => record.status === 'rolled-back')).toEqual([]);
      expect(healthy.experiments.every((record) => record.status === 'completed')).toBe(true);
      const failing = simulateRun({ ...base, canary: { ...CANARY, failureHazard: 1 }, worldSeed });
      for (const record of failing.experiments) {
        if (record.type === 'REGRESSION') {
          expect(record.status).toBe('rolled-back');
          expect(record.failedAt).toBe(record.start);
          // at least consecutiveFailures judgements, each after one hour of data
          expect(record.rolledBackAt! - record.failedAt!).toBeGreaterThanOrEqual(CANARY.analysis.consecutiveFailures);
          expect(record.exposed).toBe(record.consumed);
        } else {
          expect(record.status).toBe('completed');
        }
      }
      expect(failing.capacityOverruns).toBe(0);
    }
  });

  it('re-plans every k hours with any registered algorithm, never over capacity, deterministically', () => {
    for (const name of ['greedy', 'random-sampling', 'genetic', 'local-search']) {
      const algorithm = getAlgorithm(name);
      const params = algorithm.paramsSchema.parse(name === 'genetic' ? { populationSize: 6, generations: 3 } : name === 'local-search' ? { iterations: 20 } : name === 'random-sampling' ? { populationSize: 4 } : {});
      const setup: SimulationSetup = {
        ...base, canary: { ...CANARY, failureHazard: 0.01, requeueProbability: 1 }, maxHours: 600,
        planner: { algorithm, params, label: name, replanEveryHours: 48, replanOnEvents: true, populationSize: 4 },
      };
      const first = simulateRun(setup);
      const second = simulateRun(setup);
      expect(first.capacityOverruns).toBe(0);
      expect(first.replans).toBeGreaterThan(5);
      expect({ ...first, plannerMs: 0 }).toEqual({ ...second, plannerMs: 0 });
    }
  });
});
