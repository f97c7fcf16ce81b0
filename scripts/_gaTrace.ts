import { samplePopulation } from '../algorithms/operators/samplePopulation.js';
import { createProblem } from '../algorithms/problem/problem.js';
import { deriveSeed, Rng } from '../algorithms/random/rng.js';
import { getAlgorithm } from '../algorithms/registry.js';
import { openDataSource } from '../datasets/dataSource.js';
const source = openDataSource('fenrir:../shared/data/fenrir');
const problem = createProblem(source.profile(), source.experimentSet(30, 'mid', 1));
for (let seed = 1; seed <= 3; seed++) {
  const population = samplePopulation(problem, 40, Rng.fromSeed(deriveSeed(seed, `population/n30`)));
  const ga = getAlgorithm('genetic');
  const r = ga.run(problem, ga.paramsSchema.parse({}), { rng: Rng.fromSeed(deriveSeed(seed, 'genetic')), initialPopulation: population });
  console.log('seed', seed);
  for (let g = 0; g <= 90; g += 10) { const t = r.trace[g]; console.log(g, t.durationScore.toFixed(3), t.userGroupScore.toFixed(3), t.startScore.toFixed(3), t.fitness.toFixed(3)); }
  console.log('starts', r.best.schedules.map((s) => s.start).join(' '));
  console.log('prio  ', problem.experiments.map((e) => e.priority).join(' '));
}
