import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Experiment } from '../algorithms/problem/experiment.js';
import { InputError } from '../algorithms/problem/inputError.js';
import type { TrafficProfile } from '../algorithms/problem/trafficProfile.js';
import { Rng } from '../algorithms/random/rng.js';
import { readExperimentsFile, readProfileFile } from '../harness/io/readInputs.js';
import type { Ress } from './baselineExperiments.js';
import type { DataSource } from './dataSource.js';
import { extendExperiments } from './scaleExperiments.js';

/** The files of a replication-package folder, relative to it. */
export const FENRIR_LAYOUT = {
  gitlabProfile: 'traffic_profiles/gitlab_12_months.csv',
  constantProfile: 'traffic_profiles/constant_12_months.csv',
  experiments: 'experiments',
  newExperiments: 'restart/new_experiments.json',
  savedSchedule: 'restart/schedule_GA_mid_exp30_pop40_gen90_4.json',
} as const;

export const experimentSetFileName = (size: number, ress: Ress): string => `experiments_${size}_${ress}.json`;

/**
 * A folder laid out like the replication package, read with the project's loaders.
 *
 * experimentSet(size, ress, seed):
 * - `experiments_<size>_<ress>.json` exists: that file as it is, in file order (seed unused);
 * - else, a larger file exists: the first `size` experiments (by id) of the smallest larger
 *   file — the package's sets are nested, so this is the set its scaler made for that size;
 * - else (e.g. 55–70, the package stops at 50): the largest file continued by the scaler
 *   (scaleExperiments.ts), cycling the folder's own `experiments_10_<ress>.json` baseline from
 *   where the file stops, with priorities drawn from `seed`.
 */
export function fenrirDataSource(folder: string): DataSource {
  const path = (relative: string): string => join(folder, relative);
  const cache = new Map<string, TrafficProfile>();
  const profileAt = (relative: string): TrafficProfile => {
    let profile = cache.get(relative);
    if (!profile) cache.set(relative, (profile = readProfileFile(path(relative))));
    return profile;
  };

  const availableSizes = (ress: Ress): number[] => {
    const directory = path(FENRIR_LAYOUT.experiments);
    if (!existsSync(directory)) return [];
    const pattern = new RegExp(`^experiments_(\\d+)_${ress}\\.json$`);
    return readdirSync(directory)
      .map((name) => pattern.exec(name))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => Number(match[1]))
      .sort((a, b) => a - b);
  };
  const readSet = (size: number, ress: Ress): Experiment[] =>
    readExperimentsFile(path(join(FENRIR_LAYOUT.experiments, experimentSetFileName(size, ress))));
  const byId = (experiments: Experiment[]): Experiment[] => [...experiments].sort((a, b) => a.id - b.id);

  return {
    name: `fenrir:${folder}`,
    profile: () => profileAt(FENRIR_LAYOUT.gitlabProfile),
    constantProfile: () => profileAt(FENRIR_LAYOUT.constantProfile),
    experimentSet(size: number, ress: Ress, seed: number): Experiment[] {
      const sizes = availableSizes(ress);
      if (sizes.includes(size)) return readSet(size, ress);
      if (sizes.length === 0) {
        throw new InputError(path(FENRIR_LAYOUT.experiments), undefined,
          `no ${experimentSetFileName(size, ress)} and no experiments_N_${ress}.json to scale from`);
      }
      const larger = sizes.find((n) => n > size);
      if (larger !== undefined) return byId(readSet(larger, ress)).slice(0, size);
      const largest = sizes[sizes.length - 1];
      const baseline = byId(readSet(sizes.includes(10) ? 10 : sizes[0], ress));
      return extendExperiments(byId(readSet(largest, ress)), baseline, size, Rng.fromSeed(seed));
    },
    newExperiments: () => readExperimentsFile(path(FENRIR_LAYOUT.newExperiments)),
    savedSchedulePath: () => (existsSync(path(FENRIR_LAYOUT.savedSchedule)) ? path(FENRIR_LAYOUT.savedSchedule) : undefined),
  };
}
