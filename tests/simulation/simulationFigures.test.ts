import { describe, expect, it } from 'vitest';
import { outcomePoints } from '../../harness/simulation/figures/outcomeFigures.js';
import { runTimelineSpec, timelineRun } from '../../harness/simulation/figures/runTimeline.js';
import type { RunOutcome } from '../../harness/simulation/runOutcome.js';
import { parseSimulationConfig } from '../../harness/simulation/simulationConfig.js';
import { planSimulationRuns } from '../../harness/simulation/simulationPlan.js';
import type { FinishedRun } from '../../harness/simulation/simulationSummary.js';

const config = parseSimulationConfig(JSON.stringify({
  baseSeed: 1, repetitions: 2,
  scenario: { hours: 24, experiments: { set: 'low:3' }, planner: { algorithm: { name: 'greedy' } } },
  sweep: { replanEveryHours: [null, 12], algorithms: [{ name: 'greedy' }, { name: 'genetic' }] },
}), 'figures.json').config;
const runs = planSimulationRuns(config);

const outcome = (overrides: Partial<RunOutcome>): RunOutcome => ({
  hours: 100, experiments: 5, completed: 5, rolledBack: 0, falseRollbacks: 0, failures: 0, missedFailures: 0, underpowered: 0,
  shortfallRequests: 0, shortfallShare: 0, unfinished: 0, extensions: 0, fixes: 0, weightedTimeToDecision: 50, meanTimeToDecision: 50,
  meanDetectionHours: Number.NaN, exposedRequests: 0, blastRadius: 0, capacityOverruns: 0, replans: 1, repairs: 0, plannerEvaluations: 0, ...overrides,
});

describe('simulation figures', () => {
  it('outcome points: mean and mean ± sd over the repetitions of each scenario, per outcome', () => {
    // runs in plan order: plan-once/greedy r1 r2, plan-once/genetic r1 r2, replan12/greedy r1 r2, replan12/genetic r1 r2
    const times = [100, 110, 120, 120, 90, 100, 130, 150];
    const finished: FinishedRun[] = runs.map((run, i) => ({ run, outcome: outcome({ weightedTimeToDecision: times[i], underpowered: i % 2 }) }));
    const points = outcomePoints(finished);
    expect(points).toHaveLength(8);
    // 100 and 110: mean 105, sd √50 = 7.0711
    expect(points[0]).toEqual({ outcome: 'Priority-weighted time to decision (h)', forecast: 'truth', arrivals: 'no-arrivals', hazard: 0.002, replanning: 'plan-once', algorithm: 'greedy', n: 2, mean: 105, low: 97.929, high: 112.071 });
    // under-powered 0 and 1: mean 0.5, sd 0.7071
    expect(points[1]).toMatchObject({ outcome: 'Under-powered experiments per run', algorithm: 'greedy', mean: 0.5, low: -0.207, high: 1.207 });
    expect(points[2]).toMatchObject({ algorithm: 'GA', replanning: 'plan-once', mean: 120, low: 120, high: 120 });
    expect(points[6]).toMatchObject({ algorithm: 'GA', replanning: 'replan12', mean: 140, low: 125.858, high: 154.142 });
  });

  it('the timeline run is the first periodic re-planning run with a rollback and arrivals', () => {
    const finished: FinishedRun[] = runs.map((run, i) => ({ run, outcome: outcome({ rolledBack: i === 5 || i === 6 ? 1 : 0 }) }));
    expect(timelineRun(finished, () => true)?.run.id).toBe(runs[5].id);
    expect(timelineRun(finished, (id) => id === runs[6].id)?.run.id).toBe(runs[6].id);
    expect(timelineRun(finished.map((run) => ({ ...run, outcome: outcome({}) })), () => false)?.run.id).toBe(runs[4].id);
  });

  it('the timeline draws waiting and running bars, arrival / defect / rollback marks and one rule per plan', () => {
    const spec = runTimelineSpec({
      runId: 'x/r1',
      subtitle: 's',
      experiments: [
        { run_id: 'x/r1', id: 2, priority: 3, type: 'REGRESSION', origin: 'arrival', arrival: 2, start: 5, end: 9, status: 'rolled-back', failed_at: 7, rolled_back_at: 9 },
        { run_id: 'x/r1', id: 1, priority: 1, type: 'BUSINESS', origin: 'initial', arrival: 0, start: 0, end: 4, status: 'completed' },
        { run_id: 'x/r1', id: 3, priority: 2, type: 'REGRESSION', origin: 'fix', fix_of: 2, arrival: 10, end: 12, status: 'unfinished' },
      ],
      events: [
        { run_id: 'x/r1', hour: 0, event: 'replan' }, { run_id: 'x/r1', hour: 2, event: 'repair' },
        { run_id: 'x/r1', hour: 4, event: 'replan-kept' }, { run_id: 'x/r1', hour: 4, event: 'replan' }, { run_id: 'x/r1', hour: 5, event: 'start', id: 2 },
      ],
    }) as unknown as { layer: { data: { values: Record<string, unknown>[] }; encoding: { y?: { sort: string[] }; x: { scale: { domain: number[] } } } }[] };
    const [plans, bars, marks] = spec.layer.map((layer) => layer.data.values);
    expect(plans).toEqual([
      { hour: 0, plan: 're-plan' }, { hour: 2, plan: 'repair (plan kept, insertion)' }, { hour: 4, plan: 're-plan not taken (plan kept)' }, { hour: 4, plan: 're-plan' },
    ]);
    const e1 = 'E1 (p1, A/B)';
    const e2 = 'E2 (p3, canary)';
    const e3 = 'E3 (p2, canary, fix of E2)';
    expect(bars).toEqual([
      { experiment: e1, from: 0, to: 4, state: 'completed' },
      { experiment: e2, from: 2, to: 5, state: 'waiting' },
      { experiment: e2, from: 5, to: 9, state: 'rolled-back' },
      { experiment: e3, from: 10, to: 12, state: 'waiting' },
    ]);
    expect(marks).toEqual([
      { experiment: e1, hour: 0, mark: 'arrival' },
      { experiment: e2, hour: 2, mark: 'arrival' }, { experiment: e2, hour: 7, mark: 'defect shows' }, { experiment: e2, hour: 9, mark: 'rollback' },
      { experiment: e3, hour: 10, mark: 'arrival' },
    ]);
    // rows in order of arrival; the x axis spans the whole run
    expect(spec.layer[1].encoding.y!.sort).toEqual([e1, e2, e3]);
    expect(spec.layer[1].encoding.x.scale.domain).toEqual([0, 12]);
  });
});
