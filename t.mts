import { openDataSource } from './datasets/dataSource.js';
import { createProblem } from './algorithms/problem/problem.js';
import { isolationBound } from './algorithms/bounds/isolationBound.js';
import { capacityRelaxation } from './algorithms/bounds/capacityRelaxation.js';
import { highsSolver } from './algorithms/bounds/highsSolver.js';
const highs = await highsSolver();
for (const spec of ['builtin', 'fenrir:../shared/data/fenrir']) {
  const data = openDataSource(spec);
  for (const ress of ['low', 'mid', 'high'] as const) for (const n of [10, 30, 50, 70]) {
    const problem = createProblem(data.profile(), data.experimentSet(n, ress, 1));
    const iso = isolationBound(problem);
    const t = performance.now();
    const r = capacityRelaxation(problem, iso.experiments, highs, { timeLimitMs: 5000, maxRounds: 200 });
    console.log(spec.slice(0, 6), ress, n, r.bound.toFixed(5), r.lpValue.toFixed(5), r.rounds, r.converged, r.rows, r.columns, (performance.now() - t).toFixed(0), 'ms');
  }
}
