/**
 * `npm run figures -- results/runs/<name> [--profile <profile.csv>] [--allow-stale]`
 * Renders every figure of a results folder into <folder>/figures/ and writes
 * <folder>/report.html and report.md. Problems are listed at the end, and the exit code
 * is then 1 (after writing everything that could be). Outputs that do not match the folder's
 * journal (harness/output/outputsCheck.ts) are refused unless --allow-stale.
 *
 * A folder written by `npm run schedule` (run.json, no manifest.json) gets that run's figures
 * instead — Gantt chart, traffic consumption per group, convergence — and a short report.
 *
 * The harness imports this module for `renderAll` (last step of `npm run replicate`), so the
 * command line part runs only when the file is executed directly.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { isMainModule } from './isMainModule.js';
import { readProfileFile } from '../io/readInputs.js';
import { lockFolder } from '../io/folderLock.js';
import { checkOutputs } from '../output/outputsCheck.js';
import { fontWarning } from '../report/pngFonts.js';
import { isRunFolder } from '../report/runFolder.js';
import { renderAll } from '../report/renderAll.js';
import { renderRun } from '../report/renderRun.js';
import { runSimulationStudy } from '../simulation/runSimulationStudy.js';
import { configOfManifest, isSimulationFolder, readSimulationManifest } from '../simulation/simulationManifest.js';

export { renderAll, type RenderOptions, type RenderResult } from '../report/renderAll.js';

/**
 * A simulation study's folder: its tables, report and figures written again from its journal (the
 * runs are not simulated again; a folder with runs missing — a shard — is refused).
 */
async function renderSimulationFolder(folder: string): Promise<void> {
  let result;
  const started = performance.now();
  try {
    const manifest = readSimulationManifest(folder);
    if (manifest.shard !== undefined) throw new Error(`${folder} holds shard ${manifest.shard} of a study: its figures need every run — merge the shards first (npm run merge -- DIR/shard-* --out DIR)`);
    result = await runSimulationStudy(configOfManifest(manifest), { out: folder, data: manifest.data, simulateMissing: false, figures: true, command: 'npm run figures' });
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  }
  if (result.status !== 'complete') {
    console.error(`error: ${folder}: ${result.missing} of ${result.planned} runs are not in its journal; no figure written`);
    process.exit(1);
  }
  console.log(`wrote ${result.files.length} files of ${result.runs.length} simulated runs in ${((performance.now() - started) / 1000).toFixed(1)} s (report: ${join(folder, 'report.md')})`);
}

async function main(): Promise<void> {
  const argv = await yargs(hideBin(process.argv))
    .scriptName('npm run figures --')
    .usage('$0 <results-folder> [options]\n\nA study\'s results folder (manifest.json, trials.csv): every figure and the replication report. ' +
      'A folder of npm run schedule (run.json): that run\'s Gantt chart, traffic consumption per user group, convergence curve and a short report. ' +
      'A simulation study\'s folder (simulation.json): its tables, report.md and figures/ again from its journal (runs.jsonl).')
    .option('profile', { type: 'string', describe: 'traffic profile CSV to use instead of the manifest\'s data source (a run folder: instead of the profile its schedule.json records)' })
    .option('strict', { type: 'boolean', default: true, hidden: true, describe: 'kept for old scripts: failures always exit 1' })
    .option('schedule-algorithm', { type: 'string', requiresArg: true, describe: 'whose best schedules the Gantt and traffic figures draw (an algorithm or label of trials.csv; default genetic)' })
    .option('allow-stale', { type: 'boolean', default: false, describe: 'render even if trials.csv, tables or the journal do not match manifest.json (an error line says so; exit 1)' })
    .demandCommand(1, 'give the results folder, e.g. npm run figures -- results/runs/quick')
    .strict()
    .help()
    .parse();

  const resultsDir = String(argv._[0]);
  if (!existsSync(resultsDir)) {
    console.error(`${resultsDir}: no such results folder`);
    process.exit(2);
  }
  if (isSimulationFolder(resultsDir)) {
    await renderSimulationFolder(resultsDir);
    return;
  }
  const run = isRunFolder(resultsDir);
  // a schedule run's folder has no journal to match
  const check = run ? { status: 'consistent' as const, journalChecked: false } : checkOutputs(resultsDir);
  if (check.status === 'stale' && !argv['allow-stale']) {
    console.error(`error: ${check.problem}; the figures would not show the journal (--allow-stale renders them anyway)`);
    process.exit(1);
  }
  if (check.status !== 'consistent') console.warn(`warning: ${check.problem}`);
  const warning = fontWarning();
  if (warning) console.warn(`warning: ${warning}`);

  let lock;
  try {
    lock = lockFolder(resultsDir, 'npm run figures');
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  }
  const started = performance.now();
  const profilePath = argv.profile;
  let result;
  try {
    result = run
      ? await renderRun(resultsDir, profilePath ? { loadProfile: () => readProfileFile(profilePath) } : {})
      : await renderAll(resultsDir, { ...(profilePath ? { loadProfile: () => readProfileFile(profilePath) } : {}), scheduleAlgorithm: argv['schedule-algorithm'] });
  } finally {
    lock.release();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  console.log(`wrote ${result.written.length} files in ${seconds} s (report: ${resultsDir.replace(/\/$/, '')}/report.html)`);
  for (const line of result.skipped) console.log(`skipped ${line}`);
  for (const line of result.errors) console.error(`error: ${line}`);
  if (check.status === 'stale') console.error(`error: rendered from outputs that do not match the journal: ${check.problem}`);
  if (result.errors.length > 0 || check.status === 'stale') process.exit(1);
}

if (isMainModule(import.meta.url)) await main();
