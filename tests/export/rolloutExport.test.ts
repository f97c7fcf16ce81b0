import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { consumedRequests } from '../../algorithms/problem/fractions.js';
import { individualOfScheduleFile, parseScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import { parseProfile } from '../../algorithms/problem/profileFormat.js';
import { argoRollout, canarySteps, nginxCanarySchedule } from '../../harness/export/argoRollout.js';
import { experimentWeights, weightFor } from '../../harness/export/trafficWeights.js';
import { validateRollout } from '../../harness/export/validateRollout.js';
import { runTsx } from '../support/runCommand.js';
import { REPO_ROOT } from '../support/referenceData.js';

const FENRIR = join(REPO_ROOT, '..', 'shared', 'data', 'fenrir');
const SAVED = join(FENRIR, 'restart', 'schedule_GA_mid_exp30_pop40_gen90_4.json');
const PROFILE = join(FENRIR, 'traffic_profiles', 'gitlab_12_months.csv');
const haveFenrir = existsSync(SAVED) && existsSync(PROFILE);
if (!haveFenrir) console.warn(`rolloutExport: ${FENRIR} not found — the paper-schedule export tests are skipped`);

const hoursOf = (duration: string): number => Number(/^(\d+)h$/.exec(duration)![1]);

describe('weights and steps', () => {
  it('a weight is the least whole share that carries the requests', () => {
    expect(weightFor(0, 1000, 100)).toBe(0);
    expect(weightFor(1, 1000, 100)).toBe(1);
    expect(weightFor(10, 1000, 100)).toBe(1);
    expect(weightFor(11, 1000, 100)).toBe(2);
    expect(weightFor(333, 1000, 1000)).toBe(333);
    expect(weightFor(1000, 1000, 100)).toBe(100);
    for (const [requests, traffic] of [[7, 3], [123_457, 1_387_534], [1, 3]]) {
      const weight = weightFor(requests, traffic, 100);
      expect(weight * traffic).toBeGreaterThanOrEqual(Math.min(requests, traffic) * 100);
      if (weight > 0 && requests < traffic) expect((weight - 1) * traffic).toBeLessThan(requests * 100);
    }
  });

  it('steps hold weight 0 until the start, then one setWeight + pause per run of equal weights', () => {
    const experiment = { id: 3, type: 'REGRESSION' as const, service: 'Checkout', start: 5, duration: 4, requests: [1, 1, 1, 1], traffic: [10, 10, 10, 10], weights: [10, 10, 20, 10], groups: [['a'], ['a'], ['a', 'b'], ['a']] };
    expect(canarySteps(experiment)).toEqual([
      { setWeight: 0 }, { pause: { duration: '5h' } },
      { setWeight: 10 }, { pause: { duration: '2h' } },
      { setWeight: 20 }, { pause: { duration: '1h' } },
      { setWeight: 10 }, { pause: { duration: '1h' } },
    ]);
    expect(nginxCanarySchedule(experiment, 100).map((window) => [window.fromHour, window.toHour, window.annotations['nginx.ingress.kubernetes.io/canary-weight']]))
      .toEqual([[5, 7, '10'], [7, 8, '20'], [8, 9, '10']]);
    const rollout = validateRollout(argoRollout(experiment, { scale: 1000, workload: () => 'checkout' }), 'experiment 3');
    expect(rollout).toMatchObject({ kind: 'Rollout', metadata: { name: 'checkout-experiment-3' }, spec: { strategy: { canary: { trafficRouting: { maxTrafficWeight: 1000 } } } } });
  });

  it('the schema check refuses a malformed Rollout', () => {
    const experiment = { id: 1, type: 'REGRESSION' as const, service: 's', start: 0, duration: 1, requests: [1], traffic: [3], weights: [0.5], groups: [['a']] };
    expect(() => validateRollout(argoRollout(experiment, { scale: 100, workload: () => 's' }), 'experiment 1')).toThrow(/^Argo Rollout: experiment 1: .*setWeight must be integer/);
  });
});

describe.skipIf(!haveFenrir)('the paper\'s saved schedule as Argo Rollouts', () => {
  it('every regression experiment becomes a valid Rollout whose timing and weights match the schedule\'s consumption', () => {
    const profile = parseProfile(readFileSync(PROFILE, 'utf8'), PROFILE);
    const plan = individualOfScheduleFile(profile, parseScheduleFile(readFileSync(SAVED, 'utf8'), SAVED), SAVED);
    const out = mkdtempSync(join(tmpdir(), 'schedlab-export-'));
    const result = runTsx('harness/cli/export.ts', ['--schedule', SAVED, '--data', 'fenrir', '--to', 'argo-rollouts', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { items } = JSON.parse(readFileSync(join(out, 'rollouts.json'), 'utf8')) as { items: { metadata: { annotations: Record<string, string> }; spec: { strategy: { canary: { steps: ({ setWeight: number } | { pause: { duration: string } })[] } } } }[] };
    const regression = plan.problem.experiments.map((experiment, e) => ({ experiment, e })).filter(({ experiment }) => experiment.type === 'REGRESSION');
    expect(items.map((item) => Number(item.metadata.annotations['schedlab/experiment']))).toEqual(regression.map(({ experiment }) => experiment.id));
    const width = profile.groups.length;
    items.forEach((item, i) => {
      validateRollout(item as unknown as Record<string, unknown>, `item ${i}`);
      const { e } = regression[i];
      const schedule = plan.schedules[e];
      const steps = item.spec.strategy.canary.steps;
      // timing: the pauses add up to the start plus the planned hours, and each hour's weight follows from the steps
      const hourly: number[] = [];
      for (let s = 0; s < steps.length; s += 2) {
        const weight = (steps[s] as { setWeight: number }).setWeight;
        for (let h = 0; h < hoursOf((steps[s + 1] as { pause: { duration: string } }).pause.duration); h++) hourly.push(weight);
      }
      expect(hourly.length).toBe(schedule.start + schedule.duration);
      expect(hourly.slice(0, schedule.start).every((weight) => weight === 0)).toBe(true);
      // weights: each hour's weight carries at least what the plan consumes, and one percent less would not
      for (let offset = 0; offset < schedule.duration; offset++) {
        const hour = schedule.start + offset;
        let consumed = 0;
        let traffic = 0;
        for (let g = 0; g < width; g++) {
          traffic += profile.requests[hour * width + g];
          if ((schedule.groupMask[offset] >>> g) & 1) consumed += consumedRequests(profile.requests[hour * width + g], schedule.fractionPermille(offset, g));
        }
        const weight = hourly[hour];
        expect(weight * traffic).toBeGreaterThanOrEqual(consumed * 100);
        expect((weight - 1) * traffic).toBeLessThan(consumed * 100);
      }
    });
    // weights.csv: the per-hour requests sum to each experiment's consumption in the plan
    const rows = parse(readFileSync(join(out, 'weights.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    for (const { experiment, e } of regression) {
      const fromCsv = rows.filter((row) => Number(row.experiment) === experiment.id).reduce((sum, row) => sum + Number(row.requests), 0);
      const [weights] = experimentWeights(plan).filter((item) => item.id === experiment.id);
      expect(fromCsv).toBe(weights.requests.reduce((a, b) => a + b, 0));
      expect(rows.filter((row) => Number(row.experiment) === experiment.id)).toHaveLength(plan.schedules[e].duration);
    }
  });
});
