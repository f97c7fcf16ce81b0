import { availableParallelism } from 'node:os';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { InputError } from '../../algorithms/problem/inputError.js';
import { dataOption } from '../../datasets/dataSource.js';
import { parseShard } from '../plan/shard.js';
import { optionGiven } from './optionGiven.js';
import { simulationCommand } from './simulationCommand.js';
import { runCli } from './runCli.js';

/** `npm run simulate`: a simulation study — rolling re-planning under uncertainty (harness/simulation/). */
async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('npm run simulate --')
    .usage('$0 --config FILE [--out DIR] [options]\n\n' +
      'Simulates scheduling under uncertainty hour by hour: the world sends its true traffic while the planner sees a forecast, ' +
      'experiments keep arriving, canaries fail and are rolled back once a Mann–Whitney canary analysis of their latency notices, ' +
      'and the plan is re-made every k hours with a registered algorithm (spec §10 re-scheduling). Runs every scenario of the ' +
      'config\'s sweep and repetitions, and writes simulations.csv (one row per run), experiments.csv, events.csv, summary.csv, ' +
      'replanning-gain.csv, best-algorithm.csv, report.md, timings.csv, simulation.json, runs.jsonl (the journal of finished runs: an interrupted study goes on from it) and figures/ (outcome vs re-planning policy, ' +
      'outcome vs forecast, the timeline of one run) into DIR.')
    .option('config', { type: 'string', demandOption: true, describe: 'simulation config (configs/simulation*.json)' })
    .option('out', { type: 'string', describe: 'output folder (default results/runs/<config name>, ignored by git); files in it are replaced' })
    .options(dataOption)
    .option('workers', { type: 'number', default: availableParallelism(), describe: 'worker threads (the outputs do not depend on it)' })
    .option('figures', { type: 'boolean', default: true, describe: 'render figures/ (Vega-Lite → SVG, PNG, PDF); --no-figures writes only the tables and the report' })
    .option('fresh', { type: 'boolean', default: false, describe: `delete the journal of finished runs (DIR/runs.jsonl) and run everything; by default a study goes on from the runs it holds` })
    .option('shard', { type: 'string', requiresArg: true, describe: 'run only slice i of N of the runs (1-based, e.g. 2/4; default folder …/shard-i-of-N); merge the folders with npm run merge' })
    .option('dry-run', { type: 'boolean', default: false, describe: 'list the runs and stop' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress lines on stderr' })
    .example('$0 --config configs/simulation-quick.json', 'the smoke study (seconds)')
    .example('$0 --config configs/simulation.json', 'the full study: algorithm × re-planning interval × forecast error')
    .wrap(Math.min(120, process.stdout.columns ?? 100))
    .check((argv) => {
      if (argv.shard !== undefined) parseShard(argv.shard);
      return true;
    })
    .fail((message, error) => {
      throw error ?? new InputError('arguments', undefined, message.replace(/\s*\n\s*/g, ' '));
    })
    .strict()
    .help()
    .parseAsync();
  // --data only when given: the default of dataOption is not the config's data source
  const data = optionGiven('data') ? args.data : undefined;
  await simulationCommand({
    configPath: args.config,
    ...(args.out !== undefined ? { out: args.out } : {}),
    ...(data !== undefined ? { data } : {}),
    ...(args.shard !== undefined ? { shard: parseShard(args.shard) } : {}),
    workers: args.workers,
    figures: args.figures,
    fresh: args.fresh,
    dryRun: args['dry-run'],
    quiet: args.quiet,
    command: 'npm run simulate',
  });
}

await runCli(main);
