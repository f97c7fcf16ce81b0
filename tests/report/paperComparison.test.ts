import { describe, expect, it } from 'vitest';
import { paperComparison } from '../../harness/report/paperComparison.js';
import type { Trial } from '../../harness/report/trials.js';

const trial = (overrides: Partial<Trial>): Trial => ({
  trial_id: 't', study: 'scaling', algorithm: 'genetic', experiments: 10, ress: 'low', repetition: 1, seed: '1',
  population: null, generations: null, iterations: null, fitness: 0.5, duration_score: null, user_group_score: null, start_score: null,
  valid: true, runtime_ms: 1000, evaluations: null, crossovers: null, mutations: null, invalid_candidates: null, error: '', rescheduling_population: '', ...overrides,
  kind: overrides.kind ?? overrides.study ?? 'scaling',
});

describe('paper vs this run', () => {
  const trials = [
    trial({ study: 'reevaluation', fitness: 0.7 }),
    trial({ study: 'reevaluation', fitness: 0.6 }),
    trial({ study: 'reevaluation', fitness: 0.1, valid: false }), // left out
    trial({ runtime_ms: 60_000, fitness: 0.6 }),
    trial({ runtime_ms: 120_000, fitness: 0.6 }),
    trial({ algorithm: 'local-search', runtime_ms: 270_000, fitness: 0.5 }),
    trial({ study: 'calibration', population: 40, generations: 90, fitness: 0.6 }),
    trial({ study: 'calibration', population: 50, generations: 90, fitness: 0.65 }),
  ];
  const rows = paperComparison(trials);
  const row = (prefix: string) => rows.find((r) => r.quantity.startsWith(prefix))!;

  it('compares re-evaluation best and mean with §10, over valid runs only', () => {
    expect(row('Re-evaluation: GA best')).toMatchObject({ section: '§10', paper: 0.73, thisRun: 0.7 });
    expect(row('Re-evaluation: GA best').difference).toBeCloseTo(-0.03, 10);
    expect(row('Re-evaluation: GA mean').thisRun).toBeCloseTo(0.65, 10);
    expect(row('Re-evaluation: LS best')).toMatchObject({ thisRun: null, difference: null });
    expect(row('Re-evaluation: LS best').compared).toMatch(/this run: not in this run$/);
  });

  it('compares execution times in minutes with a ratio', () => {
    const ga = row('Mean execution time: GA, 10 experiments, low RESS');
    expect(ga).toMatchObject({ section: '§11', paper: 2.9, unit: 'min' });
    expect(ga.thisRun).toBeCloseTo(1.5, 10);
    expect(ga.ratio).toBeCloseTo(1.5 / 2.9, 10);
    expect(row('Mean execution time: SA, 10').note).toContain('Quirk 1');
  });

  it('computes the headline advantages from the scaling cells', () => {
    expect(row('GA fitness advantage').thisRun).toBeCloseTo(20, 10); // 0.6 / 0.5 − 1
    expect(row('GA speed-up').thisRun).toBeCloseTo(3, 10); // 270 s / 90 s
    expect(row('GA fitness advantage').difference).toBeCloseTo(1, 10);
  });

  it('reports the best calibration cell against the paper\'s choice', () => {
    expect(row('GA calibration')).toMatchObject({ paper: '40 × 90 (chosen)', thisRun: '50 × 90 (mean F 0.650)' });
    expect(row('GA calibration').difference).toBeCloseTo(-0.05, 10);
  });

  it('says in every row what was compared: data, schedule, n on both sides', () => {
    for (const r of rows) expect(r.compared, r.quantity).toMatch(/paper: .+; this run: /);
    expect(row('Re-evaluation: GA best').compared).toContain('a fresh GA run of this run');
    expect(row('Re-evaluation: GA best').compared).toContain('n = 2');
    const onPaperData = paperComparison(trials, { data: 'fenrir:../shared/data/fenrir' });
    expect(onPaperData.find((r) => r.quantity.startsWith('Re-evaluation: GA best'))!.compared).toContain('the same saved schedule and data');
  });
});

describe('the headline "GA beats the others by up to 19 %"', () => {
  const cell = (algorithm: string, fitness: number[], experiments = 30, runtimes?: number[]) =>
    fitness.map((f, i) => trial({ algorithm, fitness: f, experiments, ress: 'mid', repetition: i, runtime_ms: runtimes?.[i] ?? 1000 }));
  const trials = [
    ...cell('random-sampling', [0.3, 0.32, 0.31]),
    ...cell('genetic', [0.66, 0.68, 0.67], 30, [1000, 1100, 900]),
    ...cell('local-search', [0.5, 0.48, 0.49], 30, [300, 310, 290]),
    ...cell('simulated-annealing', [0.55, 0.57, 0.56], 30, [2000, 2200, 2100]),
  ];
  const rows = paperComparison(trials, { data: 'builtin' });
  const advantage = rows.find((r) => r.quantity.startsWith('GA fitness advantage'))!;
  const speedUp = rows.find((r) => r.quantity.startsWith('GA speed-up'))!;

  it('is measured against the best competitor (SA here), not against RS', () => {
    expect(advantage.thisRun).toBeCloseTo((0.67 / 0.56 - 1) * 100, 10);
    expect(advantage.compared).toContain('against SA');
  });

  it('comes with a seeded bootstrap interval around it, the same on every run', () => {
    const interval = /95 % bootstrap CI ([\d.]+) %–([\d.]+) % \(2000 resamples, seed 20180923\)/.exec(advantage.note);
    expect(interval, advantage.note).not.toBeNull();
    const [low, high] = [Number(interval![1]), Number(interval![2])];
    expect(low).toBeLessThan(advantage.thisRun as number);
    expect(high).toBeGreaterThan(advantage.thisRun as number);
    expect(paperComparison(trials, { data: 'builtin' }).find((r) => r.quantity.startsWith('GA fitness advantage'))!.note).toBe(advantage.note);
  });

  it('speed-up: the slowest other search (SA) over the GA, RS left out, with its interval', () => {
    expect(speedUp.thisRun).toBeCloseTo(2100 / 1000, 10);
    expect(speedUp.compared).toContain('against SA');
    expect(speedUp.note).toMatch(/95 % bootstrap CI [\d.]+×–[\d.]+×/);
  });

  it('the known GA-30 gap: the published 0.738 beside this run\'s GA mean at 30 medium experiments', () => {
    const gap = rows.find((r) => r.quantity.startsWith('GA fitness, 30 experiments'))!;
    expect(gap).toMatchObject({ section: '§9', paper: 0.7380007 });
    expect(gap.thisRun).toBeCloseTo(0.67, 10);
    expect(gap.compared).toContain('the one saved GA schedule');
    expect(gap.compared).toContain('the best of 5 runs');
    expect(gap.compared).toContain('3 GA runs');
  });

  it('the greedy beside the paper\'s GA-30, and the headline still against the paper\'s own competitors only', () => {
    const withGreedy = paperComparison([...trials, ...cell('greedy', [0.99, 0.99, 0.99])], { data: 'builtin' });
    const greedy = withGreedy.find((r) => r.quantity.startsWith('Greedy fitness, 30 experiments'))!;
    expect(greedy).toMatchObject({ section: '§9', paper: 0.7380007 });
    expect(greedy.thisRun).toBeCloseTo(0.99, 10);
    expect(greedy.difference).toBeCloseTo(0.99 - 0.7380007, 10);
    expect(greedy.compared).toContain('n = 3');
    expect(greedy.compared).toContain('the best of 5 runs');
    const headline = withGreedy.find((r) => r.quantity.startsWith('GA fitness advantage'))!;
    expect(headline.thisRun).toBeCloseTo((0.67 / 0.56 - 1) * 100, 10);
    expect(headline.compared).toContain('against SA');
    const none = rows.find((r) => r.quantity.startsWith('Greedy fitness'))!;
    expect(none.thisRun).toBeNull();
    expect(none.compared).toContain('no greedy in the scaling study');
  });

});
