import { describe, expect, it } from 'vitest';
import { paperComparison } from '../../harness/report/paperComparison.js';
import type { Trial } from '../../harness/report/trials.js';

const trial = (overrides: Partial<Trial>): Trial => ({
  trial_id: 't', study: 'scaling', algorithm: 'genetic', experiments: 10, ress: 'low', repetition: 1, seed: '1',
  population: null, generations: null, iterations: null, fitness: 0.5, duration_score: null, user_group_score: null, start_score: null,
  valid: true, runtime_ms: 1000, evaluations: null, crossovers: null, mutations: null, invalid_candidates: null, error: '', rescheduling_population: '', ...overrides,
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
    expect(row('Re-evaluation: LS best')).toMatchObject({ thisRun: null, difference: null, note: 'not in this run' });
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
});
