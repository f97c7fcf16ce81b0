import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../harness/output/csv.js';
import { TRACES_COLUMNS } from '../../harness/output/tracesTable.js';
import { TRIALS_COLUMNS } from '../../harness/output/trialsTable.js';
import { deriveTables } from '../../harness/tables/deriveTables.js';

type Row = Record<string, string | number | boolean | undefined>;
const SET = 'bench/load/x4';
const id = (algorithm: string, repetition: number, set = SET) => `benchmark/${algorithm}/${set}/n10/r${repetition}`;
const trial = (algorithm: string, repetition: number, fitness: number | undefined, extra: Row = {}): Row => ({
  trial_id: id(algorithm, repetition, typeof extra.ress === 'string' ? extra.ress : SET),
  study: 'benchmark', algorithm, experiments: 10, ress: SET, repetition, seed: 1,
  fitness, valid: fitness === undefined ? undefined : true, runtime_ms: 500, evaluations: fitness === undefined ? undefined : 1000,
  error: fitness === undefined ? 'boom' : undefined,
  stopped_by: fitness === undefined ? undefined : algorithm === 'greedy' ? 'steps' : 'evaluations',
  upper_bound: 1, load: 0.2, peak_load: 0.88, greedy_all_at_zero: true, greedy_fitness: 0.9,
  ...extra,
});

// two repetitions of three algorithms on bench/load/x4 (best known 0.95, bound 1), one of two on load/x1
const trialsCsv = toCsv(TRIALS_COLUMNS, [
  trial('greedy', 1, 0.9), trial('genetic', 1, 0.95), trial('local-search', 1, 0.9),
  trial('greedy', 2, 0.9), trial('genetic', 2, 0.92), trial('local-search', 2, undefined),
  trial('greedy', 1, 1, { ress: 'bench/load/x1', trial_id: id('greedy', 1, 'bench/load/x1'), greedy_fitness: 1, upper_bound: 1 }),
  trial('genetic', 1, 0.6, { ress: 'bench/load/x1', trial_id: id('genetic', 1, 'bench/load/x1'), greedy_fitness: 1, upper_bound: 1, stopped_by: 'time' }),
  // another study's trials are not the benchmark's
  { trial_id: 'scaling/genetic/mid/n10/r1', study: 'scaling', algorithm: 'genetic', experiments: 10, ress: 'mid', repetition: 1, fitness: 0.99, valid: true, runtime_ms: 1 },
]);
const trace = (trialId: string, points: [number, number, number][]) => points.map(([fitness, evaluations, elapsedMs], step) => ({
  trial_id: trialId, study: 'benchmark', algorithm: trialId.split('/')[1], experiments: 10, ress: SET, repetition: 1, step, fitness, evaluations, elapsed_ms: elapsedMs,
}));
const tracesCsv = toCsv(TRACES_COLUMNS, [
  ...trace(id('genetic', 1), [[0.5, 40, 2], [0.93, 400, 20], [0.95, 900, 45]]), // within 1 % of 0.95 from 0.9405: at 900 evaluations
  ...trace(id('genetic', 2), [[0.5, 40, 2], [0.92, 1000, 50]]), // never within 1 %
  ...trace(id('greedy', 1), [[0.9, 10, 1]]),
  ...trace(id('local-search', 1), [[0.945, 100, 3], [0.9, 1000, 30]]), // a current-solution curve may fall (SA); it reached at 100
  { trial_id: 'scaling/genetic/mid/n10/r1', study: 'scaling', algorithm: 'genetic', experiments: 10, ress: 'mid', repetition: 1, step: 0, fitness: 0.99 },
]);
const tables = deriveTables(trialsCsv, () => tracesCsv);
const rowsOf = (name: string) => parse(tables.get(name)!, { columns: true }) as Record<string, string>[];

describe('benchmark tables', () => {
  it('are written only when the results hold a benchmark study', () => {
    expect([...tables.keys()].slice(-3)).toEqual(['benchmark', 'benchmark-ranks', 'instances']);
    expect(deriveTables(toCsv(TRIALS_COLUMNS, [{ trial_id: 'x', study: 'scaling', algorithm: 'genetic', experiments: 10, ress: 'mid', repetition: 1, fitness: 0.5, runtime_ms: 1 }])).has('benchmark')).toBe(false);
  });

  it('benchmark.csv: fitness, gaps to best known and bound, time to within 1 %, ranks (hand-computed)', () => {
    const rows = rowsOf('benchmark').filter((row) => row.set === SET);
    const of = (algorithm: string) => rows.find((row) => row.algorithm === algorithm)!;
    expect(rows.map((row) => row.algorithm)).toEqual(['greedy', 'genetic', 'local-search']);
    const ga = of('genetic');
    expect(ga).toMatchObject({ family: 'load', level: 'x4', experiments: '10', n: '2', failed: '0', best_known: '0.95', upper_bound: '1', reached: '1', median_evaluations_to_target: '900', median_seconds_to_target: '0.045', stopped_by_time: '0' });
    expect(Number(ga.mean_fitness)).toBeCloseTo(0.935, 12);
    expect(Number(ga.mean_gap_to_best)).toBeCloseTo((0 + 0.03 / 0.95) / 2, 12);
    expect(Number(ga.mean_gap)).toBeCloseTo((0.05 + 0.08) / 2, 12);
    expect(Number(ga.sd_gap)).toBeCloseTo(Math.SQRT2 * 0.015, 12);
    // ranks: r1 GA 1, greedy and LS tie on 0.9 → 2.5 each; r2 GA 1, greedy 2, LS failed → 3
    expect(Number(ga.mean_rank)).toBe(1);
    expect(Number(of('greedy').mean_rank)).toBe(2.25);
    expect(of('local-search')).toMatchObject({ n: '1', failed: '1', mean_rank: '2.75', reached: '1', median_evaluations_to_target: '100' });
    expect(of('greedy')).toMatchObject({ reached: '0', load: '0.2', peak_load: '0.88', greedy_all_at_zero: 'true' });
    expect(rowsOf('benchmark').find((row) => row.set === 'bench/load/x1' && row.algorithm === 'genetic')).toMatchObject({ stopped_by_time: '1', best_known: '1' });
  });

  it('benchmark-ranks.csv: per family, mean rank over instances and repetitions, wins (ties win)', () => {
    const rows = rowsOf('benchmark-ranks');
    expect(rows.map((row) => [row.family, row.algorithm, row.instances, row.n, row.mean_rank, row.wins])).toEqual([
      ['load', 'greedy', '2', '3', String((2.5 + 2 + 1) / 3), '1'],
      ['load', 'genetic', '2', '3', String((1 + 1 + 2) / 3), '2'],
      ['load', 'local-search', '1', '2', '2.75', '0'],
    ]);
  });

  it('instances.csv: hardness, best known and who found it, greedy\'s gap to the bound', () => {
    const rows = rowsOf('instances');
    expect(rows.map((row) => [row.set, row.best_known, row.best_algorithm, row.greedy_fitness, row.upper_bound])).toEqual([
      [SET, '0.95', 'genetic', '0.9', '1'],
      ['bench/load/x1', '1', 'greedy', '1', '1'],
    ]);
    expect(Number(rows[0].greedy_gap)).toBeCloseTo(0.1, 12);
    expect(Number(rows[0].best_known_gap)).toBeCloseTo(0.05, 12);
  });
});
