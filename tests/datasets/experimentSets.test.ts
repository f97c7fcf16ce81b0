import { describe, expect, it } from 'vitest';
import type { Experiment } from '../../algorithms/problem/experiment.js';
import { Rng } from '../../algorithms/random/rng.js';
import { baselineExperiments, newExperiments, RESS_VARIANTS } from '../../datasets/baselineExperiments.js';
import { SCALING_SIZES, scaleExperiments } from '../../datasets/scaleExperiments.js';
import { readExperimentsFile } from '../../harness/io/readInputs.js';
import { fenrirPath, hasFenrirData, warnIfFenrirMissing } from '../support/referenceData.js';

const total = (experiments: readonly Experiment[]): number => experiments.reduce((sum, e) => sum + e.requiredTotalTraffic, 0);
const byId = (experiments: readonly Experiment[]): Experiment[] => [...experiments].sort((a, b) => a.id - b.id);
/** Everything but what the scaler changes. */
const template = ({ id: _id, priority: _priority, ...rest }: Experiment) => rest;

describe('baseline experiment sets', () => {
  it('need about 15 M / 30 M / 55 M data points (low / mid / high)', () => {
    expect(total(baselineExperiments('low')) / 15e6).toBeCloseTo(1, 1);
    expect(total(baselineExperiments('mid')) / 30e6).toBeCloseTo(1, 1);
    expect(total(baselineExperiments('high')) / 55e6).toBeCloseTo(1, 1);
  });

  it('medium set: 6 regression (2 gradual, 4 constant) and 4 business, 1–18 days', () => {
    const mid = baselineExperiments('mid');
    const regression = mid.filter((e) => e.type === 'REGRESSION');
    expect(regression).toHaveLength(6);
    expect(regression.filter((e) => e.baseType === 'GradualExperiment')).toHaveLength(2);
    expect(mid.filter((e) => e.type === 'BUSINESS')).toHaveLength(4);
    for (const e of mid) expect(e.minDuration >= 24 && e.minDuration <= 18 * 24).toBe(true);
  });

  it.runIf(hasFenrirData).each(RESS_VARIANTS)('%s equals experiments_10_%s.json field by field', (ress) => {
    const original = byId(readExperimentsFile(fenrirPath(`experiments/experiments_10_${ress}.json`)));
    expect(baselineExperiments(ress)).toEqual(original);
  });

  it.runIf(hasFenrirData)('re-evaluation additions equal restart/new_experiments.json', () => {
    expect(newExperiments()).toEqual(byId(readExperimentsFile(fenrirPath('restart/new_experiments.json'))));
  });

  it('re-evaluation additions are ids 51–55', () => {
    warnIfFenrirMissing('baselines vs the original experiment files');
    expect(newExperiments().map((e) => e.id)).toEqual([51, 52, 53, 54, 55]);
  });
});

describe('experiment scaler', () => {
  const baseline = baselineExperiments('mid');

  it.each(SCALING_SIZES)('size %i: exactly N, unique ids, baseline prefix, cycled copies, priorities 1–10', (size) => {
    const set = scaleExperiments(baseline, size, Rng.fromSeed(7));
    expect(set).toHaveLength(size);
    expect(new Set(set.map((e) => e.id)).size).toBe(size);
    expect(set.slice(0, 10)).toEqual(baseline);
    set.slice(10).forEach((experiment, i) => {
      expect(experiment.id).toBe(11 + i);
      expect(template(experiment)).toEqual(template(baseline[(10 + i) % 10]));
      expect(Number.isInteger(experiment.priority) && experiment.priority >= 1 && experiment.priority <= 10).toBe(true);
    });
  });

  it('is deterministic in the seed, and the sets of one seed are nested', () => {
    const seventy = scaleExperiments(baseline, 70, Rng.fromSeed(11));
    expect(scaleExperiments(baseline, 70, Rng.fromSeed(11))).toEqual(seventy);
    expect(scaleExperiments(baseline, 70, Rng.fromSeed(12)).map((e) => e.priority)).not.toEqual(seventy.map((e) => e.priority));
    for (const size of SCALING_SIZES) expect(scaleExperiments(baseline, size, Rng.fromSeed(11))).toEqual(seventy.slice(0, size));
  });

  it('draws priorities over the whole range 1–10', () => {
    const priorities = new Set(scaleExperiments(baseline, 70, Rng.fromSeed(3)).slice(10).map((e) => e.priority));
    expect([...priorities].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('does not modify the baseline it is given', () => {
    const copy = structuredClone(baseline);
    scaleExperiments(baseline, 30, Rng.fromSeed(1));
    expect(baseline).toEqual(copy);
  });

  it.runIf(hasFenrirData).each(RESS_VARIANTS)('builds the sets of the package\'s experiments_N_%s.json up to the priorities', (ress) => {
    const ours = scaleExperiments(baselineExperiments(ress), 50, Rng.fromSeed(1));
    for (const size of [15, 20, 25, 30, 35, 40, 45, 50]) {
      const original = byId(readExperimentsFile(fenrirPath(`experiments/experiments_${size}_${ress}.json`)));
      expect(original.map((e) => e.id)).toEqual(ours.slice(0, size).map((e) => e.id));
      expect(original.map(template)).toEqual(ours.slice(0, size).map(template));
      expect(original.slice(0, 10)).toEqual(ours.slice(0, 10));
    }
  });
});
