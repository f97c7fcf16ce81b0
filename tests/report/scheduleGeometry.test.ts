import { describe, expect, it } from 'vitest';
import type { ScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import { createProfile } from '../../algorithms/problem/trafficProfile.js';
import { consumptionByGroup, groupConsumptionPerHour, scheduleEndHour } from '../../harness/report/scheduleConsumption.js';
import { scheduleSegments } from '../../harness/report/scheduleSegments.js';
import { ganttLayout } from '../../harness/report/figures/scheduleGantt.js';
import { busiestGroup } from '../../harness/report/figures/trafficConsumption.js';

const experiment = (id: number, type: 'REGRESSION' | 'BUSINESS') => ({
  id, type, baseType: 'Experiment' as const, targetService: 's', minDuration: 1, requiredTotalTraffic: 10, priority: id, preferredUserGroup: [],
});

// hours 0–3 of two groups: g1 sends 1000, 1001, 1002, 1003; g2 sends 10 × that
const profile = createProfile(['g1', 'g2'], Int32Array.from([1000, 10000, 1001, 10010, 1002, 10020, 1003, 10030]));

const schedule: ScheduleFile = {
  id: 'test',
  entries: [
    { experiment: experiment(1, 'REGRESSION'), startSlot: 1, assignments: [
      { hour: 1, trafficAssignment: { g1: 0.5, g2: 0.001 } },
      { hour: 2, trafficAssignment: { g2: 0.001 } },
      { hour: 3, trafficAssignment: { g1: 0.5, g2: 0.001 } },
    ] },
    { experiment: experiment(2, 'BUSINESS'), startSlot: 0, assignments: [
      { hour: 0, trafficAssignment: { g1: 0.0015 } },
      { hour: 1, trafficAssignment: { g1: 0.0015 } },
    ] },
  ],
};

describe('schedule geometry for the figures', () => {
  it('sums round(requests × fraction) over experiments per hour (half up, spec §3)', () => {
    // hour 0: 1000 × 0.0015 = 1.5 → 2; hour 1: 1001 × 0.5 = 500.5 → 501, plus 1001 × 0.0015 = 1.5015 → 2
    expect(groupConsumptionPerHour(schedule, profile, 'g1', 5)).toEqual([2, 503, 0, 502, 0]);
    expect(groupConsumptionPerHour(schedule, profile, 'g2', 4)).toEqual([0, 10, 10, 10]);
    expect(scheduleEndHour(schedule)).toBe(4);
    expect(consumptionByGroup(schedule, profile)).toEqual([1007, 30]);
    expect(busiestGroup([schedule], profile)).toBe('g1');
    expect(() => groupConsumptionPerHour(schedule, profile, 'g9', 4)).toThrow('group g9 is not in the traffic profile');
  });

  it('splits schedules into per-group runs of consecutive hours', () => {
    expect(scheduleSegments(schedule).map((s) => [s.experiment, s.group, s.startHour, s.endHour])).toEqual([
      [1, 'g1', 1, 2], [1, 'g1', 3, 4], [1, 'g2', 1, 4], [2, 'g1', 0, 2],
    ]);
  });

  it('lays out one row per experiment by start and one lane per group', () => {
    const layout = ganttLayout(schedule);
    expect([...layout.rows.entries()]).toEqual([
      ['Business experiments (A/B tests)', ['E2 (p2)']],
      ['Regression experiments (canary releases)', ['E1 (p1)']],
    ]);
    const e1 = layout.bars.filter((bar) => bar.experiment === 'E1 (p1)');
    expect(e1.map((bar) => [bar.group, bar.top, bar.bottom])).toEqual([['g1', 0.1, 0.46], ['g1', 0.1, 0.46], ['g2', 0.5, 0.86]]);
  });
});
