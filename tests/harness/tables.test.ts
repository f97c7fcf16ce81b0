import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { TracePoint } from '../../algorithms/algorithm.js';
import { toCsv } from '../../harness/output/csv.js';
import { TRIALS_COLUMNS } from '../../harness/output/trialsTable.js';
import { compactTrace } from '../../harness/run/compactTrace.js';
import { deriveTables } from '../../harness/tables/deriveTables.js';

type Row = Record<string, string | number | boolean | undefined>;
const trial = (study: string, algorithm: string, repetition: number, fitness: number | undefined, extra: Row = {}): Row => ({
  trial_id: `${study}/${algorithm}/mid/n10/r${repetition}`,
  study, algorithm, experiments: 10, ress: 'mid', repetition, seed: 1,
  fitness, runtime_ms: 1000 * repetition, valid: fitness === undefined ? undefined : true,
  error: fitness === undefined ? 'boom' : undefined,
  ...extra,
});
const trialsCsv = toCsv(TRIALS_COLUMNS, [
  trial('scaling', 'genetic', 1, 0.9), trial('scaling', 'genetic', 2, 0.8), trial('scaling', 'genetic', 3, 0.7),
  trial('scaling', 'local-search', 1, 0.6), trial('scaling', 'local-search', 2, 0.5), trial('scaling', 'local-search', 3, undefined),
  trial('max-fitness', 'genetic', 1, 0.75), trial('max-fitness', 'genetic', 2, 0.65),
  trial('reevaluation', 'genetic', 1, 0.73), trial('reevaluation', 'genetic', 2, 0.63),
  trial('calibration', 'genetic', 1, 0.5, { population: 30, generations: 30 }), trial('calibration', 'genetic', 2, 0.7, { population: 30, generations: 30 }),
  trial('calibration', 'genetic', 1, 0.6, { population: 40, generations: 30 }),
  trial('calibration', 'local-search', 1, 0.4, { iterations: 100 }), trial('calibration', 'local-search', 2, 0.45, { iterations: 200 }),
  trial('sensitivity', 'genetic', 1, 0.6, { grid: 'maxMoveHours=48', duration_score: 0.9, start_score: 0.2, user_group_score: 1 }),
  trial('sensitivity', 'genetic', 2, 0.7, { grid: 'maxMoveHours=48', duration_score: 0.8, start_score: 0.4, user_group_score: 1 }),
  trial('sensitivity', 'genetic', 1, 0.8, { grid: 'maxMoveHours=96', duration_score: 0.9, start_score: 0.6, user_group_score: 1 }),
  trial('sensitivity', 'genetic', 2, undefined, { grid: 'maxMoveHours=96' }),
]);
const tables = deriveTables(trialsCsv);
const rowsOf = (name: string) => parse(tables.get(name)!, { columns: true }) as Record<string, string>[];
const headerOf = (name: string) => tables.get(name)!.split('\n')[0];

describe('tables derived from trials.csv', () => {
  it('writes every table with its columns', () => {
    expect([...tables.keys()]).toEqual(['fitness', 'runtime', 'calibration-ga', 'calibration-ls', 'max-fitness', 'reevaluation', 'sensitivity', 'comparisons', 'gaps', 'pairwise', 'win-tie-loss', 'friedman', 'ranks', 'ga-advantage']);
    expect(headerOf('ga-advantage')).toBe('study,experiments,ress,ga_n,ga_mean,best_other,best_other_n,best_other_mean,advantage,advantage_ci_low,advantage_ci_high,difference,difference_ci_low,difference_ci_high');
    expect(headerOf('gaps')).toBe('study,algorithm,experiments,ress,upper_bound,best_fitness,n,mean_gap,sd_gap,median_gap,iqr_gap,min_gap,max_gap');
    expect(headerOf('sensitivity')).toBe('study,algorithm,experiments,ress,setting,n,mean_fitness,sd_fitness,median_fitness,mean_duration_score,mean_user_group_score,mean_start_score,mean_runtime_s');
    expect(headerOf('max-fitness')).toBe('study,algorithm,experiments,ress,n,best,mean,sd,median,worst,mean_runtime_s');
    expect(headerOf('reevaluation')).toBe('study,algorithm,experiments,ress,n,best,mean,sd,median,worst,mean_runtime_s,rescheduling_population');
    expect(headerOf('calibration-ga')).toBe('study,experiments,ress,population,generations,n,mean_fitness,sd_fitness,median_fitness,mean_runtime_s');
    expect(headerOf('calibration-ls')).toBe('study,algorithm,experiments,ress,iterations,n,mean_fitness,sd_fitness,median_fitness,mean_runtime_s');
    expect(headerOf('fitness')).toBe('study,algorithm,experiments,ress,n,mean,sd,median,iqr,min,max');
    expect(headerOf('runtime')).toBe('study,algorithm,experiments,ress,n,mean,sd,median,iqr,min,max');
    expect(headerOf('comparisons')).toBe('study,experiments,ress,metric,algorithm_1,algorithm_2,n1,n2,u1,u,p_value,p_method,p_holm,a12,magnitude,magnitude_thresholds');
  });

  it('ga-advantage: the GA mean over the best of RS/LS/SA per scaling cell, with bootstrap intervals', () => {
    const [cell] = rowsOf('ga-advantage');
    expect(cell).toMatchObject({ ga_n: '3', best_other: 'local-search', best_other_n: '2' });
    expect(Number(cell.advantage)).toBeCloseTo(0.8 / 0.55 - 1, 12);
    expect(Number(cell.difference)).toBeCloseTo(0.25, 12);
    expect(Number(cell.advantage_ci_low)).toBeLessThanOrEqual(Number(cell.advantage));
    expect(Number(cell.advantage_ci_high)).toBeGreaterThanOrEqual(Number(cell.advantage));
  });

  it('summarises fitness over successful trials only, calibration sweeps excluded', () => {
    const fitness = rowsOf('fitness');
    expect(fitness.map((row) => `${row.study}/${row.algorithm}`)).toEqual(['scaling/genetic', 'scaling/local-search', 'max-fitness/genetic', 'reevaluation/genetic']);
    expect(fitness[0]).toMatchObject({ n: '3', median: '0.8', min: '0.7', max: '0.9' });
    expect(Number(fitness[0].mean)).toBeCloseTo(0.8, 12);
    expect(Number(fitness[0].sd)).toBeCloseTo(0.1, 12);
    expect(fitness[1]).toMatchObject({ n: '2', min: '0.5', max: '0.6' });
    expect(rowsOf('runtime')[0]).toMatchObject({ n: '3', mean: '2', min: '1', max: '3' });
  });

  it('tabulates the calibration grids', () => {
    expect(rowsOf('calibration-ga')).toEqual([
      expect.objectContaining({ population: '30', generations: '30', n: '2', mean_fitness: '0.6' }),
      expect.objectContaining({ population: '40', generations: '30', n: '1', mean_fitness: '0.6', sd_fitness: '' }),
    ]);
    expect(rowsOf('calibration-ls').map((row) => [row.algorithm, row.iterations, row.mean_fitness])).toEqual([['local-search', '100', '0.4'], ['local-search', '200', '0.45']]);
  });

  it('tabulates sensitivity sweeps per setting, with the mean of each score (failed trials left out)', () => {
    const rows = rowsOf('sensitivity');
    expect(rows.map((row) => [row.algorithm, row.setting, row.n])).toEqual([['genetic', 'maxMoveHours=48', '2'], ['genetic', 'maxMoveHours=96', '1']]);
    expect(Number(rows[0].mean_fitness)).toBeCloseTo(0.65, 12);
    expect(Number(rows[0].mean_duration_score)).toBeCloseTo(0.85, 12);
    expect(Number(rows[0].mean_start_score)).toBeCloseTo(0.3, 12);
    expect(Number(rows[0].mean_runtime_s)).toBeCloseTo(1.5, 12);
    expect(rows[1]).toMatchObject({ mean_fitness: '0.8', mean_start_score: '0.6', mean_runtime_s: '1' });
  });

  it('reports best and mean for maximum fitness and re-evaluation', () => {
    expect(rowsOf('max-fitness')[0]).toMatchObject({ algorithm: 'genetic', n: '2', best: '0.75', worst: '0.65' });
    expect(Number(rowsOf('reevaluation')[0].mean)).toBeCloseTo(0.68, 12);
  });

  it('compares the GA with the others: Mann–Whitney, Holm, Â12 and its magnitude', () => {
    const fitness = rowsOf('comparisons').filter((row) => row.metric === 'fitness');
    expect(fitness).toHaveLength(1);
    expect(fitness[0]).toMatchObject({
      study: 'scaling', algorithm_1: 'genetic', algorithm_2: 'local-search', n1: '3', n2: '2',
      u1: '6', u: '0', a12: '1', magnitude: 'large', p_method: 'exact',
    });
    expect(Number(fitness[0].p_value)).toBeCloseTo(0.2, 12); // exact: 2 · P(U ≥ 6) = 2 · 1/10
    expect(fitness[0].magnitude_thresholds).toContain('0.06');
  });
});

describe('tables select trials by study kind', () => {
  // two scaling studies under free names, a calibration study not named after its kind, and a row of
  // an older trials.csv (no kind): its study's name stands in when it is a kind, otherwise no kind table takes it
  const kinded = toCsv(TRIALS_COLUMNS, [
    trial('scaling-low-budget', 'genetic', 1, 0.6, { kind: 'scaling' }), trial('scaling-low-budget', 'genetic', 2, 0.5, { kind: 'scaling' }),
    trial('scaling-low-budget', 'local-search', 1, 0.4, { kind: 'scaling' }), trial('scaling-low-budget', 'local-search', 2, 0.3, { kind: 'scaling' }),
    trial('scaling', 'genetic', 1, 0.9), trial('scaling', 'genetic', 2, 0.8),
    trial('scaling', 'local-search', 1, 0.7), trial('scaling', 'local-search', 2, 0.6),
    trial('calibration-small', 'genetic', 1, 0.5, { kind: 'calibration', population: 30, generations: 30 }),
    trial('calibration-small', 'local-search', 1, 0.4, { kind: 'calibration', iterations: 100 }),
    trial('max-fitness-long', 'genetic', 1, 0.77, { kind: 'max-fitness' }),
    trial('mystery', 'genetic', 1, 0.1),
  ]);
  const derived = deriveTables(kinded);
  const rows = (name: string) => parse(derived.get(name)!, { columns: true }) as Record<string, string>[];

  it('gives each study of a kind its own rows', () => {
    expect(rows('ga-advantage').map((row) => [row.study, row.best_other, Number(row.difference).toFixed(2)]))
      .toEqual([['scaling-low-budget', 'local-search', '0.20'], ['scaling', 'local-search', '0.20']]);
    expect(rows('fitness').map((row) => `${row.study}/${row.algorithm}`))
      .toEqual(['scaling-low-budget/genetic', 'scaling-low-budget/local-search', 'scaling/genetic', 'scaling/local-search', 'max-fitness-long/genetic', 'mystery/genetic']);
    expect(rows('friedman').map((row) => row.study)).toEqual([]); // one instance per study: no Friedman test
    // GA vs LS in each scaling study; `mystery` has one algorithm, so no pair
    expect(rows('pairwise').filter((row) => row.metric === 'fitness').map((row) => row.study)).toEqual(['scaling-low-budget', 'scaling']);
  });

  it('selects kind tables by kind, not by name', () => {
    expect(rows('calibration-ga').map((row) => [row.study, row.population, row.mean_fitness])).toEqual([['calibration-small', '30', '0.5']]);
    expect(rows('calibration-ls').map((row) => [row.study, row.iterations])).toEqual([['calibration-small', '100']]);
    expect(rows('max-fitness').map((row) => [row.study, row.best])).toEqual([['max-fitness-long', '0.77']]);
    // a parameter sweep stays out of the per-algorithm tables by its kind
    expect(rows('fitness').some((row) => row.study === 'calibration-small')).toBe(false);
  });
});

describe('compact traces', () => {
  const point = (step: number, fitness: number): TracePoint => ({ step, fitness, durationScore: fitness, userGroupScore: 1, startScore: 0, evaluations: 40 + 3 * step, elapsedMs: step * 1.23456789 });
  it('keeps the first point, every change and the last point', () => {
    const trace = [point(0, 0.1), point(1, 0.1), point(2, 0.2), point(3, 0.2), point(4, 0.2)];
    expect(compactTrace(trace).map(([step, fitness]) => [step, fitness])).toEqual([[0, 0.1], [2, 0.2], [4, 0.2]]);
    expect(compactTrace([point(0, 0.3)])).toEqual([[0, 0.3, 0.3, 1, 0, 40, 0]]);
  });
  it('keeps the evaluations and elapsed time (to the microsecond) of the step that first reached each value', () => {
    const trace = [point(0, 0.1), point(1, 0.1), point(2, 0.2), point(3, 0.2), point(4, 0.2)];
    expect(compactTrace(trace).map((row) => [row[0], row[5], row[6]])).toEqual([[0, 40, 0], [2, 46, 2.469], [4, 52, 4.938]]);
  });

  it('summarises the gap to the upper bound per study, instance and algorithm (trials with a bound only)', () => {
    const bounded = toCsv(TRIALS_COLUMNS, [
      trial('scaling', 'genetic', 1, 0.9, { upper_bound: 0.95, gap: (0.95 - 0.9) / 0.95 }),
      trial('scaling', 'genetic', 2, 0.8, { upper_bound: 0.95, gap: (0.95 - 0.8) / 0.95 }),
      trial('scaling', 'genetic', 3, undefined, { upper_bound: 0.95 }),
      trial('scaling', 'local-search', 1, 0.5),
      trial('calibration', 'genetic', 1, 0.5, { population: 30, generations: 30, upper_bound: 0.95, gap: 0.45 / 0.95 }),
    ]);
    const gaps = parse(deriveTables(bounded).get('gaps')!, { columns: true }) as Record<string, string>[];
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ study: 'scaling', algorithm: 'genetic', experiments: '10', ress: 'mid', upper_bound: '0.95', best_fitness: '0.9', n: '2' });
    expect(Number(gaps[0].mean_gap)).toBeCloseTo(0.1 / 0.95, 12);
    expect(Number(gaps[0].min_gap)).toBeCloseTo(0.05 / 0.95, 12);
    expect(Number(gaps[0].max_gap)).toBeCloseTo(0.15 / 0.95, 12);
    expect(Number(gaps[0].sd_gap)).toBeCloseTo(Math.SQRT2 * 0.05 / 0.95, 12);
    // a trials.csv of an older version (no bound columns) gives a header-only table
    expect(deriveTables(trialsCsv).get('gaps')!.trim().split('\n')).toHaveLength(1);
  });
});
