import { beforeAll, describe, expect, it } from 'vitest';
import { algorithmNames } from '../../algorithms/registry.js';
import { formatRunFiles } from '../../harness/schedule/runFiles.js';
import { runScheduling } from '../../harness/schedule/runScheduling.js';
import { smallBudgetParams } from './support/smallBudget.js';
import { syntheticProblem } from './support/syntheticProblem.js';

/** The files `npm run schedule` writes (minus run.json, which holds timings) for one seed. */
function runFiles(name: string, seed: number) {
  const { result } = runScheduling({ algorithm: name, params: smallBudgetParams(name), seed, problem: syntheticProblem() });
  const files = formatRunFiles(result.best, result.trace, { id: `${name}-seed${seed}`, title: name, ganttHoursPerColumn: 24 });
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

  it('different seeds → different runs', () => {
    const other = runFiles(name, 2);
    const same = (file: string) => other.files.get(file) === first.files.get(file);
    expect(same('schedule.json') && same('trace.csv')).toBe(false);
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
