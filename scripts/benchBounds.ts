/**
 * Bound benchmark cases for `npm run bench` (scripts/benchCases.ts adds them): the certified
 * upper bound (algorithms/bounds/upperBound.ts, trivial + isolation + capacity relaxation) of the
 * paper's 30- and 70-experiment sets, on the replication package's data when it sits beside the
 * repository, else on the built-in data. Needs the HiGHS solver loaded in this thread.
 */
import { loadedHighsSolver } from '../algorithms/bounds/highsSolver.js';
import { upperBoundWith } from '../algorithms/bounds/upperBound.js';
import { createProblem } from '../algorithms/problem/problem.js';
import type { Ress } from '../datasets/dataSource.js';
import { benchDataSource } from './benchAlgorithms.js';
import type { BenchCase } from './benchCases.js';

export function boundBenchCases(): BenchCase[] {
  const source = benchDataSource();
  const data = source.name.startsWith('fenrir') ? 'paper data' : 'builtin data';
  const boundCase = (size: number, ress: Ress, goalMicroseconds?: number): BenchCase => {
    const problem = createProblem(source.profile(), source.experimentSet(size, ress, 1), { source: `${source.name} ${ress} n${size}` });
    return {
      name: `bound: upper bound, ${size} ${ress} experiments (${data})`,
      run: () => {
        const bound = upperBoundWith(problem, loadedHighsSolver());
        if (!(bound.bound <= 1 && bound.bound > 0)) throw new Error(`bound ${bound.bound} out of range`);
      },
      iterations: 1,
      batches: 5,
      warmUpCalls: 1,
      ...(goalMicroseconds === undefined ? {} : { goalMicroseconds }),
    };
  };
  // issue 11: a bound for a 30-experiment instance in ≤ 1 s (high RESS: the capacity rows bind)
  return [boundCase(30, 'mid', 1e6), boundCase(30, 'high', 1e6), boundCase(70, 'high')];
}
