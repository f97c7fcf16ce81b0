import { availableParallelism } from 'node:os';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { PAPER_CONFIG } from '../replicate/projectPaths.js';
import { describeReference, referenceRun } from '../replicate/referenceRun.js';
import { runCli } from './runCli.js';
import type { StopSignals } from './stopSignals.js';

/** `npm run reference`: regenerates the committed reference run results/reference/<config>/ from a clean tree. */
export async function referenceCommand(stop: StopSignals): Promise<void> {
  await runCli(() => main(stop));
  if (stop.received()) process.exit(stop.exitCode());
}

async function main(stop: StopSignals): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('npm run reference --')
    .usage(`$0 [--config FILE] [options]

Regenerates the committed reference run results/reference/<config name>/ (default configs/paper.json: ≈ 3 min on 2 idle cores) on purpose: refuses a working tree with changes or untracked files, runs the config at HEAD into the ignored results/runs/reference-<commit>/<config>/ (resumable), renders figures and report, takes report-screenshot.png (headless Chromium), checks that HEAD and the tree did not change meanwhile, then replaces results/reference/<config>/ with the run's derived files (no journal, traces or best schedules). Commit the folder afterwards; its manifest.json records the commit it was made at.

A simulation config (--config configs/simulation.json) gives results/reference/simulation/: the study's tables, report.md, figures and simulation.json (no journal, events.csv or experiments.csv; no screenshot).`)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .option('config', { type: 'string', requiresArg: true, default: PAPER_CONFIG, defaultDescription: 'configs/paper.json', describe: 'study config JSON' })
    .option('workers', { type: 'number', requiresArg: true, default: availableParallelism(), describe: 'worker threads (default: cores)' })
    .option('screenshot', { type: 'boolean', default: true, describe: 'take report-screenshot.png (--no-screenshot without Chromium)' })
    .check((argv) => {
      if (!Number.isInteger(argv.workers) || argv.workers < 1) throw new Error('--workers must be an integer ≥ 1');
      return true;
    })
    .strict()
    .help()
    .parseAsync();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const summary = await referenceRun({ configPath: args.config, workers: args.workers, screenshot: args.screenshot, signal: stop.signal, log });
  if (summary.status === 'interrupted') {
    log('interrupted: the committed reference is untouched; run the same command again to resume');
    process.exitCode = stop.exitCode() ?? 130;
    return;
  }
  log(describeReference(summary));
}
