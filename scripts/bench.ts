/**
 * `npm run bench [-- --json] [--only NAME,…]`: the project's speed measurements, one core.
 * Each case runs a warm-up, then batches; it reports the median time per call over batches.
 * The cases (scripts/benchCases.ts) run in a worker thread, as the trials of `npm run replicate` do.
 */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { BenchResult } from './benchCases.js';

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
    .strict().help().parseAsync();
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
