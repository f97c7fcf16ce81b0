/**
 * How tight the certified upper bounds are on the paper's experiment sets: for every size and RESS
 * of a data source, the bound (algorithms/bounds), which of its parts decided it, and the best
 * fitness known from two quick runs — `greedy`, and `local-search` started from the greedy solution
 * (3000 iterations, seed 1) — with the gap (bound − best) / bound.
 *
 *   npx tsx scripts/paperBounds.ts [--data builtin|fenrir[:<folder>]] [--sizes 10,30,50,70]
 *
 * Prints a Markdown table; deterministic (no time limits).
 */
import { parseArgs } from 'node:util';
import { upperBound } from '../algorithms/bounds/upperBound.js';
import { createProblem } from '../algorithms/problem/problem.js';
import { Rng } from '../algorithms/random/rng.js';
import { getAlgorithm } from '../algorithms/registry.js';
import { RESS_VARIANTS } from '../datasets/baselineExperiments.js';
import { openDataSource } from '../datasets/dataSource.js';

const { values } = parseArgs({ options: { data: { type: 'string', default: 'builtin' }, sizes: { type: 'string', default: '10,20,30,40,50,60,70' } } });
const source = openDataSource(values.data!);
const sizes = values.sizes!.split(',').map(Number);
console.log(`data: ${source.name}\n`);
console.log('| RESS | n | bound | decided by | greedy | LS from greedy | gap of best |');
console.log('|---|---|---|---|---|---|---|');
for (const ress of RESS_VARIANTS) {
  for (const size of sizes) {
    const problem = createProblem(source.profile(), source.experimentSet(size, ress, 1), { source: `${source.name} ${ress} n${size}` });
    const bound = await upperBound(problem);
    const run = (name: string, params: Record<string, unknown>) => {
      const algorithm = getAlgorithm(name);
      const result = algorithm.run(problem, algorithm.paramsSchema.parse(params), { rng: Rng.fromSeed(1) });
      if (!result.best.valid) throw new Error(`${name} returned an invalid schedule on ${ress} n${size}`);
      return result.best.fitness;
    };
    const greedy = run('greedy', {});
    const seeded = run('local-search', { initialization: 'greedy', iterations: 3000 });
    const best = Math.max(greedy, seeded);
    const capacity = bound.capacity ? ` (LP ${bound.capacity.converged ? 'converged' : 'not converged'}, ${bound.capacity.rounds} rounds, ${bound.milliseconds.toFixed(0)} ms)` : '';
    console.log(`| ${ress} | ${size} | ${bound.bound.toFixed(4)} | ${bound.method}${bound.method === 'capacity' ? capacity : ''} | ${greedy.toFixed(4)} | ${seeded.toFixed(4)} | ${(((bound.bound - best) / bound.bound) * 100).toFixed(2)} % |`);
  }
}
