// scratch: GA mean on n mid experiments over seeds [from, to]
import { samplePopulation } from '../algorithms/operators/samplePopulation.js';
import { createProblem } from '../algorithms/problem/problem.js';
import { deriveSeed, Rng } from '../algorithms/random/rng.js';
import { getAlgorithm } from '../algorithms/registry.js';
import { openDataSource } from '../datasets/dataSource.js';
const [size, from, to] = process.argv.slice(2).map(Number);
const source = openDataSource('fenrir:../shared/data/fenrir');
const problem = createProblem(source.profile(), source.experimentSet(size, 'mid', 1));
const params = JSON.parse(process.env.GA_PARAMS ?? '{}');
const out: number[] = []; const out2: number[][] = [];
for (let seed = from; seed <= to; seed++) {
  const population = samplePopulation(problem, 40, Rng.fromSeed(deriveSeed(seed, `population/n${size}`)));
  const ga = getAlgorithm(process.env.ALGO ?? 'genetic');
  const r = ga.run(problem, ga.paramsSchema.parse(params), { rng: Rng.fromSeed(deriveSeed(seed, 'genetic')), initialPopulation: population });
  out.push(r.best.fitness);
  out2.push([r.best.durationScore, r.best.userGroupScore, r.best.startScore]);
}
console.log('F', (out.reduce((a, b) => a + b, 0) / out.length).toFixed(3), 'D U S', [0,1,2].map((k) => (out2.reduce((a, r) => a + r[k], 0) / out2.length).toFixed(3)).join(' '));
