import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../../algorithms/random/rng.js';
import { parseStudyConfig } from '../../harness/config/loadStudyConfig.js';
import { estimateCostSeconds, longestFirst } from '../../harness/plan/estimateCost.js';
import { planTrials, selectStudies } from '../../harness/plan/planTrials.js';
import { parseShard, selectShard } from '../../harness/plan/shard.js';
import { trialKind } from '../../harness/plan/trial.js';
import { trialFingerprint } from '../../harness/run/trialFingerprint.js';

// the fingerprint of scaling/genetic/mid/n10/r1 (baseSeed 7, builtin) as the code before study kinds computed it (commit e03097a)
const PINNED_FINGERPRINT = '34b3ef9cc8cac903';

const configText = JSON.stringify({
  baseSeed: 7,
  studies: [
    {
      name: 'calibration', sizes: [25], ress: ['mid'], repetitions: 2,
      algorithms: [
        { name: 'genetic', grid: { populationSize: { from: 30, to: 40, step: 10 }, generations: [50, 60] } },
        { name: 'local-search', grid: { iterations: [100, 200] } },
      ],
    },
    {
      name: 'scaling', sizes: { from: 10, to: 20, step: 5 }, ress: ['low', 'high'], repetitions: 3,
      algorithms: [{ name: 'random-sampling' }, { name: 'genetic' }, { name: 'local-search', params: { iterations: 500 } }, { name: 'simulated-annealing' }],
    },
  ],
});
const config = () => parseStudyConfig(configText, 'configs/test.json').config;

describe('trial planning', () => {
  it('expands studies into trials with stable ids, in plan order', () => {
    const trials = planTrials(config());
    expect(trials).toHaveLength(2 * (4 + 2) + 3 * 2 * 3 * 4);
    expect(trials.map((trial) => trial.index)).toEqual(trials.map((_, i) => i));
    expect(trials[0].id).toBe('calibration/genetic/populationSize30-generations50/mid/n25/r1');
    expect(trials[4].id).toBe('calibration/local-search/iterations100/mid/n25/r1');
    // grid trials name their swept values; others have none
    expect(trials[0].grid).toEqual({ populationSize: 30, generations: 50 });
    expect(trials.find((trial) => trial.id === 'scaling/genetic/high/n20/r3')!.grid).toBeUndefined();
    expect(trials.find((trial) => trial.id === 'scaling/genetic/high/n20/r3')).toBeDefined();
    expect(new Set(trials.map((trial) => trial.id)).size).toBe(trials.length);
  });

  it('is deterministic: same config, same list', () => {
    expect(planTrials(config())).toEqual(planTrials(config()));
  });

  it('derives seeds from the base seed and the trial id', () => {
    const trial = planTrials(config()).find((candidate) => candidate.id === 'scaling/genetic/low/n15/r2')!;
    expect(trial.seed).toBe(deriveSeed(7, 'scaling/genetic/low/n15/r2'));
    expect(trial.populationSeed).toBe(deriveSeed(7, 'scaling/low/n15/r2'));
    expect(trial.experimentSetSeed).toBe(deriveSeed(7, 'experiments/low'));
  });

  it('gives every algorithm of one repetition the same initial population seed (fairness)', () => {
    const repetition = planTrials(config()).filter((trial) => trial.study === 'scaling' && trial.ress === 'high' && trial.experiments === 10 && trial.repetition === 1);
    expect(repetition.map((trial) => trial.algorithm)).toEqual(['random-sampling', 'genetic', 'local-search', 'simulated-annealing']);
    expect(new Set(repetition.map((trial) => trial.populationSeed)).size).toBe(1);
    expect(new Set(repetition.map((trial) => trial.seed)).size).toBe(4);
    expect(repetition.map((trial) => trial.initialPopulationSize)).toEqual([40, 40, 40, 40]);
  });

  it('fills parameters with the algorithm defaults', () => {
    const trials = planTrials(config());
    expect(trials.find((trial) => trial.id === 'scaling/genetic/low/n10/r1')!.params).toMatchObject({ populationSize: 40, generations: 90, elitism: 5 });
    expect(trials.find((trial) => trial.id === 'scaling/local-search/low/n10/r1')!.params).toMatchObject({ iterations: 500 });
    expect(trials[1].params).toMatchObject({ populationSize: 30, generations: 60 });
  });

  it('selects studies without changing ids or plan positions', () => {
    const all = planTrials(config());
    const scaling = selectStudies(all, ['scaling']);
    expect(scaling.every((trial) => trial.study === 'scaling')).toBe(true);
    expect(scaling[0]).toEqual(all.find((trial) => trial.study === 'scaling'));
  });

  it('selects by kind too: a kind takes every study of it, whatever its name', () => {
    const twoScalings = JSON.parse(configText) as { studies: { name: string; kind?: string; sizes: unknown }[] };
    twoScalings.studies.push({ ...twoScalings.studies[1], name: 'scaling-small', kind: 'scaling', sizes: [10] });
    const all = planTrials(parseStudyConfig(JSON.stringify(twoScalings), 'configs/test.json').config);
    const byKind = selectStudies(all, ['scaling']);
    expect(new Set(byKind.map((trial) => trial.study))).toEqual(new Set(['scaling', 'scaling-small']));
    expect(byKind).toHaveLength(all.filter((trial) => trial.study !== 'calibration').length);
    // a name selects that study alone
    expect(new Set(selectStudies(all, ['scaling-small']).map((trial) => trial.study))).toEqual(new Set(['scaling-small']));
  });
});

describe('shards', () => {
  it('parses i/N and rejects the rest', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/expected i\/N/);
  });

  it('partitions the plan: every trial in exactly one shard, balanced', () => {
    const trials = planTrials(config());
    const shards = [1, 2, 3].map((index) => selectShard(trials, { index, count: 3 }));
    expect(shards.flat().map((trial) => trial.id).sort()).toEqual(trials.map((trial) => trial.id).sort());
    for (const shard of shards) expect(Math.abs(shard.length - trials.length / 3)).toBeLessThanOrEqual(1);
  });
});

describe('execution order', () => {
  it('runs the longest trials first, plan order on ties', () => {
    const ordered = longestFirst(planTrials(config()));
    for (let i = 1; i < ordered.length; i++) {
      const [a, b] = [ordered[i - 1], ordered[i]];
      expect(estimateCostSeconds(a) > estimateCostSeconds(b) || (estimateCostSeconds(a) === estimateCostSeconds(b) && a.index < b.index)).toBe(true);
    }
  });
});

describe('benchmark study planning', () => {
  const benchmark = (study: Record<string, unknown> = {}) => parseStudyConfig(JSON.stringify({
    baseSeed: 7,
    studies: [{
      name: 'benchmark', sizes: [10], ress: ['bench/load/x4', 'mid'], repetitions: 1, budget: { evaluations: 2000, seconds: 5 },
      algorithms: [{ name: 'greedy' }, { name: 'genetic' }, { name: 'genetic', label: 'genetic+greedy', params: { initialization: 'greedy' } }],
      ...study,
    }],
  }), 'configs/bench.json').config;

  it('labels make one algorithm run twice; trials share no population and carry the equal budget', () => {
    const trials = planTrials(benchmark());
    expect(trials.map((trial) => trial.id)).toEqual([
      'benchmark/greedy/bench/load/x4/n10/r1', 'benchmark/genetic/bench/load/x4/n10/r1', 'benchmark/genetic+greedy/bench/load/x4/n10/r1',
      'benchmark/greedy/mid/n10/r1', 'benchmark/genetic/mid/n10/r1', 'benchmark/genetic+greedy/mid/n10/r1',
    ]);
    const seeded = trials[2];
    expect(seeded).toMatchObject({ algorithm: 'genetic', label: 'genetic+greedy', initialPopulationSize: 0, budget: { evaluations: 2000, milliseconds: 5000, ownSteps: false } });
    expect(seeded.params).toMatchObject({ initialization: 'greedy', generations: 90 });
    expect(trials[1].label).toBeUndefined();
    // a benchmark set takes its base RESS's priorities: bench/load/x4 is the mid set with more traffic
    expect(trials[0].experimentSetSeed).toBe(deriveSeed(7, 'experiments/mid'));
    expect(trials[3].experimentSetSeed).toBe(trials[0].experimentSetSeed);
    // cost estimate of a budget trial: by evaluations, capped by its wall time; greedy builds once
    expect(estimateCostSeconds(trials[1])).toBeCloseTo(4.6e-6 * 10 * 2000, 12);
    expect(estimateCostSeconds(trials[0])).toBeCloseTo(5e-7 * 10 * 10 * trials[0].initialPopulationSize, 12);
  });

  it('an entry\'s wall-time cap tightens its trials\' time only; the evaluation budget stays the study\'s', () => {
    const trials = planTrials(benchmark({
      ress: ['mid'],
      algorithms: [{ name: 'random-sampling', wallTimeCap: { seconds: 2 } }, { name: 'genetic', wallTimeCap: { seconds: 60 } }, { name: 'local-search' }],
    }));
    expect(trials.map((trial) => trial.budget)).toEqual([
      { evaluations: 2000, milliseconds: 2000, ownSteps: false },
      { evaluations: 2000, milliseconds: 5000, ownSteps: false },
      { evaluations: 2000, milliseconds: 5000, ownSteps: false },
    ]);
    // an RS evaluation samples a whole schedule (n²), a search's is incremental (n)
    expect(estimateCostSeconds(trials[0])).toBeCloseTo(Math.min(2, 1.1e-6 * 10 * 10 * 2000), 12);
    expect(estimateCostSeconds(trials[2])).toBeCloseTo(4.6e-6 * 10 * 2000, 12);
  });

  it('needs a budget, known set names and labels fit for file names', () => {
    const errorOf = (study: Record<string, unknown>) => {
      try {
        benchmark(study);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(errorOf({ budget: undefined })).toBe('configs/bench.json: studies[0].budget: a study of kind benchmark needs "budget": {"evaluations": N} (equal budgets are its point)');
    expect(errorOf({ budget: { ownSteps: true } })).toBe('configs/bench.json: studies[0].budget: give "evaluations" and/or "seconds"');
    expect(errorOf({ ress: ['bench/load/x3'] })).toMatch(/^configs\/bench\.json: studies\[0\]\.ress\[0\]: unknown set "bench\/load\/x3": expected low, mid or high/);
    expect(errorOf({ algorithms: [{ name: 'genetic', label: 'GA seeded' }] })).toMatch(/^configs\/bench\.json: studies\[0\]\.algorithms\[0\]\.label: must be lower-case/);
    expect(errorOf({ algorithms: [{ name: 'genetic' }, { name: 'genetic' }] })).toMatch(/two trials share the id benchmark\/genetic\/bench\/load\/x4\/n10\/r1/);
  });

  it('carries a re-scheduling population variant in the trial, and nothing for the sound default (fingerprints unchanged)', () => {
    const { config } = parseStudyConfig(JSON.stringify({
      baseSeed: 3,
      studies: [{
        name: 'reevaluation', sizes: [30], ress: ['mid'], repetitions: 1, restart: { hour: 72, discardIds: [4, 21, 28] },
        algorithms: [{ name: 'local-search' }, { name: 'local-search', label: 'local-search.sound', reschedulingPopulation: 'sound' },
          { name: 'local-search', label: 'local-search.as-published', reschedulingPopulation: 'as-published' }],
      }],
    }), 'configs/variants.json');
    const [plain, sound, published] = planTrials(config);
    expect(plain.restart).not.toHaveProperty('population');
    expect(sound.restart).toEqual(plain.restart);
    expect(published.restart).toMatchObject({ hour: 72, population: 'as-published' });
    expect(published.populationSeed).toBe(plain.populationSeed);
  });

  it('names trials after the study and records its kind only when the name is not one (ids, seeds and fingerprints of older configs unchanged)', () => {
    const study = { sizes: [10], ress: ['mid'], repetitions: 1, algorithms: [{ name: 'genetic' }] };
    const { config } = parseStudyConfig(JSON.stringify({ baseSeed: 7, studies: [{ name: 'scaling', ...study }, { name: 'scaling-low-budget', kind: 'scaling', ...study }] }), 'configs/two.json');
    const [named, free] = planTrials(config);
    expect(named.id).toBe('scaling/genetic/mid/n10/r1');
    expect(named).not.toHaveProperty('kind');
    expect(trialKind(named)).toBe('scaling');
    expect(free).toMatchObject({ id: 'scaling-low-budget/genetic/mid/n10/r1', study: 'scaling-low-budget', kind: 'scaling' });
    expect(trialKind(free)).toBe('scaling');
    expect(free.seed).not.toBe(named.seed);
    expect(free.populationSeed).toBe(deriveSeed(7, 'scaling-low-budget/mid/n10/r1'));
    // pinned before study kinds existed (commit e03097a): a config without kinds plans the same trials
    expect(trialFingerprint(named, 'builtin')).toBe(PINNED_FINGERPRINT);
  });

  it('--run-seed changes the runs\' seeds, not the problems (experiment sets, re-evaluation\'s base schedule)', () => {
    const text = JSON.stringify({ baseSeed: 7, studies: [
      { name: 'scaling', sizes: [15], ress: ['mid'], repetitions: 1, algorithms: [{ name: 'genetic' }] },
      { name: 'reevaluation', sizes: [30], ress: ['mid'], repetitions: 1, restart: { hour: 72, discardIds: [4] }, algorithms: [{ name: 'genetic' }] },
    ] });
    const { config } = parseStudyConfig(text, 'configs/seeds.json');
    const plain = planTrials(config);
    const reseeded = planTrials({ ...config, runSeed: 8 });
    expect(planTrials({ ...config, runSeed: 7 })).toEqual(plain);
    for (const [a, b] of plain.map((trial, i) => [trial, reseeded[i]] as const)) {
      expect(b.id).toBe(a.id);
      expect(b.seed).toBe(deriveSeed(8, a.id));
      expect(b.seed).not.toBe(a.seed);
      expect(b.populationSeed).not.toBe(a.populationSeed);
      expect(b.experimentSetSeed).toBe(a.experimentSetSeed);
      expect(b.restart).toEqual(a.restart);
    }
  });
});
