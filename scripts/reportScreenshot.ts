/**
 * `npm run report:screenshot -- results/runs/<name> [--out file.png] [--width 1280]`
 * Opens <folder>/report.html in headless Chromium and saves a full-page PNG
 * (default <folder>/report-screenshot.png) for reviewers who do not want to open
 * the page. Requests other than the report's own file are blocked: the page must be
 * self-contained, and any blocked request is reported.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { screenshotReport } from '../harness/report/reportScreenshot.js';

const argv = await yargs(hideBin(process.argv))
  .scriptName('npm run report:screenshot --')
  .usage('$0 <results-folder> [options]')
  .option('out', { type: 'string', describe: 'PNG to write (default <results-folder>/report-screenshot.png)' })
  .option('width', { type: 'number', default: 1280, describe: 'viewport width in CSS pixels' })
  .demandCommand(1, 'give the results folder, e.g. npm run report:screenshot -- results/runs/quick')
  .strict()
  .help()
  .parse();

const folder = String(argv._[0]);
const report = resolve(folder, 'report.html');
if (!existsSync(report)) {
  console.error(`${report}: not found (render it first: npm run figures -- ${folder})`);
  process.exit(2);
}
const out = argv.out ?? join(folder, 'report-screenshot.png');
const shot = await screenshotReport(report, out, argv.width);
console.log(`wrote ${out} (${shot.width} × ${shot.height} CSS px)`);
if (shot.blocked.length > 0) console.warn(`warning: the report asked for ${shot.blocked.length} external resource(s), blocked: ${shot.blocked.join(', ')}`);
