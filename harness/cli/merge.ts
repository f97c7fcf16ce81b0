import { relative, resolve } from 'node:path';
import { InputError } from '../../algorithms/problem/inputError.js';
import { mergeSimulations } from '../merge/mergeSimulations.js';
import { isSimulationFolder } from '../simulation/simulationManifest.js';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { assertNotLocked, lockFolder } from '../io/folderLock.js';
import { mergeResults } from '../merge/mergeResults.js';
import { KEEP_BEST_MODES } from '../output/bestSchedules.js';
import { optionGiven } from './optionGiven.js';
import { runCli } from './runCli.js';

/** `npm run merge -- DIR… --out DIR`: combines shard (or partial) results folders of one config. */
async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('npm run merge --')
    .usage(`$0 DIR… --out DIR

Combines results folders of the same config and data source — the shards of npm run replicate -- --shard i/N — into one: journal, best schedules, trials.csv, traces.csv, tables/ and manifest.json, equal to a single-machine run apart from timing.

Folders of a simulation study (simulation.json, runs.jsonl) merge the same way: the union of their journals, then every table, the report and the figures once every run is there.`)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .option('out', { type: 'string', requiresArg: true, demandOption: true, describe: 'merged results folder (may be one of the inputs)' })
    .option('allow-mixed-versions', { type: 'boolean', default: false, describe: 'merge records made by different code (refused otherwise); every version goes into manifest.json and a version column of trials.csv' })
    .option('keep-best', { choices: KEEP_BEST_MODES, describe: 'best/: the best schedule of each cell, or every trial\'s (default: all when every folder kept all, else cell)' })
    .option('figures', { type: 'boolean', default: true, describe: 'simulation studies: render figures/ with the tables (--no-figures to skip)' })
    .demandCommand(1, 'name at least one results folder to merge')
    .example('$0 results/runs/paper/shard-* --out results/runs/paper', 'after four shards of the paper config')
    .example('$0 results/runs/simulation/shard-* --out results/runs/simulation', 'after the shards of the simulation study')
    .strict()
    .help()
    .parseAsync();
  const inputs = args._.map(String);
  for (const input of inputs) if (resolve(input) !== resolve(args.out)) assertNotLocked(input);
  const simulations = inputs.filter(isSimulationFolder);
  if (simulations.length > 0) {
    if (simulations.length < inputs.length) {
      const other = inputs.find((input) => !simulations.includes(input))!;
      throw new InputError(other, undefined, `not a simulation study's folder, unlike ${simulations[0]}: a simulation study and trials cannot be merged`);
    }
    for (const option of ['allow-mixed-versions', 'keep-best'] as const) {
      if (optionGiven(option)) throw new InputError(`--${option}`, undefined, 'does not apply to simulation studies');
    }
    // the study locks the destination itself (harness/simulation/runSimulationStudy)
    const summary = await mergeSimulations(inputs, args.out, { figures: args.figures, log: (line) => process.stderr.write(`${line}\n`) });
    const folder = relative(process.cwd(), summary.folder) || '.';
    process.stderr.write(`merged ${summary.runs.length} of ${summary.planned} simulated runs into ${folder} (${summary.status}` +
      `${summary.missing > 0 ? `: ${summary.missing} missing — run the missing shards and merge again` : `: ${summary.files.join(', ')}`})\n`);
    return;
  }
  const lock = lockFolder(resolve(args.out), 'npm run merge');
  let summary;
  try {
    summary = mergeResults(inputs, args.out, { allowMixedVersions: args['allow-mixed-versions'], ...(args['keep-best'] ? { keepBest: args['keep-best'] } : {}) });
  } finally {
    lock.release();
  }
  const folder = relative(process.cwd(), summary.folder) || '.';
  process.stderr.write(`merged ${summary.merged} of ${summary.planned} trials into ${folder} (${summary.status}${summary.missing > 0 ? `: ${summary.missing} missing — run the missing shards and merge again` : ''})\n`);
}

await runCli(main);
