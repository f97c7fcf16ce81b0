import { InputError } from '../../algorithms/problem/inputError.js';
import type { DataSource } from '../dataSource.js';
import { BENCHMARK_FAMILIES, type BenchmarkFamily, type BenchmarkLevel, type InstanceInputs } from './benchmarkFamilies.js';

/** The prefix of benchmark set names: `bench/<family>/<level>`, e.g. `bench/load/x4`. */
export const BENCHMARK_PREFIX = 'bench/';

/** The paper set every family starts from. */
export const BENCHMARK_BASE_RESS = 'mid';

export type BenchmarkSetName = `bench/${string}/${string}`;

/** Every benchmark set name, family by family, levels in order of hardness. */
export function benchmarkSetNames(): BenchmarkSetName[] {
  return BENCHMARK_FAMILIES.flatMap((family) => family.levels.map((level) => `bench/${family.name}/${level.name}` as BenchmarkSetName));
}

export function isBenchmarkSetName(name: string): name is BenchmarkSetName {
  return name.startsWith(BENCHMARK_PREFIX);
}

/** The family and level of `bench/<family>/<level>`; an InputError naming `where` and the known names otherwise. */
export function benchmarkLevel(name: string, where = 'set'): { family: BenchmarkFamily; level: BenchmarkLevel } {
  const [, familyName, levelName, ...rest] = name.split('/');
  const family = BENCHMARK_FAMILIES.find((candidate) => candidate.name === familyName);
  const level = family?.levels.find((candidate) => candidate.name === levelName);
  if (!family || !level || rest.length > 0) {
    throw new InputError(where, undefined, `unknown benchmark set "${name}" (known: ${benchmarkSetNames().join(', ')})`);
  }
  return { family, level };
}

/**
 * The instance `bench/<family>/<level>` of `size` experiments: the level's transform of the data
 * source's medium set of that size (priorities from `seed`, as every scaled set) and its profiles.
 * Pure given the data source: the same name, size and seed give the same instance.
 */
export function benchmarkInstance(data: DataSource, name: string, size: number, seed: number): InstanceInputs {
  const { level } = benchmarkLevel(name);
  return level.make({
    profile: data.profile(),
    constantProfile: data.constantProfile(),
    experiments: data.experimentSet(size, BENCHMARK_BASE_RESS, seed),
  });
}
