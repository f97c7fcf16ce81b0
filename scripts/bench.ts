/**
 * `npm run bench [-- --json] [--only NAME,…]`: the project's speed measurements, one core.
 * Each case runs a warm-up, then batches; it reports the median time per call over batches.
 * The cases (scripts/benchCases.ts) run in a worker thread, as the trials of `npm run replicate` do.
 * The scale cases (scripts/scaleCases.ts) are whole runs on 300–1000 experiments, one fresh process
 * each, with their peak memory; `--growth` prints the cost growth over set sizes as a table.
 */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { BenchResult } from './benchCases.js';
import { DEFAULT_GROWTH, formatGrowthTable, measureGrowth, runScaleSpecInChild, SCALE_CASES, type GrowthOptions } from './scaleCases.js';

async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('npm run bench --')
    .usage('$0 [--only NAME,…] [--json]\n\nTimes the model and the algorithms (median per call after warm-up, one worker thread).')
    .option('json', { type: 'boolean', default: false, describe: 'machine-readable output' })
    .option('only', { type: 'string', describe: 'comma-separated substrings of case names to run' })
    .option('in-process', {
      type: 'boolean', default: false,
      describe: 'run the cases in this process instead of a worker: shows the cost of the detach checks that loading yargs under tsx brings (scripts/benchCases.ts)',
    })
    .option('growth', { type: 'boolean', default: false, describe: 'instead of the cases: time and peak memory of whole runs per set size (a Markdown table; README "Scale")' })
    .option('sizes', { type: 'string', default: DEFAULT_GROWTH.sizes.join(','), describe: 'set sizes of --growth' })
    .option('algorithms', { type: 'string', default: DEFAULT_GROWTH.algorithms.join(','), describe: 'algorithms of --growth (default budgets)' })
    .option('ress', { choices: ['low', 'mid', 'high'] as const, default: DEFAULT_GROWTH.ress, describe: 'RESS variant of the --growth sets (builtin data)' })
    .option('sampler', { choices: ['robust', 'as-published'] as const, default: DEFAULT_GROWTH.sampler, describe: 'sampler of the start populations in --growth' })
    .strict().help().parseAsync();
  if (args.growth) {
    const sizes = args.sizes.split(',').map((s) => Number(s.trim()));
    if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--sizes: "${args.sizes}" is not a list of positive integers`);
    const options: GrowthOptions = { sizes, algorithms: args.algorithms.split(',').map((s) => s.trim()).filter(Boolean), ress: args.ress, sampler: args.sampler };
    const rows = measureGrowth(options, (row) => {
      if (!args.json) console.error(`  ${row.algorithm} on ${options.ress}:${row.size}: ${row.result ? `${(row.result.samplingSeconds + row.result.runSeconds).toFixed(2)} s, ${Math.round(row.result.peakRssBytes / 1024 ** 2)} MB` : row.error}`);
    });
    const environment = { node: process.version, cpu: (await import('node:os')).cpus()[0]?.model, loadAverage: (await import('node:os')).loadavg() };
    if (args.json) console.log(JSON.stringify({ ...environment, options, rows }, null, 2));
    else console.log(`${formatGrowthTable(rows)}\n\nbuiltin data, ${options.ress} sets, ${options.sampler} sampler, default budgets; start populations of 40 for GA/LS/SA; ${environment.cpu}, Node ${environment.node}, load average ${environment.loadAverage.map((v) => v.toFixed(1)).join(' ')}`);
    return;
  }
  const filters = args.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const results: BenchResult[] = [];
  const report = (result: BenchResult) => {
    results.push(result);
    if (!args.json) {
      const goal = result.goalMicroseconds === undefined ? '' :
        `  (goal ≤ ${formatTime(result.goalMicroseconds)}: ${result.medianMicroseconds <= result.goalMicroseconds ? 'met' : 'MISSED'})`;
      console.log(`${formatTime(result.medianMicroseconds).padStart(10)} median  ${result.name}${goal}`);
    }
  };
  if (args.inProcess) {
    const { runBenchCases } = await import('./benchCases.js');
    await runBenchCases(filters, report);
  } else {
    const worker = new Worker(new URL('./benchWorker.mjs', import.meta.url), { workerData: { filters } });
    worker.on('message', report);
    const exitCode = await new Promise<number>((done, failed) => {
      worker.on('error', failed);
      worker.on('exit', done);
    });
    if (exitCode !== 0) throw new Error(`the benchmark worker stopped with exit code ${exitCode}`);
  }
  for (const scaleCase of SCALE_CASES) {
    if (filters?.length && !filters.some((f) => scaleCase.name.includes(f))) continue;
    const run = runScaleSpecInChild(scaleCase.spec);
    const totalSeconds = run.samplingSeconds + run.runSeconds;
    const goal = scaleCase.goal;
    results.push({
      name: scaleCase.name,
      medianMicroseconds: totalSeconds * 1e6,
      minMicroseconds: totalSeconds * 1e6,
      calls: 1,
      goalMicroseconds: goal && goal.seconds * 1e6,
      peakRssBytes: run.peakRssBytes,
      goalPeakRssBytes: goal?.peakBytes,
      cpuMicroseconds: run.cpuSeconds * 1e6,
      fitness: run.fitness,
    });
    if (!args.json) {
      const met = goal && totalSeconds <= goal.seconds && run.peakRssBytes <= goal.peakBytes;
      const goalText = goal ? `  (goal ≤ ${goal.seconds} s and ≤ ${(goal.peakBytes / 1024 ** 3).toFixed(0)} GB: ${met ? 'met' : 'MISSED'})` : '';
      console.log(`${formatTime(totalSeconds * 1e6).padStart(10)} total   ${scaleCase.name}: sampling ${run.samplingSeconds.toFixed(2)} s + run ${run.runSeconds.toFixed(2)} s, CPU ${run.cpuSeconds.toFixed(1)} s, peak ${Math.round(run.peakRssBytes / 1024 ** 2)} MB, fitness ${run.fitness.toFixed(4)}${run.valid ? '' : ' INVALID'}${goalText}`);
    }
  }
  if (args.json) {
    console.log(JSON.stringify({ node: process.version, cpu: (await import('node:os')).cpus()[0]?.model, results }, null, 2));
  }
}

function formatTime(microseconds: number): string {
  if (microseconds >= 1e6) return `${(microseconds / 1e6).toFixed(2)} s`;
  if (microseconds >= 1e3) return `${(microseconds / 1e3).toFixed(1)} ms`;
  return `${microseconds.toFixed(1)} µs`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
