/**
 * The hardness of every benchmark instance as a Markdown table (datasets/README.md shows it):
 * per family level and size, load, peak load, the greedy's fitness and whether it starts
 * everything at hour 0, the certified upper bound and the greedy's gap to it. The sets are the
 * studies' (set seed from configs/paper.json's baseSeed), so the figures are those of
 * `npm run replicate -- --config configs/benchmark.json` and of `npm run schedule -- --set bench/…`.
 *
 *   npx tsx scripts/benchmarkHardness.ts [--data builtin|fenrir:<folder>] [--sizes 10,30]
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { upperBound } from '../algorithms/bounds/upperBound.js';
import { greedySchedule } from '../algorithms/greedy.js';
import { createProblem } from '../algorithms/problem/problem.js';
import { benchmarkLevel, benchmarkSetNames } from '../datasets/benchmark/benchmarkSets.js';
import { measureHardness } from '../datasets/benchmark/instanceHardness.js';
import { dataOption, openDataSource } from '../datasets/dataSource.js';
import { loadExperimentSet } from '../datasets/experimentSets.js';
import { experimentSetSeed, paperBaseSeed } from '../harness/plan/experimentSetSeed.js';

const args = await yargs(hideBin(process.argv))
  .options(dataOption)
  .option('sizes', { type: 'string', default: '10,30', describe: 'set sizes, comma-separated' })
  .strict()
  .parseAsync();
const data = openDataSource(args.data);
const sizes = args.sizes.split(',').map(Number);
const fixed = (value: number, digits: number) => value.toFixed(digits);

const lines = [
  '| set | n | load | peak load | greedy all at hour 0 | greedy F | upper bound | greedy gap |',
  '|---|---|---|---|---|---|---|---|',
];
for (const name of benchmarkSetNames()) {
  benchmarkLevel(name);
  for (const size of sizes) {
    const { profile, experiments } = loadExperimentSet(data, name, size, experimentSetSeed(paperBaseSeed(), name));
    const problem = createProblem(profile, experiments, { source: `${name} n${size}` });
    const hardness = measureHardness(problem, (instance) => greedySchedule(instance));
    const { bound } = await upperBound(problem);
    const gap = (bound - hardness.greedyFitness!) / bound;
    lines.push(`| ${name} | ${size} | ${fixed(hardness.load, 2)} | ${fixed(hardness.peakLoad, 2)} | ${hardness.greedyAllAtZero ? 'yes' : 'no'} | ${fixed(hardness.greedyFitness!, 4)} | ${fixed(bound, 4)} | ${fixed(100 * gap, 1)} % |`);
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
