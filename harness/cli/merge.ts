import { relative, resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { assertNotLocked, lockFolder } from '../io/folderLock.js';
import { mergeResults } from '../merge/mergeResults.js';
import { KEEP_BEST_MODES } from '../output/bestSchedules.js';
import { runCli } from './runCli.js';

/** `npm run merge -- DIR… --out DIR`: combines shard (or partial) results folders of one config. */
async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('npm run merge --')
    .usage(`$0 DIR… --out DIR

Combines results folders of the same config and data source — the shards of npm run replicate -- --shard i/N — into one: journal, best schedules, trials.csv, traces.csv, tables/ and manifest.json, equal to a single-machine run apart from timing.`)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .option('out', { type: 'string', requiresArg: true, demandOption: true, describe: 'merged results folder (may be one of the inputs)' })
    .option('allow-mixed-versions', { type: 'boolean', default: false, describe: 'merge records made by different code (refused otherwise); every version goes into manifest.json and a version column of trials.csv' })
    .option('keep-best', { choices: KEEP_BEST_MODES, describe: 'best/: the best schedule of each cell, or every trial\'s (default: all when every folder kept all, else cell)' })
    .demandCommand(1, 'name at least one results folder to merge')
    .example('$0 results/runs/paper/shard-* --out results/runs/paper', 'after four shards of the paper config')
    .strict()
    .help()
    .parseAsync();
  const inputs = args._.map(String);
  for (const input of inputs) if (resolve(input) !== resolve(args.out)) assertNotLocked(input);
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
