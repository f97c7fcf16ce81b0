import { InputError } from '../algorithms/problem/inputError.js';
import type { InstanceInputs } from './benchmark/benchmarkFamilies.js';
import { benchmarkInstance, benchmarkLevel, benchmarkSetNames, isBenchmarkSetName, type BenchmarkSetName } from './benchmark/benchmarkSets.js';
import { RESS_VARIANTS, type Ress } from './baselineExperiments.js';
import type { DataSource } from './dataSource.js';

/**
 * The name of an experiment set variant, wherever a set is chosen (`--set NAME:SIZE`, the `ress`
 * list of a study config, the `ress` column of trials.csv): one of the paper's RESS variants
 * (`low`, `mid`, `high`: the data source's own sets on its GitLab profile) or a benchmark family
 * level (`bench/<family>/<level>`: a generated instance with its own profile, datasets/benchmark/).
 */
export type SetName = Ress | BenchmarkSetName;

export const SET_NAME_HELP = 'low, mid or high (the paper\'s RESS variants) or bench/<family>/<level> (benchmark families, datasets/README.md)';

/** Whether `name` is a RESS variant or a known benchmark set. */
export function isSetName(name: string): name is SetName {
  if ((RESS_VARIANTS as readonly string[]).includes(name)) return true;
  return isBenchmarkSetName(name) && benchmarkSetNames().includes(name);
}

/** Every set name: the RESS variants, then the benchmark sets. */
export function setNames(): SetName[] {
  return [...RESS_VARIANTS, ...benchmarkSetNames()];
}

/** Throws the one-line error of an unknown set name (for `where`), else returns it typed. */
export function checkSetName(name: string, where: string): SetName {
  if (isSetName(name)) return name;
  if (isBenchmarkSetName(name)) benchmarkLevel(name, where);
  throw new InputError(where, undefined, `unknown set "${name}": expected ${SET_NAME_HELP}`);
}

/**
 * The profile and experiments of set `name` with `size` experiments: a RESS variant is the data
 * source's set on its GitLab profile; a benchmark set is generated from them (benchmarkSets.ts).
 * `seed` draws the priorities of scaled sets, as DataSource.experimentSet.
 */
export function loadExperimentSet(data: DataSource, name: SetName, size: number, seed: number): InstanceInputs {
  if (isBenchmarkSetName(name)) return benchmarkInstance(data, name, size, seed);
  return { profile: data.profile(), experiments: data.experimentSet(size, name, seed) };
}
