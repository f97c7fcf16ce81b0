import { beforeAll, describe, expect, it } from 'vitest';
import { algorithmNames, getAlgorithm } from '../../algorithms/registry.js';
import { formatRunFiles } from '../../harness/schedule/runFiles.js';
import { runScheduling } from '../../harness/schedule/runScheduling.js';
import { smallBudgetParams } from './support/smallBudget.js';
import { syntheticProblem } from './support/syntheticProblem.js';

/**
 * The files `npm run schedule` writes (minus run.json, which holds timings) for one seed. The
 * schedule id is the same for every seed, so files differ only if the runs do.
 */
function runFiles(name: string, seed: number) {
  const { result } = runScheduling({ algorithm: name, params: smallBudgetParams(name), seed, problem: syntheticProblem() });
  const files = formatRunFiles(result.best, result.trace, { id: name, title: name, ganttHoursPerColumn: 24 });
  return { result, files };
}

describe.each(algorithmNames())('%s is deterministic', (name) => {
  let first: ReturnType<typeof runFiles>;
  beforeAll(() => {
    first = runFiles(name, 1);
  });

  it('same seed → byte-identical schedule.json, trace.csv, consumption.csv and gantt.txt', () => {
    const again = runFiles(name, 1);
    expect([...again.files.keys()]).toEqual(['schedule.json', 'trace.csv', 'consumption.csv', 'gantt.txt']);
    for (const [file, text] of first.files) expect(again.files.get(file), file).toBe(text);
  });

  // an algorithm that declares itself deterministic must ignore the seed; every other one must use it
  const deterministic = getAlgorithm(name).deterministic === true;
  it(deterministic ? 'declared deterministic: different seeds → identical runs' : 'different seeds → different runs', () => {
    const other = runFiles(name, 2);
    const same = (file: string) => other.files.get(file) === first.files.get(file);
    expect(same('schedule.json') && same('trace.csv')).toBe(deterministic);
  });

  it('golden: start of the curve, result and counters (seed 1, synthetic problem)', () => {
    const { result } = first;
    const lines = first.files.get('trace.csv')!.trimEnd().split('\n');
    expect({
      traceHead: lines.slice(0, 6),
      traceLast: lines.at(-1),
      steps: result.trace.length - 1,
      fitness: result.best.fitness,
      placement: result.best.schedules.map((schedule) => `${schedule.start}+${schedule.duration}`),
      counters: result.counters,
    }).toMatchSnapshot();
  });
});
