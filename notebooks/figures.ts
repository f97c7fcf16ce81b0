/**
 * `npm run figures -- results/<name> [--profile <profile.csv>] [--strict]`
 * Renders every figure of a results folder into results/<name>/figures/ and writes
 * results/<name>/report.html and report.md. Problems are listed at the end; with --strict
 * the exit code is 1 if there were any.
 *
 * The harness imports this module for `renderAll` (last step of `npm run replicate`), so the
 * command line part runs only when the file is executed directly.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { readProfileFile } from '../harness/io/readInputs.js';
import { fontWarning } from '../harness/report/pngFonts.js';
import { renderAll } from './renderAll.js';

export { renderAll, type RenderOptions, type RenderResult } from './renderAll.js';

async function main(): Promise<void> {
  const argv = await yargs(hideBin(process.argv))
    .scriptName('npm run figures --')
    .usage('$0 <results-folder> [options]')
    .option('profile', { type: 'string', describe: 'traffic profile CSV to use instead of the manifest\'s data source' })
    .option('strict', { type: 'boolean', default: false, describe: 'exit with code 1 if any figure or table failed' })
    .demandCommand(1, 'give the results folder, e.g. npm run figures -- results/paper')
    .strict()
    .help()
    .parse();

  const resultsDir = String(argv._[0]);
  if (!existsSync(resultsDir)) {
    console.error(`${resultsDir}: no such results folder`);
    process.exit(2);
  }
  const warning = fontWarning();
  if (warning) console.warn(`warning: ${warning}`);

  const started = performance.now();
  const profilePath = argv.profile;
  const result = await renderAll(resultsDir, profilePath ? { loadProfile: () => readProfileFile(profilePath) } : {});
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  console.log(`wrote ${result.written.length} files in ${seconds} s (report: ${resultsDir.replace(/\/$/, '')}/report.html)`);
  for (const line of result.skipped) console.log(`skipped ${line}`);
  for (const line of result.errors) console.error(`error: ${line}`);
  if (result.errors.length > 0 && argv.strict) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
