import { describe, expect, it } from 'vitest';
import { createProblem } from '../../algorithms/problem/problem.js';
import { createProfile } from '../../algorithms/problem/trafficProfile.js';
import { baselineExperiments } from '../../datasets/baselineExperiments.js';
import { BENCHMARK_FAMILIES } from '../../datasets/benchmark/benchmarkFamilies.js';
import { benchmarkInstance, benchmarkSetNames } from '../../datasets/benchmark/benchmarkSets.js';
import { measureHardness } from '../../datasets/benchmark/instanceHardness.js';
import { convertToBusiness, keepFirstGroups, preferOneGroup, scaleRequiredTraffic, truncateProfile } from '../../datasets/benchmark/instanceTransforms.js';
import { openDataSource } from '../../datasets/dataSource.js';
import { checkSetName, isSetName, loadExperimentSet, setNames } from '../../datasets/experimentSets.js';
import { Individual } from '../../algorithms/problem/individual.js';
import { experiment, place } from '../support/tinyProblem.js';

const builtin = openDataSource('builtin');
const mid = baselineExperiments('mid');

describe('benchmark transforms', () => {
  it('scale the required traffic (and a ramp\'s first hour), leaving the input untouched', () => {
    const scaled = scaleRequiredTraffic(mid, 4);
    expect(scaled[0]).toMatchObject({ id: 1, requiredTotalTraffic: 60_000_000, startTraffic: 60_000, minDuration: 240, priority: 6 });
    expect(scaled[1]).toMatchObject({ id: 2, requiredTotalTraffic: 20_000_000 });
    expect(scaled[1].startTraffic).toBeUndefined();
    expect(mid[0].requiredTotalTraffic).toBe(15_000_000);
    expect(scaled.reduce((sum, e) => sum + e.requiredTotalTraffic, 0)).toBe(4 * 29_630_000);
  });

  it('cut a profile to its first hours', () => {
    const profile = builtin.profile();
    const cut = truncateProfile(profile, 168);
    expect(cut.hours).toBe(168);
    expect([...cut.requests]).toEqual([...profile.requests.subarray(0, 168 * 5)]);
    expect(() => truncateProfile(profile, profile.hours + 1)).toThrow('cannot cut');
  });

  it('keep the first groups and fold preferences for dropped groups onto them', () => {
    const profile = createProfile(['group1', 'group2', 'group3', 'group4', 'group5'], Int32Array.from([10, 20, 30, 40, 50, 11, 21, 31, 41, 51]));
    const { profile: kept, experiments } = keepFirstGroups(profile, mid, 3);
    expect(kept.groups).toEqual(['group1', 'group2', 'group3']);
    expect([...kept.requests]).toEqual([10, 20, 30, 11, 21, 31]);
    // mid: 2 prefers group1 group4 → group1; 4 prefers group3 group5 → group3 group2
    expect(experiments[1].preferredUserGroup).toEqual(['group1']);
    expect(experiments[3].preferredUserGroup).toEqual(['group3', 'group2']);
    expect(experiments[2].preferredUserGroup).toEqual([]);
  });

  it('turn every second (or every) regression experiment into a business experiment', () => {
    const regression = mid.filter((e) => e.type === 'REGRESSION').map((e) => e.id); // 1, 2, 4, 6, 8, 9
    const half = convertToBusiness(mid, 0.5);
    expect(half.filter((e, i) => e.type === 'BUSINESS' && mid[i].type === 'REGRESSION').map((e) => e.id)).toEqual([2, 6, 9]);
    expect(convertToBusiness(mid, 1).every((e) => e.type === 'BUSINESS')).toBe(true);
    expect(convertToBusiness(mid, 0).map((e) => e.type)).toEqual(mid.map((e) => e.type));
    expect(regression).toEqual([1, 2, 4, 6, 8, 9]);
  });

  it('make a share of the experiments prefer one group', () => {
    expect(preferOneGroup(mid, 0.5, 'group2').map((e) => e.preferredUserGroup.join(' '))).toEqual([
      'group3', 'group2', '', 'group2', 'group3 group5', 'group2', 'group2', 'group2', '', 'group2',
    ]);
    expect(preferOneGroup(mid, 1, 'group2').every((e) => e.preferredUserGroup.join() === 'group2')).toBe(true);
    expect(() => preferOneGroup(mid, 1.5, 'group2')).toThrow('share');
  });
});

describe('benchmark sets', () => {
  it('are named bench/<family>/<level>, usable wherever a set is', () => {
    const names = benchmarkSetNames();
    expect(names.slice(0, 4)).toEqual(['bench/load/x1', 'bench/load/x2', 'bench/load/x4', 'bench/load/x8']);
    expect(names).toHaveLength(BENCHMARK_FAMILIES.reduce((sum, family) => sum + family.levels.length, 0));
    expect(setNames().slice(0, 3)).toEqual(['low', 'mid', 'high']);
    for (const name of names) expect(isSetName(name)).toBe(true);
    expect(isSetName('bench/load/x3')).toBe(false);
    expect(() => checkSetName('bench/load/x3', 'configs/x.json')).toThrow(/^configs\/x\.json: unknown benchmark set "bench\/load\/x3" \(known: bench\/load\/x1/);
    expect(() => checkSetName('medium', '--set')).toThrow(/^--set: unknown set "medium": expected low, mid or high/);
  });

  it('load/x1 is the paper\'s medium set on the GitLab profile; the same name, size and seed give the same instance', () => {
    const x1 = benchmarkInstance(builtin, 'bench/load/x1', 30, 7);
    expect(x1.experiments).toEqual(builtin.experimentSet(30, 'mid', 7));
    expect(x1.profile).toBe(builtin.profile());
    expect(benchmarkInstance(builtin, 'bench/groups/g2', 30, 7)).toEqual(benchmarkInstance(builtin, 'bench/groups/g2', 30, 7));
    expect(loadExperimentSet(builtin, 'mid', 10, 1).experiments).toEqual(builtin.experimentSet(10, 'mid', 1));
  });

  it('every level builds a valid problem at 10 and 30 experiments', () => {
    for (const name of benchmarkSetNames()) {
      for (const size of [10, 30]) {
        const { profile, experiments } = benchmarkInstance(builtin, name, size, 1);
        expect(experiments, name).toHaveLength(size);
        expect(() => createProblem(profile, experiments, { source: name }), `${name} n${size}`).not.toThrow();
      }
    }
  });
});

describe('instance hardness', () => {
  it('load and peak load, hand-computed', () => {
    // 2 groups of 1000 + 500 requests/hour, 4 hours; a 2-hour experiment of 600 (300/h), a 4-hour one of 400 (100/h)
    const profile = createProfile(['group1', 'group2'], Int32Array.from([1000, 500, 1000, 500, 1000, 500, 1000, 500]));
    const problem = createProblem(profile, [
      experiment({ id: 1, minDuration: 2, requiredTotalTraffic: 600 }),
      experiment({ id: 2, minDuration: 4, requiredTotalTraffic: 400 }),
    ]);
    const hardness = measureHardness(problem);
    expect(hardness.load).toBeCloseTo(1000 / (4 * 1500), 12);
    expect(hardness.peakLoad).toBeCloseTo(400 / 1500, 12);
    expect(hardness.greedyAllAtZero).toBeUndefined();
    // a stand-in constructive algorithm: both at hour 0 on group1 (300 + 100 of 1000 per hour), then one moved to hour 1
    const atZero = new Individual(problem);
    place(atZero, 0, 0, [{ 0: 300 }, { 0: 300 }]);
    place(atZero, 1, 0, [{ 0: 100 }, { 0: 100 }, { 0: 100 }, { 0: 100 }]);
    expect(atZero.valid).toBe(true);
    expect(measureHardness(problem, () => atZero)).toMatchObject({ greedyAllAtZero: true, greedyFitness: atZero.fitness });
    const later = atZero.clone();
    place(later, 0, 1, [{ 0: 300 }, { 0: 300 }]);
    expect(measureHardness(problem, () => later)).toMatchObject({ greedyAllAtZero: false, greedyFitness: later.fitness });
    expect(later.fitness).toBeLessThan(atZero.fitness);
  });

  it('grows with the traffic factor: load × k, peak load ≈ × k', () => {
    const figures = ['x1', 'x2', 'x4', 'x8'].map((level) => {
      const { profile, experiments } = benchmarkInstance(builtin, `bench/load/${level}`, 30, 1);
      return measureHardness(createProblem(profile, experiments));
    });
    for (let i = 1; i < figures.length; i++) {
      expect(figures[i].load / figures[0].load).toBeCloseTo(2 ** i, 6);
      expect(figures[i].peakLoad / figures[0].peakLoad).toBeCloseTo(2 ** i, 2);
    }
    // the paper's own 30 medium experiments: at hour 0 the start-window traffic is 66 % used
    expect(figures[0].peakLoad).toBeCloseTo(0.66, 2);
    expect(figures[3].peakLoad).toBeGreaterThan(5);
  });
});
