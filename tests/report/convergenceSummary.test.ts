import { describe, expect, it } from 'vitest';
import { ConvergenceCollector, evenSteps, valueAt } from '../../harness/report/convergenceSummary.js';

describe('convergence curves from run-length compressed traces', () => {
  it('fills each step forward from the last recorded change', () => {
    const curve = { steps: [0, 3, 7], values: [0.1, 0.4, 0.6] };
    expect([0, 1, 2, 3, 6, 7, 9].map((step) => valueAt(curve, step))).toEqual([0.1, 0.1, 0.1, 0.4, 0.4, 0.6, 0.6]);
    expect(valueAt({ steps: [2], values: [1] }, 1)).toBeUndefined();
  });

  it('takes median and quartiles over runs at every step, runs that ended early keeping their last value', () => {
    const collector = new ConvergenceCollector();
    for (const [trial, rows] of Object.entries({ a: [[0, 0.2], [2, 0.5], [4, 0.5]], b: [[0, 0.3], [1, 0.6], [4, 0.7]], c: [[0, 0.1], [2, 0.9]] })) {
      for (const [step, fitness] of rows) collector.add('local-search', trial, step, fitness);
    }
    collector.add('random-sampling', 'r', 0, 0.3); // a single step: no curve
    const points = collector.summarise();
    expect(points.map((p) => p.step)).toEqual([0, 1, 2, 3, 4]);
    expect(points.every((p) => p.algorithm === 'local-search' && p.n === 3)).toBe(true);
    expect(points[0].median).toBe(0.2);
    expect(points[1].median).toBe(0.2); // 0.2, 0.6, 0.1
    expect(points[4].median).toBe(0.7); // 0.5, 0.7, 0.9 (c ended at step 2)
  });

  it('puts every algorithm on one grid of x values; each curve ends at its own longest run', () => {
    const collector = new ConvergenceCollector();
    // GA: 10 individuals per generation, 3 generations → evaluations 10, 20, 30; LS: 12 evaluations
    for (const [x, f] of [[10, 0.3], [20, 0.5], [30, 0.6]]) collector.add('genetic', 'g', x, f);
    for (const [x, f] of [[10, 0.3], [11, 0.35], [12, 0.4]]) collector.add('local-search', 'l', x, f);
    const points = collector.summarise(4); // grid 0, 10, 20, 30
    expect(points.filter((p) => p.algorithm === 'genetic').map((p) => [p.step, p.median])).toEqual([[10, 0.3], [20, 0.5], [30, 0.6]]);
    expect(points.filter((p) => p.algorithm === 'local-search').map((p) => [p.step, p.median])).toEqual([[10, 0.3], [12, 0.4]]);
  });

  it('thins long curves to evenly spaced steps including the first and the last', () => {
    expect(evenSteps(4, 10)).toEqual([0, 1, 2, 3, 4]);
    const steps = evenSteps(2999, 300);
    expect(steps.length).toBe(300);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(2999);
  });
});
