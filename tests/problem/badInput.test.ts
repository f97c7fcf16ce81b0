import { describe, expect, it } from 'vitest';
import { parseExperiments } from '../../algorithms/problem/experimentFormat.js';
import { createProblem } from '../../algorithms/problem/problem.js';
import { parseProfile } from '../../algorithms/problem/profileFormat.js';
import { individualFromScheduleFile, parseScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import { experiment, flatProfile } from '../support/tinyProblem.js';

const VALID_EXPERIMENT = { baseType: 'Experiment', id: 1, type: 'REGRESSION', targetService: 's', minDuration: 4, requiredTotalTraffic: 400, priority: 1 };
const experimentsText = (changes: Record<string, unknown>, drop?: string) => {
  const item: Record<string, unknown> = { ...VALID_EXPERIMENT, ...changes };
  if (drop) delete item[drop];
  return JSON.stringify([VALID_EXPERIMENT, { ...item, id: 2 }]);
};

/** One line: file, place and problem. */
function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a failure');
}

describe('bad input gets one clear line naming file, row/field and problem', () => {
  it('malformed CSV', () => {
    expect(failure(() => parseProfile('hour,group1\n0,5\n1,5,7\n', 'p.csv'))).toMatch(/^p\.csv: malformed CSV: .*line 3/);
  });
  it('a header without "hour"', () => {
    expect(failure(() => parseProfile('time,group1\n0,5\n', 'p.csv'))).toBe('p.csv: line 1: header must start with "hour" followed by group names (or be "Time,Requests/s,Requests/hour"), got "time,group1"');
  });
  it('negative traffic', () => {
    expect(failure(() => parseProfile('hour,group1,group2\n0,5,6\n1,5,-3\n', 'p.csv'))).toBe('p.csv: line 3, field group2: negative traffic -3');
  });
  it('traffic above the per-group limit, in both formats', () => {
    expect(failure(() => parseProfile('hour,group1\n0,32000001\n', 'p.csv'))).toBe(
      'p.csv: line 2, field group1: traffic must be a whole number of requests, at most 32000000 per group and hour, got 32000001');
    expect(failure(() => parseProfile('Time,Requests/s,Requests/hour\nx,1,88000001\n', 't.csv'))).toBe(
      't.csv: line 2, field Requests/hour: at most 88000000 requests per hour (the largest group gets 36 %), got 88000001');
    // the largest raw hour allowed still splits within the per-group limit
    expect(parseProfile('Time,Requests/s,Requests/hour\nx,1,88000000\n', 't.csv').requests[0]).toBeLessThanOrEqual(32_000_000);
  });
  it('non-numeric traffic, in both formats', () => {
    expect(failure(() => parseProfile('hour,group1\n0,lots\n', 'p.csv'))).toBe('p.csv: line 2, field group1: "lots" is not a number');
    expect(failure(() => parseProfile('Time,Requests/s,Requests/hour\nx,1,abc\n', 't.csv'))).toBe('t.csv: line 2, field Requests/hour: "abc" is not a number');
  });
  it('hours with a gap', () => {
    expect(failure(() => parseProfile('hour,group1\n0,5\n2,5\n', 'p.csv'))).toContain('p.csv: line 3, field hour: expected hour 1, got "2"');
  });
  it('malformed JSON names line and column', () => {
    expect(failure(() => parseExperiments('[\n  {"id": 1,\n  }\n]', 'e.json'))).toMatch(/^e\.json: line 3, column \d+: malformed JSON: /);
  });
  it('an experiment with a missing field', () => {
    expect(failure(() => parseExperiments(experimentsText({}, 'targetService'), 'e.json'))).toBe('e.json: [1].targetService (experiment 2): Invalid input: expected string, received undefined');
  });
  it('an unknown type', () => {
    expect(failure(() => parseExperiments(experimentsText({ type: 'CANARY' }), 'e.json'))).toMatch(/^e\.json: \[1\]\.type \(experiment 2\): Invalid option: expected one of "REGRESSION"\|"BUSINESS"/);
  });
  it('minDuration ≤ 0', () => {
    expect(failure(() => parseExperiments(experimentsText({ minDuration: 0 }), 'e.json'))).toMatch(/^e\.json: \[1\]\.minDuration \(experiment 2\): Too small: expected number to be >0/);
  });
  it('a gradual experiment without startTraffic', () => {
    expect(failure(() => parseExperiments(experimentsText({ baseType: 'GradualExperiment' }), 'e.json'))).toBe('e.json: [1].startTraffic (experiment 2): a GradualExperiment needs startTraffic');
  });
  it('a preferred group that the profile lacks', () => {
    const problem = () => createProblem(flatProfile(4, [10, 10]), [experiment({ id: 7, preferredUserGroup: ['group9'] })], { source: 'e.json' });
    expect(failure(problem)).toBe('e.json: experiment 7, preferredUserGroup: group "group9" is not in the traffic profile (groups: group1, group2)');
  });
  it('all priorities 0 (spec §5: P = 0 would give 0/0)', () => {
    const problem = () => createProblem(flatProfile(4, [10]), [experiment({ id: 1, priority: 0 }), experiment({ id: 2, priority: 0 })], { source: 'e.json' });
    expect(failure(problem)).toMatch(/^e\.json: priority: all priorities are 0/);
  });
  it('a schedule for an unknown experiment', () => {
    const text = JSON.stringify({ id: 'x', scheduledExperiments: [[{ ...VALID_EXPERIMENT, id: 99 }, { startSlot: 0, assignments: [{ hour: 0, trafficAssignment: { group1: 0.1 } }] }]] });
    const problem = createProblem(flatProfile(4, [10]), [experiment({ id: 1 })]);
    expect(failure(() => individualFromScheduleFile(problem, parseScheduleFile(text, 's.json'), 's.json')))
      .toBe('s.json: scheduledExperiments[0] (experiment 99): schedule for unknown experiment id 99');
  });
  it('a schedule whose hours are not consecutive', () => {
    const text = JSON.stringify({ id: 'x', scheduledExperiments: [[VALID_EXPERIMENT, { startSlot: 0, assignments: [
      { hour: 0, trafficAssignment: { group1: 0.1 } }, { hour: 2, trafficAssignment: { group1: 0.1 } }] }]] });
    const problem = createProblem(flatProfile(4, [10]), [experiment({ id: 1 })]);
    expect(failure(() => individualFromScheduleFile(problem, parseScheduleFile(text, 's.json'), 's.json'))).toContain('assignment 1: hour 2 but expected 1');
  });
});
