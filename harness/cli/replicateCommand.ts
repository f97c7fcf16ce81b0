import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DATA_SPEC_HELP } from '../../datasets/dataSource.js';
import { DEFAULT_KEEP_BEST, KEEP_BEST_MODES } from '../output/bestSchedules.js';
import { parseShard } from '../plan/shard.js';
import { PAPER_CONFIG, QUICK_CONFIG } from '../replicate/projectPaths.js';
import { replicate } from '../replicate/replicate.js';
import { syncJournal } from '../journal/journal.js';
import { formatSeconds } from '../run/progressReporter.js';
import { InputError } from '../../algorithms/problem/inputError.js';
import { isSimulationConfig } from '../config/isSimulationConfig.js';
import { optionGiven } from './optionGiven.js';
import { runCli } from './runCli.js';
import { simulationCommand } from './simulationCommand.js';
import type { StopSignals } from './stopSignals.js';

/** `npm run replicate`: runs the paper's evaluation (or any study config) and writes its tables. */
export async function replicateCommand(stop: StopSignals): Promise<void> {
  await runCli(() => main(stop));
  // a stopped run may leave work behind that must not keep the process alive (figures being rendered)
  if (stop.received()) process.exit(stop.exitCode());
}

async function main(stop: StopSignals): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('npm run replicate --')
    .usage(`$0 [--quick | --config FILE] [options]

Runs the studies of a config (default configs/paper.json: calibration, maximum fitness, scaling, re-evaluation — spec §11) on all cores and writes results/runs/<config>/ (ignored by git; the committed reference run is made by npm run reference): journal.jsonl, best/, trials.csv, traces.csv, tables/*.csv, manifest.json, then the figures.

Finished trials are journaled at once: after Ctrl-C or a crash, run the same command to resume.

A simulation config (configs/simulation*.json, "kind": "simulation") runs its simulated runs instead, with the same journal (runs.jsonl), resume, --shard and npm run merge; see npm run simulate -- --help for what it writes.`)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .option('quick', { type: 'boolean', describe: 'configs/quick.json: every study on a tiny grid (< 1 min)' })
    .option('config', { type: 'string', requiresArg: true, describe: 'study config JSON (default configs/paper.json)' })
    .option('only', { type: 'string', requiresArg: true, describe: 'comma-separated studies to run, by their "name" in the config or their kind (a kind selects every study of it), e.g. scaling,reevaluation' })
    .option('data', { type: 'string', requiresArg: true, describe: `data source, overrides the config's: ${DATA_SPEC_HELP}` })
    .option('workers', { type: 'number', requiresArg: true, default: availableParallelism(), describe: 'worker threads (default: cores)' })
    .option('shard', { type: 'string', requiresArg: true, describe: 'run only slice i of N (1-based, e.g. 2/4); merge the folders with npm run merge' })
    .option('run-seed', { type: 'number', requiresArg: true, describe: 'seed of the runs\' randomness (trial seeds, shared initial populations) instead of the config\'s baseSeed; experiment sets and re-evaluation\'s base schedule keep the config\'s, so two run seeds solve the same instances (recorded in manifest.json)' })
    .option('out', { type: 'string', requiresArg: true, describe: 'results folder (default results/runs/<config name>, with --run-seed N results/runs/<config name>-run-seed-N, shards …/shard-i-of-N)' })
    .option('retry-failed', { type: 'boolean', default: false, describe: 'run again the trials the journal records as failed' })
    .option('allow-mixed-versions', { type: 'boolean', default: false, describe: 'keep journal records made by other code (refused otherwise); every version goes into manifest.json and a version column of trials.csv' })
    .option('repair-journal', { type: 'boolean', default: false, describe: 'move corrupt journal lines to journal.jsonl.corrupt and accept a journal that lost records: those trials run again' })
    .option('keep-best', { choices: KEEP_BEST_MODES, default: DEFAULT_KEEP_BEST, describe: 'best/: the best schedule of each cell (study × algorithm × setting × set × size, over its repetitions), or every trial\'s' })
    .option('figures', { type: 'boolean', default: true, describe: 'render figures at the end (--no-figures to skip)' })
    .option('yes', { type: 'boolean', default: false, describe: 'run plans of more than 100000 trials (up to 1000000; refused otherwise, with the count and estimated time)' })
    .option('dry-run', { type: 'boolean', default: false, describe: 'print the plan and its estimated time; run nothing' })
    .conflicts('quick', 'config')
    .check((argv) => {
      if (argv.workers !== undefined && (!Number.isInteger(argv.workers) || argv.workers < 1)) throw new Error('--workers must be an integer ≥ 1');
      if (argv.shard !== undefined) parseShard(argv.shard);
      // seeds are derived from 32 bits of it (deriveSeed): a larger value would alias a smaller one
      if (argv['run-seed'] !== undefined && !(Number.isInteger(argv['run-seed']) && argv['run-seed'] >= -(2 ** 31) && argv['run-seed'] < 2 ** 31)) throw new Error('--run-seed must be an integer between -2147483648 and 2147483647');
      return true;
    })
    .example('$0 --quick', 'smoke run of every study')
    .example('$0 --only scaling --data fenrir:../shared/data/fenrir', 'the scaling study on the replication package data')
    .example('$0 --quick --run-seed 2', 'the quick config with other random streams on the same instances (results/runs/quick-run-seed-2; compare with npm run compare)')
    .example('$0 --config configs/simulation.json', 'the simulation study (rolling re-planning under uncertainty) into results/runs/simulation')
    .example('$0 --shard 2/4', 'one of four machines (results/runs/paper/shard-2-of-4); then: npm run merge -- results/runs/paper/shard-* --out results/runs/paper')
    .strict()
    .help()
    .parseAsync();

  const configPath = args.config ?? (args.quick ? QUICK_CONFIG : PAPER_CONFIG);
  if (isSimulationConfig(configPath)) {
    // a simulation study (harness/simulation/): runs, not trials — the same journal, resume, shards and merge
    const unfit = ['only', 'run-seed', 'retry-failed', 'allow-mixed-versions', 'repair-journal', 'keep-best', 'yes'].filter((name) => optionGiven(name));
    if (unfit.length > 0) {
      throw new InputError(configPath, undefined, `${unfit.map((name) => `--${name}`).join(', ')} ${unfit.length === 1 ? 'does' : 'do'} not apply to a simulation study (its options: --data, --workers, --shard, --out, --figures, --dry-run)`);
    }
    await simulationCommand({
      configPath,
      ...(args.out !== undefined ? { out: args.out } : {}),
      ...(args.data !== undefined ? { data: args.data } : {}),
      ...(args.shard !== undefined ? { shard: parseShard(args.shard) } : {}),
      workers: args.workers,
      figures: args.figures,
      fresh: false,
      dryRun: args['dry-run'],
      quiet: false,
      signal: stop.signal,
      stopExitCode: () => stop.exitCode(),
      command: 'npm run replicate',
    });
    return;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  const summary = await replicate({
    configPath,
    only: args.only?.split(',').map((name) => name.trim()).filter((name) => name !== ''),
    data: args.data,
    workers: args.workers,
    shard: args.shard ? parseShard(args.shard) : undefined,
    out: args.out,
    retryFailed: args['retry-failed'],
    allowMixedVersions: args['allow-mixed-versions'],
    repairJournal: args['repair-journal'],
    figures: args.figures,
    keepBest: args['keep-best'],
    ...(args['run-seed'] !== undefined ? { runSeed: args['run-seed'] } : {}),
    dryRun: args['dry-run'],
    yes: args.yes,
    signal: stop.signal,
    onJournalOpened: (journal) => stop.onForce(() => syncJournal(journal)),
    // another process took the folder over (this one stalled past the stale time): stop writing at once
    onLockLost: () => process.exit(1),
    log,
  });
  const folder = relative(process.cwd(), summary.folder) || '.';
  if (summary.status === 'interrupted') {
    log(`interrupted: ${summary.alreadyDone + summary.ran} of ${summary.selected} selected trials are in ${folder}/journal.jsonl; run the same command again to resume`);
    process.exitCode = stop.exitCode() ?? 130;
    return;
  }
  if (summary.status !== 'dry-run') {
    const wall = formatSeconds((performance.now() - started) / 1000);
    const report = join(summary.folder, 'report.html');
    const where = args.figures && existsSync(report) ? `report: ${relative(process.cwd(), report)}` : `tables in ${folder}/tables/`;
    log(`done: ${summary.ran} trial(s) run, ${summary.failed} failed${summary.alreadyDone > 0 ? `, ${summary.alreadyDone} resumed from the journal` : ''}, ${wall} wall time (${summary.status}); ${where}`);
  }
  if (summary.figureErrors > 0) {
    log(`error: ${summary.figureErrors} figure(s) or report part(s) failed (see above); the results and the other figures are written`);
    process.exitCode = 1;
  }
}

