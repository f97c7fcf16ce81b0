import { describe, expect, it } from 'vitest';
import { listViolations } from '../../algorithms/problem/violations.js';
import { formatScheduleFile, parseScheduleFile, type TimeFrame } from '../../algorithms/problem/scheduleFormat.js';
import { createProfile } from '../../algorithms/problem/trafficProfile.js';
import { planOfScheduleFile, reschedulingRecord } from '../../algorithms/rescheduling/scheduledPlan.js';

// 12 hours; group1 sends 1000 + 10·h requests in hour h, group2 500 (hours differ, so a shift shows)
const requests = new Int32Array(24);
for (let h = 0; h < 12; h++) requests.set([1000 + 10 * h, 500], h * 2);
const profile = createProfile(['group1', 'group2'], requests);

const canary = { baseType: 'Experiment', id: 1, type: 'REGRESSION', targetService: 's', minDuration: 2, requiredTotalTraffic: 196, priority: 1 };
const abTest = { baseType: 'Experiment', id: 2, type: 'BUSINESS', targetService: 's', minDuration: 2, requiredTotalTraffic: 200, priority: 2 };

/** A plan re-made at hour 4: the A/B test runs on (hours 4–5, 20 % of group2), the canary starts at hour 6 (10 % of group1). */
function planFile(timeFrame: TimeFrame, changes: { abStart?: number; canaryTotal?: number; abGroup?: string } = {}) {
  const shift = timeFrame === 'original' ? 4 : 0;
  const hours = (start: number, fraction: Record<string, number>) => ({
    startSlot: start + shift, assignments: [0, 1].map((k) => ({ hour: start + shift + k, trafficAssignment: fraction })),
  });
  return JSON.stringify({
    id: 'plan',
    rescheduling: { atHour: 4, timeFrame, running: [{ id: 2, keepGroups: ['group2'] }] },
    scheduledExperiments: [
      [{ ...canary, requiredTotalTraffic: changes.canaryTotal ?? 196 }, hours(2, { group1: 0.1 })],
      [abTest, hours(changes.abStart ?? 0, { [changes.abGroup ?? 'group2']: 0.2 })],
    ],
  });
}

describe('a re-scheduled plan read in its time frame', () => {
  it('scores are those of the re-scheduling problem, in either frame (hand-computed)', () => {
    for (const timeFrame of ['original', 'shifted'] as const) {
      const plan = planOfScheduleFile(profile, parseScheduleFile(planFile(timeFrame), 'plan.json'), 'plan.json');
      expect(plan.restartHour).toBe(4);
      expect(plan.fileHourShift).toBe(timeFrame === 'original' ? 4 : 0);
      const { individual } = plan;
      // the profile from hour 4 on: plan hour 0 = profile hour 4 (1040 requests in group1)
      expect(individual.problem.profile.hours).toBe(8);
      expect(individual.problem.profile.requests[0]).toBe(1040);
      expect(individual.valid).toBe(true);
      // D = (1·2/2 + 2·2/2)/3 = 1; S = (1/(1+2) + 2/(1+0))/3 = 7/9; no preferences: U = 1
      expect(individual.durationScore).toBe(1);
      expect(individual.startScore).toBeCloseTo(7 / 9, 15);
      expect(individual.userGroupScore).toBe(1);
    }
  });

  it('violations name hours of the file; the running and keep-groups rules of the re-scheduling problem apply', () => {
    const read = (changes: Parameters<typeof planFile>[1]) => {
      const plan = planOfScheduleFile(profile, parseScheduleFile(planFile('original', changes), 'plan.json'), 'plan.json');
      return listViolations(plan.individual, 100, plan.fileHourShift).map((violation) => `[${violation.rule}] ${violation.message}`);
    };
    // 220 over 2 hours = 110 an hour; 10 % of group1 in hours 6 and 7 gives 106 and 107
    expect(read({ canaryTotal: 220 })).toEqual([
      '[enoughTraffic] experiment 1, hour 6: gets 106 requests, needs 110',
      '[enoughTraffic] experiment 1, hour 7: gets 107 requests, needs 110',
    ]);
    expect(read({ abStart: 1 })).toEqual(['[runningPinned] experiment 2: is running and must start at hour 4, starts at 5']);
    // 20 % of group1 (208, 210) is enough, but a running A/B test must keep its users
    expect(read({ abGroup: 'group1' })).toEqual([
      '[runningKeepsGroups] experiment 2, hour 4: running business experiment must keep group2, uses group1',
      '[runningKeepsGroups] experiment 2, hour 5: running business experiment must keep group2, uses group1',
    ]);
  });

  it('writing it back gives the same file: hours shifted by the re-scheduling hour in the original frame', () => {
    for (const timeFrame of ['original', 'shifted'] as const) {
      const { individual } = planOfScheduleFile(profile, parseScheduleFile(planFile(timeFrame), 'plan.json'), 'plan.json');
      const written = formatScheduleFile(individual, 'plan', 0, {
        rescheduling: reschedulingRecord(individual, 4, timeFrame), hourShift: timeFrame === 'original' ? 4 : 0,
      });
      const expected = JSON.parse(planFile(timeFrame));
      expect(JSON.parse(written)).toEqual({
        ...expected,
        scheduledExperiments: expected.scheduledExperiments.map(([experiment, schedule]: [object, object]) => [{ ...experiment, preferredUserGroup: undefined }, schedule]),
      });
    }
  });

  it('what remains of an experiment may need no more hours (minDuration 0) only in a re-scheduled plan', () => {
    const remainder = JSON.parse(planFile('original'));
    remainder.scheduledExperiments[0][0].minDuration = 0;
    expect(parseScheduleFile(JSON.stringify(remainder), 'plan.json').entries[0].experiment.minDuration).toBe(0);
    delete remainder.rescheduling;
    expect(() => parseScheduleFile(JSON.stringify(remainder), 'plain.json')).toThrow(/^plain\.json: scheduledExperiments\[0\]\[0\]\.minDuration \(experiment 1\): Too small/);
  });

  it('refuses a profile shorter than the re-scheduling hour and hours before it', () => {
    const short = createProfile(['group1', 'group2'], requests.slice(0, 8));
    expect(() => planOfScheduleFile(short, parseScheduleFile(planFile('shifted'), 'plan.json'), 'plan.json'))
      .toThrow('plan.json: rescheduling.atHour: the plan was re-scheduled at hour 4, but the profile has only 4 hours (0–3): not the profile it was made on');
    const early = JSON.parse(planFile('original'));
    early.scheduledExperiments[0][1] = { startSlot: 3, assignments: [{ hour: 3, trafficAssignment: { group1: 0.2 } }] };
    expect(() => planOfScheduleFile(profile, parseScheduleFile(JSON.stringify(early), 'plan.json'), 'plan.json'))
      .toThrow('plan.json: scheduledExperiments[0] (experiment 1): starts at hour 3, before the re-scheduling hour 4 (the file is in the original time frame: hours of the profile)');
  });
});
