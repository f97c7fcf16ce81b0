/**
 * `npx tsx scripts/qualityStudy.ts [--data SPEC] [--seeds 5] [--sizes 10,30] [--ress mid] [--param key=value …]`
 *
 * Solution quality at the paper's budgets (GA 40 × 90, LS/SA 3000 iterations, RS 40 samples):
 * per size and seed one shared initial population (the paper's fairness set-up: RS's sample is
 * where GA, LS and SA start), then every algorithm from its own seeded stream. Prints a markdown
 * table of mean fitness (± standard deviation) and of mean D/U/S, plus the issue's quality bars.
 * A study, not a test: it takes about a minute.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { samplePopulation } from '../algorithms/operators/samplePopulation.js';
import { createProblem } from '../algorithms/problem/problem.js';
import { deriveSeed, Rng } from '../algorithms/random/rng.js';
import { getAlgorithm } from '../algorithms/registry.js';
import { openDataSource, type Ress } from '../datasets/dataSource.js';
import { findFenrirFolder } from '../datasets/fenrirLocation.js';
import { defaultParams, parseParamAssignments, resolveParams } from '../harness/schedule/algorithmParams.js';

/** The paper's budgets (spec §7, §8, §11); `name` is the registry name. */
const ALGORITHMS = [
  { label: 'GA', name: 'genetic', params: { populationSize: 40, generations: 90 } },
  { label: 'LS', name: 'local-search', params: { iterations: 3000 } },
  { label: 'SA', name: 'simulated-annealing', params: { iterations: 3000 } },
  { label: 'RS', name: 'random-sampling', params: { populationSize: 40 } },
] as const;

interface Outcome { fitness: number; d: number; u: number; s: number; ms: number; valid: boolean }

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const sd = (values: number[]) => {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / Math.max(1, values.length - 1));
};

async function main(): Promise<void> {
  const fenrir = findFenrirFolder();
  const args = await yargs(hideBin(process.argv))
    .option('data', { type: 'string', default: fenrir ? `fenrir:${fenrir}` : 'builtin', describe: 'data source spec (as --data of the CLIs)' })
    .option('seeds', { type: 'number', default: 5 })
    .option('sizes', { type: 'string', default: '10,30' })
    .option('ress', { type: 'string', default: 'mid', choices: ['low', 'mid', 'high'] })
    .option('param', { type: 'string', array: true, default: [], describe: 'key=value for every algorithm that has the parameter, e.g. maxMoveHours=96' })
    .strict().help().parseAsync();
  const extra = parseParamAssignments(args.param);
  for (const key of Object.keys(extra)) {
    if (!ALGORITHMS.some(({ name }) => key in defaultParams(getAlgorithm(name)))) throw new Error(`--param ${key}: no algorithm of the study has this parameter`);
  }
  // each algorithm's parameters, resolved once: the paper's budget plus the --param keys it has
  const paramsOf = new Map(ALGORITHMS.map(({ name, params }) => {
    const algorithm = getAlgorithm(name);
    const known = defaultParams(algorithm);
    const applicable = Object.fromEntries(Object.entries(extra).filter(([key]) => key in known));
    return [name, resolveParams(algorithm, { ...params, ...applicable })];
  }));
  const source = openDataSource(args.data);
  const sizes = args.sizes.split(',').map(Number);
  const results = new Map<string, Outcome[]>(); // `${label}/${size}` → outcomes

  for (const size of sizes) {
    const problem = createProblem(source.profile(), source.experimentSet(size, args.ress as Ress, 1));
    for (let seed = 1; seed <= args.seeds; seed++) {
      const population = samplePopulation(problem, 40, Rng.fromSeed(deriveSeed(seed, `population/n${size}`)));
      for (const { label, name } of ALGORITHMS) {
        const algorithm = getAlgorithm(name);
        const started = performance.now();
        const { best } = algorithm.run(problem, paramsOf.get(name), { rng: Rng.fromSeed(deriveSeed(seed, name)), initialPopulation: population });
        const outcome = { fitness: best.fitness, d: best.durationScore, u: best.userGroupScore, s: best.startScore, ms: performance.now() - started, valid: best.valid };
        const key = `${label}/${size}`;
        results.set(key, [...(results.get(key) ?? []), outcome]);
        process.stderr.write(`n${size} seed ${seed} ${label}: F ${best.fitness.toFixed(4)} (${(outcome.ms / 1000).toFixed(1)} s)\n`);
      }
    }
  }

  const cell = (label: string, size: number, pick: (o: Outcome) => number, digits = 3) => {
    const values = results.get(`${label}/${size}`)!.map(pick);
    return `${mean(values).toFixed(digits)} ± ${sd(values).toFixed(digits)}`;
  };
  const lines = [
    `Mean fitness over ${args.seeds} seeds, ${args.ress} RESS, ${source.name} (shared initial population per seed; GA 40×90, LS/SA 3000 it., RS 40${args.param.length > 0 ? `; ${args.param.join(', ')}` : ''})`,
    '',
    `| algorithm | ${sizes.map((n) => `F, ${n} exp.`).join(' | ')} | ${sizes.map((n) => `D / U / S, ${n} exp.`).join(' | ')} | ${sizes.map((n) => `time, ${n} exp.`).join(' | ')} | valid |`,
    `|---|${sizes.map(() => '---:').join('|')}|${sizes.map(() => '---').join('|')}|${sizes.map(() => '---:').join('|')}|---|`,
  ];
  for (const { label } of ALGORITHMS) {
    const dus = sizes.map((n) => ['d', 'u', 's'].map((k) => mean(results.get(`${label}/${n}`)!.map((o) => o[k as 'd' | 'u' | 's'])).toFixed(3)).join(' / '));
    const times = sizes.map((n) => `${(mean(results.get(`${label}/${n}`)!.map((o) => o.ms)) / 1000).toFixed(2)} s`);
    const valid = sizes.every((n) => results.get(`${label}/${n}`)!.every((o) => o.valid)) ? 'all' : 'NOT ALL';
    lines.push(`| ${label} | ${sizes.map((n) => cell(label, n, (o) => o.fitness)).join(' | ')} | ${dus.join(' | ')} | ${times.join(' | ')} | ${valid} |`);
  }
  const meanOf = (label: string, size: number) => mean(results.get(`${label}/${size}`)?.map((o) => o.fitness) ?? [Number.NaN]);
  if (sizes.includes(10) && sizes.includes(30)) {
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    lines.push('', 'Issue bars:',
      `- GA ≥ 0.75 on 10: ${meanOf('GA', 10).toFixed(3)} → ${verdict(meanOf('GA', 10) >= 0.75)}`,
      `- GA ≥ 0.70 on 30: ${meanOf('GA', 30).toFixed(3)} → ${verdict(meanOf('GA', 30) >= 0.70)}`,
      `- LS ≥ GA − 0.05 on 10: ${meanOf('LS', 10).toFixed(3)} vs ${(meanOf('GA', 10) - 0.05).toFixed(3)} → ${verdict(meanOf('LS', 10) >= meanOf('GA', 10) - 0.05)}`,
      `- RS well below GA: ${sizes.map((n) => `${n} exp. RS ${meanOf('RS', n).toFixed(3)} vs GA ${meanOf('GA', n).toFixed(3)}`).join('; ')}`);
  }
  console.log(lines.join('\n'));
}

await main();
