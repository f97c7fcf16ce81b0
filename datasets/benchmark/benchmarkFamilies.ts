import type { Experiment } from '../../algorithms/problem/experiment.js';
import type { TrafficProfile } from '../../algorithms/problem/trafficProfile.js';
import { convertToBusiness, keepFirstGroups, preferOneGroup, scaleRequiredTraffic, truncateProfile } from './instanceTransforms.js';

/** What a family transforms: a data source's profiles and its paper set of one size. */
export interface BaseInstance {
  /** the data source's 12-month GitLab(-style) profile */
  readonly profile: TrafficProfile;
  /** the data source's flat profile */
  readonly constantProfile: TrafficProfile;
  /** the data source's medium-RESS set of the requested size (the paper's baseline, scaled) */
  readonly experiments: readonly Experiment[];
}

/** A generated benchmark instance: the problem's inputs. */
export interface InstanceInputs {
  readonly profile: TrafficProfile;
  readonly experiments: readonly Experiment[];
}

export interface BenchmarkLevel {
  readonly name: string;
  /** one line: what this level changes */
  readonly summary: string;
  readonly make: (base: BaseInstance) => InstanceInputs;
}

/** A family: one way to make capacity bind, at levels of increasing hardness. */
export interface BenchmarkFamily {
  readonly name: string;
  readonly summary: string;
  readonly levels: readonly BenchmarkLevel[];
}

const HOURS_PER_WEEK = 168;

/** The paper's medium set with traffic × factor on the GitLab profile. */
const loaded = (base: BaseInstance, factor: number): InstanceInputs => ({
  profile: base.profile,
  experiments: scaleRequiredTraffic(base.experiments, factor),
});

/**
 * The families. Every one starts from the paper's medium-RESS set of the requested size on the
 * data source's GitLab profile and changes one thing; where that alone would leave capacity
 * slack, it is combined with a fixed traffic factor (stated in its summary). Their hardness
 * figures are measured, not assumed (instanceHardness.ts; datasets/README.md has the table).
 */
export const BENCHMARK_FAMILIES: readonly BenchmarkFamily[] = [
  {
    name: 'load',
    summary: 'required traffic of every experiment × 1, 2, 4, 8 (the paper\'s set at x1)',
    levels: [1, 2, 4, 8].map((factor) => ({
      name: `x${factor}`,
      summary: `required traffic × ${factor}`,
      make: (base) => loaded(base, factor),
    })),
  },
  {
    name: 'horizon',
    summary: 'traffic × 2 and a profile cut to 8, 6 or 5 weeks: every experiment must end inside it (binds the random sampler, whose starts reach 48·n hours)',
    levels: [8, 6, 5].map((weeks) => ({
      name: `w${weeks}`,
      summary: `traffic × 2, the first ${weeks} weeks (${weeks * HOURS_PER_WEEK} h) of the profile`,
      make: (base) => ({ profile: truncateProfile(base.profile, weeks * HOURS_PER_WEEK), experiments: scaleRequiredTraffic(base.experiments, 2) }),
    })),
  },
  {
    name: 'flat',
    summary: 'the flat profile (1 M requests/hour, no daily peaks to use) with traffic × 2, 4, 8',
    levels: [2, 4, 8].map((factor) => ({
      name: `x${factor}`,
      summary: `the flat profile, required traffic × ${factor}`,
      make: (base) => ({ profile: base.constantProfile, experiments: scaleRequiredTraffic(base.experiments, factor) }),
    })),
  },
  {
    name: 'groups',
    summary: 'traffic × 2 on only the first 3, 2 or 1 user groups (70 %, 50 %, 40 % of the users); preferences folded onto them',
    levels: [3, 2, 1].map((count) => ({
      name: `g${count}`,
      summary: `traffic × 2, groups 1–${count} only`,
      make: (base) => keepFirstGroups(base.profile, scaleRequiredTraffic(base.experiments, 2), count),
    })),
  },
  {
    name: 'business',
    summary: 'traffic × 4 with 50 or 100 % of the regression experiments turned into business experiments (fixed groups; 0 % is load/x4)',
    levels: [50, 100].map((percent) => ({
      name: `b${percent}`,
      summary: `traffic × 4, ${percent} % of the regression experiments are business experiments`,
      make: (base) => ({ profile: base.profile, experiments: convertToBusiness(scaleRequiredTraffic(base.experiments, 4), percent / 100) }),
    })),
  },
  {
    name: 'contention',
    summary: 'traffic × 2 with 50 or 100 % of the experiments preferring only group2 (10 % of the users; 0 % is load/x2)',
    levels: [50, 100].map((percent) => ({
      name: `c${percent}`,
      summary: `traffic × 2, ${percent} % of the experiments prefer only group2`,
      make: (base) => ({ profile: base.profile, experiments: preferOneGroup(scaleRequiredTraffic(base.experiments, 2), percent / 100, 'group2') }),
    })),
  },
];
