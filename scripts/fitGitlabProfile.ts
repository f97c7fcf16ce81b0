/**
 * Fits the GitLab-style traffic model to the real trace and writes
 * datasets/gitlabProfileParameters.json (fitted parameters only, no data rows).
 *
 *   npx tsx scripts/fitGitlabProfile.ts [--trace FILE] [--out FILE]
 */
import { resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { InputError } from '../algorithms/problem/inputError.js';
import { parseProfile } from '../algorithms/problem/profileFormat.js';
import { readText } from '../harness/io/readInputs.js';
import { writeFileAtomically } from '../harness/io/writeFileAtomically.js';
import { timestampedHours } from '../datasets/calendar.js';
import { DEFAULT_FENRIR_FOLDER, REPO_ROOT } from '../datasets/fenrirLocation.js';
import { fitGitlabProfile } from '../datasets/fitGitlabProfile.js';
import { profileStatistics } from '../datasets/profileStatistics.js';
import { parseRawTrace } from '../datasets/rawTrace.js';
import { representativeSeed } from '../datasets/representativeSeed.js';

const TRACE_NAME = 'traffic_profiles/profile_gitlab_12_months.csv';
/** Four decimals are far below the estimates' sampling error and keep the file readable. */
const round = (value: number, digits = 4): number => Number(value.toFixed(digits));
/** Candidate seeds of the built-in profile. */
const SEED_CANDIDATES = Array.from({ length: 100 }, (_, i) => i + 1);

function main(): void {
  const argv = yargs(hideBin(process.argv))
    .scriptName('fitGitlabProfile')
    .usage('$0 [--trace FILE] [--out FILE]\n\nFits the GitLab-style profile model to the raw GitLab trace.')
    .option('trace', { type: 'string', default: resolve(DEFAULT_FENRIR_FOLDER, TRACE_NAME), describe: 'raw trace CSV (Time,Requests/s,Requests/hour)' })
    .option('out', { type: 'string', default: resolve(REPO_ROOT, 'datasets/gitlabProfileParameters.json'), describe: 'parameter file to write' })
    .strict()
    .help()
    .parseSync();
  const text = readText(argv.trace);
  const trace = parseRawTrace(text, argv.trace);
  const fitted = fitGitlabProfile(trace.requestsPerHour, trace.times, timestampedHours(trace.times));
  const start = new Date(trace.times[0]);
  start.setUTCMinutes(0, 0, 0);
  const parameters = {
    note: 'Parameters of the GitLab-style traffic model (datasets/gitlabProfileModel.ts), fitted by '
      + `scripts/fitGitlabProfile.ts to the replication package's ${TRACE_NAME} (${trace.times.length} rows). `
      + 'Fitted values only; no data row of the trace is copied. See datasets/README.md.',
    source: TRACE_NAME,
    method: {
      level: 'mean Requests/hour (control group included)',
      hourOfDay: 'mean of the rows at each UTC hour (of their Time column) / level; index = hour',
      dayOfWeek: 'mean of the rows on each UTC weekday / level; index 0 = Sunday',
      noise: `AR(1) of log residuals after the hour-of-week means and a centred 168-h moving average, over the first ${fitted.noiseRows} contiguous rows; sigma = stationary sd, phi = lag-1 autocorrelation`,
      builtinSeed: `the seed in ${SEED_CANDIDATES[0]}–${SEED_CANDIDATES[SEED_CANDIDATES.length - 1]} whose generated profile has the min and max hourly totals (sum of groups) closest to the trace's in max |log ratio|`,
    },
    level: Math.round(fitted.level),
    hourOfDay: fitted.hourOfDay.map((value) => round(value)),
    dayOfWeek: fitted.dayOfWeek.map((value) => round(value)),
    noise: { phi: round(fitted.noise.phi), sigma: round(fitted.noise.sigma) },
    hours: trace.times.length,
    start: start.toISOString(),
    builtinSeed: 0,
  };
  // The trace split into groups exactly as the paper did, for a like-for-like comparison of extremes.
  const target = profileStatistics(parseProfile(text, argv.trace), timestampedHours(trace.times));
  const choice = representativeSeed(parameters, target, SEED_CANDIDATES);
  parameters.builtinSeed = choice.seed;
  console.log(`builtin seed ${choice.seed}: max |log ratio| of min/max ${choice.error.toFixed(3)}; `
    + `${Math.round(choice.shareWithin15Percent * 100)} % of the candidate seeds have both within 15 %`);
  writeFileAtomically(argv.out, `${JSON.stringify(parameters, null, 2)}\n`);
  console.log(`wrote ${argv.out}: level ${parameters.level}, noise phi ${parameters.noise.phi} sigma ${parameters.noise.sigma}`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
