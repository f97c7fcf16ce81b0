import fc from 'fast-check';
import type { Experiment } from '../../../algorithms/problem/experiment.js';
import { createProblem, type Problem } from '../../../algorithms/problem/problem.js';
import { createProfile } from '../../../algorithms/problem/trafficProfile.js';

export interface SmallInstanceShape {
  readonly hours: { min: number; max: number };
  readonly groups: { min: number; max: number };
  readonly experiments: { min: number; max: number };
  /** allow running experiments (re-scheduling) */
  readonly running: boolean;
  /** range of an experiment's hourly need as a share of the smallest group's traffic */
  readonly load: { min: number; max: number };
  /** chance that an experiment targets the second service */
  readonly secondService: number;
  readonly minDuration: { min: number; max: number };
}

const DEFAULT_SHAPE: SmallInstanceShape = { hours: { min: 240, max: 400 }, groups: { min: 1, max: 3 }, experiments: { min: 1, max: 4 }, running: true,
  load: { min: 0.05, max: 0.9 }, secondService: 0.2, minDuration: { min: 1, max: 12 } };

/**
 * Random small problems where capacity often binds: each experiment's hourly need is a random
 * share (default 5 %–90 %) of the smallest group's traffic, so a few of them rarely fit side by side at hour 0.
 * Mixed types (regression/business, constant/gradual), preferences, a second service,
 * priorities 0–10 (never all 0) and, optionally, running experiments with fixed groups.
 * Every hour needs at least one request (minDuration ≥ 1, startTraffic ≥ 1): the shared sampler
 * sizes a fraction to the need and gives 0 ‰, an interrupted hour, to a need of 0.
 */
export function smallInstances(shape: Partial<SmallInstanceShape> = {}): fc.Arbitrary<Problem> {
  const { hours, groups, experiments, running, load, secondService, minDuration } = { ...DEFAULT_SHAPE, ...shape };
  return fc.record({
    hours: fc.integer(hours),
    groupBases: fc.array(fc.integer({ min: 50, max: 3000 }), { minLength: groups.min, maxLength: groups.max }),
    daily: fc.double({ min: 0, max: 0.5, noNaN: true }),
    experiments: fc.array(fc.record({
      business: fc.boolean(),
      gradual: fc.boolean(),
      secondService: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }).map((draw) => draw < secondService),
      minDuration: fc.integer(minDuration),
      load: fc.double({ ...load, noNaN: true }),
      startShare: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
      priority: fc.integer({ min: 0, max: 10 }),
      preferred: fc.nat(),
      running: fc.integer({ min: 0, max: 7 }).map((draw) => running && draw === 0),
      fixedGroups: fc.nat(),
    }), { minLength: experiments.min, maxLength: experiments.max }),
  }).map(({ hours: hourCount, groupBases, daily, experiments: drawn }) => {
    const width = groupBases.length;
    const names = groupBases.map((_, g) => `group${g + 1}`);
    const requests = new Int32Array(hourCount * width);
    for (let h = 0; h < hourCount; h++) {
      const factor = 1 + daily * Math.sin((2 * Math.PI * (h % 24)) / 24);
      for (let g = 0; g < width; g++) requests[h * width + g] = Math.round(groupBases[g] * factor);
    }
    // needs are shares of the smallest group's traffic (at the daily low), so that the sampler, which
    // puts an experiment on 1–2 random groups, can place each one alone
    const smallestGroup = Math.max(1, Math.floor(Math.min(...groupBases) * (1 - daily)));
    const fixedGroups = new Map<number, string[]>();
    const list: Experiment[] = drawn.map((draw, e) => {
      const duration = Math.max(1, draw.minDuration);
      const total = Math.max(duration, Math.round(draw.load * smallestGroup * duration));
      const preferredMask = draw.preferred % (1 << width);
      if (draw.running && draw.business) {
        const mask = (draw.fixedGroups % ((1 << width) - 1)) + 1;
        fixedGroups.set(e + 1, names.filter((_, g) => (mask >>> g) & 1));
      }
      return {
        id: e + 1,
        type: draw.business ? 'BUSINESS' : 'REGRESSION',
        baseType: draw.gradual ? 'GradualExperiment' : 'Experiment',
        targetService: draw.secondService ? 'service2' : 'service1',
        minDuration: draw.minDuration,
        requiredTotalTraffic: total,
        priority: draw.priority,
        preferredUserGroup: names.filter((_, g) => (preferredMask >>> g) & 1),
        ...(draw.gradual ? { startTraffic: Math.fround(Math.max(1, Math.round(draw.startShare * (total / duration)))) } : {}),
        ...(draw.running ? { running: true } : {}),
      } satisfies Experiment;
    });
    if (list.every((experiment) => experiment.priority === 0)) list[0] = { ...list[0], priority: 1 };
    return createProblem(createProfile(names, requests), list, { source: 'random small instance', fixedGroups });
  });
}
