import { describe, expect, it } from 'vitest';
import { getAlgorithm } from '../../algorithms/registry.js';
import { parseParamAssignments, resolveParams } from '../../harness/schedule/algorithmParams.js';
import { formatConsumptionCsv } from '../../harness/schedule/consumptionCsv.js';
import { formatGantt } from '../../harness/schedule/ganttText.js';
import { progressLine } from '../../harness/schedule/progressLine.js';
import { loadScheduleInputs, parseSetSpec } from '../../harness/schedule/scheduleInputs.js';
import { formatTraceCsv } from '../../harness/schedule/traceCsv.js';
import { experiment, place, tinyIndividual } from '../support/tinyProblem.js';

// group1 sends 1000 requests an hour, group2 500. Experiment 1: hours 1–2 on 10 % of group1;
// experiment 2 (business): hours 2–3 on 5 % of group1 and 20 % of group2.
function handMade() {
  const individual = tinyIndividual([1000, 500], [
    experiment({ id: 1, minDuration: 2, requiredTotalTraffic: 200, preferredUserGroup: ['group1'] }),
    experiment({ id: 2, type: 'BUSINESS', minDuration: 2, requiredTotalTraffic: 300, priority: 4 }),
  ], 8);
  place(individual, 0, 1, [{ 0: 100 }, { 0: 100 }]);
  place(individual, 1, 2, [{ 0: 50, 1: 200 }, { 0: 50, 1: 200 }]);
  return individual;
}

describe('schedule outputs', () => {
  it('consumption.csv: requests per hour and group over all experiments, up to the end of the schedule', () => {
    expect(formatConsumptionCsv(handMade())).toBe([
      'hour,totalConsumption,group1,group2',
      '0,0,0,0',
      '1,100,100,0',
      '2,250,150,100',
      '3,150,50,100',
      '',
    ].join('\n'));
  });

  it('gantt.txt: one row per experiment, a column per time unit naming the dominant group', () => {
    const hourly = formatGantt(handMade(), { hoursPerColumn: 1, title: 'hand-made' }).split('\n');
    expect(hourly[0]).toBe('hand-made: 2 experiments, hours 0–3, one column = hour');
    expect(hourly[1]).toBe('F 0.746667  D 1.000000  U 1.000000  S 0.366667  valid yes');
    expect(hourly.slice(4, 7)).toEqual([
      '  id type prio  start hours  groups |0   ',
      '   1 R       1      1     2  1*     |.11.',
      '   2 B       4      2     2  1  2   |..22',
    ]);
    const twoHourly = formatGantt(handMade(), { hoursPerColumn: 2, title: 'hand-made' }).split('\n');
    expect(twoHourly[0]).toContain('one column = 2 h');
    expect(twoHourly.slice(5, 7).map((line) => line.split('|')[1])).toEqual(['11', '.2']);
  });

  it('a re-scheduled plan in the original time frame: consumption.csv and gantt.txt show hours of the profile', () => {
    // the same plan, re-made at hour 3 of the profile: every hour moves by 3
    expect(formatConsumptionCsv(handMade(), 3).split('\n').slice(0, 3)).toEqual(['hour,totalConsumption,group1,group2', '3,0,0,0', '4,100,100,0']);
    const shifted = formatGantt(handMade(), { hoursPerColumn: 1, title: 'hand-made', hourShift: 3 }).split('\n');
    expect(shifted[0]).toBe('hand-made: 2 experiments, hours 3–6, one column = hour');
    expect(shifted.slice(4, 7)).toEqual([
      '  id type prio  start hours  groups |3   ',
      '   1 R       1      4     2  1*     |.11.',
      '   2 B       4      5     2  1  2   |..22',
    ]);
  });

  it('progress line: step, evaluations, share done, best F and elapsed time; redrawn in place on a terminal, a line every 5 s in a log', () => {
    let clock = 0;
    const output = (isTTY: boolean) => {
      const written: string[] = [];
      return { written, stream: { isTTY, write: (text: string) => written.push(text) } };
    };
    const terminal = output(true);
    const onTerminal = progressLine('genetic seed 1', terminal.stream, () => clock);
    clock = 50;
    onTerminal.update({ step: 1, totalSteps: 90, bestFitness: 0.25, evaluations: 40, fractionDone: 1 / 90 }); // < 100 ms since the start: not drawn
    clock = 150;
    onTerminal.update({ step: 2, totalSteps: 90, bestFitness: 0.3, evaluations: 75, fractionDone: 2 / 90 });
    clock = 200;
    onTerminal.update({ step: 3, totalSteps: 90, bestFitness: 0.31, evaluations: 110, fractionDone: 3 / 90 }); // 50 ms after the last draw: not drawn
    onTerminal.finish();
    expect(terminal.written).toEqual([
      '\rgenetic seed 1  starting (building the initial solutions)…\u001b[K',
      '\rgenetic seed 1  step 2/90  75 evaluations (2 %)  best F 0.3000  0.1 s\u001b[K',
      '\r\u001b[K',
    ]);

    clock = 0;
    const log = output(false);
    const inLog = progressLine('local-search seed 2', log.stream, () => clock);
    for (clock = 100; clock <= 12_000; clock += 100) inLog.update({ step: clock / 100, totalSteps: Number.POSITIVE_INFINITY, bestFitness: 0.5, evaluations: clock, fractionDone: clock / 20_000 });
    inLog.finish();
    expect(log.written).toEqual([
      'local-search seed 2  step 50  5000 evaluations (25 %)  best F 0.5000  5.0 s\n',
      'local-search seed 2  step 100  10000 evaluations (50 %)  best F 0.5000  10.0 s\n',
    ]);
    // a short run in a log prints nothing at all
    const quiet = output(false);
    clock = 0;
    const short = progressLine('x', quiet.stream, () => clock);
    clock = 4000;
    short.update({ step: 1, totalSteps: 1, bestFitness: 1, evaluations: 1, fractionDone: 1 });
    short.finish();
    expect(quiet.written).toEqual([]);
  });

  it('trace.csv: header and one full-precision row per point, with the evaluations but no wall time', () => {
    expect(formatTraceCsv([{ step: 0, fitness: 0.1 + 0.2, durationScore: 1, userGroupScore: 0.5, startScore: 1 / 3, evaluations: 40, elapsedMs: 12.5 }]))
      .toBe('step,fitness,duration_score,user_group_score,start_score,evaluations\n0,0.30000000000000004,1,0.5,0.3333333333333333,40\n');
  });
});

describe('--param and --set parsing', () => {
  it('reads values as JSON where possible and fills in the defaults', () => {
    expect(parseParamAssignments(['generations=30', 'targetFitness=0.9', 'name=abc', 'flag=true'])).toEqual({ generations: 30, targetFitness: 0.9, name: 'abc', flag: true });
    expect(resolveParams(getAlgorithm('genetic'), { generations: 30 })).toMatchObject({ generations: 30, populationSize: 40, elitism: 5 });
  });

  it('names the parameter in every error', () => {
    expect(() => parseParamAssignments(['generations'])).toThrow('--param: generations: expected key=value');
    expect(() => parseParamAssignments(['a=1', 'a=2'])).toThrow('--param: a: given twice');
    expect(() => resolveParams(getAlgorithm('local-search'), { generations: 3 })).toThrow(/^--param: generations: unknown parameter of local-search \(known: populationSize, iterations, /);
    expect(() => resolveParams(getAlgorithm('local-search'), { iterations: -1 })).toThrow(/^--param: iterations: Too small/);
    expect(() => resolveParams(getAlgorithm('simulated-annealing'), { coolingRate: 1 })).toThrow(/^--param: coolingRate: /);
  });

  it('--set is NAME:SIZE: a RESS variant or a benchmark set', () => {
    expect(parseSetSpec('mid:30')).toEqual({ ress: 'mid', size: 30 });
    expect(parseSetSpec('bench/load/x4:30')).toEqual({ ress: 'bench/load/x4', size: 30 });
    expect(() => parseSetSpec('30')).toThrow('--set: "30" is not NAME:SIZE');
    expect(() => parseSetSpec('mid:0')).toThrow('is not NAME:SIZE, e.g. mid:30 or bench/load/x4:30');
    expect(() => parseSetSpec('medium:10')).toThrow(/^--set: unknown set "medium": expected low, mid or high/);
    expect(() => parseSetSpec('bench/load/x3:10')).toThrow(/^--set: unknown benchmark set "bench\/load\/x3" \(known: bench\/load\/x1, /);
  });

  it('a benchmark set brings its own profile: --profile is refused', () => {
    expect(() => loadScheduleInputs({ data: 'builtin', set: 'bench/load/x4:10', setSeed: 1, profile: 'p.csv' }))
      .toThrow(/^--profile: a benchmark set \(bench\/load\/x4\) brings its own profile/);
  });
});
