import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { InputError } from '../../algorithms/problem/inputError.js';
import { parseProfile } from '../../algorithms/problem/profileFormat.js';
import type { TrafficProfile } from '../../algorithms/problem/trafficProfile.js';
import { builtinDataSource, BUILTIN_PROFILE_SEED, builtinGitlabProfile } from '../../datasets/builtinDataSource.js';
import { consecutiveHours, GITLAB_TRACE_START, parseStartTime, timestampedHours, type Calendar } from '../../datasets/calendar.js';
import { constantProfile } from '../../datasets/constantProfile.js';
import { dataOption, openDataSource } from '../../datasets/dataSource.js';
import { RESS_VARIANTS } from '../../datasets/baselineExperiments.js';
import { exportDatasets } from '../../datasets/exportDatasets.js';
import { REPO_ROOT } from '../../datasets/fenrirLocation.js';
import { formatStatistics } from '../../datasets/formatStatistics.js';
import { profileStatistics, seriesStatistics } from '../../datasets/profileStatistics.js';
import { isRawTrace, parseRawTrace } from '../../datasets/rawTrace.js';
import { readText } from '../io/readInputs.js';
import { isMainModule } from './isMainModule.js';
import { cliExperimentSetSeed, PAPER_CONFIG } from '../plan/experimentSetSeed.js';

function parseArguments(args: readonly string[]) {
  return yargs([...args])
    .scriptName('npm run datasets --')
    .usage([
      '$0 --out DIR [--data builtin|fenrir:<folder>] [--set-seed N] [--profile-seed N]',
      '$0 --stats FILE|builtin|constant [--start TIME] [--json]',
      '',
      'Writes the datasets of the evaluation into DIR, laid out like the replication package:',
      '  traffic_profiles/gitlab_12_months.csv, traffic_profiles/constant_12_months.csv (group tables),',
      '  experiments/experiments_N_{low,mid,high}.json for N = 10, 15, …, 70, restart/new_experiments.json,',
      '  provenance.json. DIR can be read back with --data fenrir:DIR.',
      'With --stats, prints the mean, min, max, hour-of-day and day-of-week factors of a profile instead.',
    ].join('\n'))
    .options(dataOption)
    .option('out', { type: 'string', requiresArg: true, describe: 'folder to write the datasets into (created if missing)' })
    .option('set-seed', { type: 'number', requiresArg: true, describe: `seed of the priorities of the scaled experiment sets (sizes above 10), as npm run schedule's --set-seed; default: the studies' seed of each RESS variant (from ${PAPER_CONFIG}'s baseSeed), so the files are the sets the studies run on` })
    .option('seed', { type: 'number', requiresArg: true, hidden: true, describe: 'deprecated name of --set-seed' })
    .conflicts('seed', 'set-seed')
    .option('profile-seed', { type: 'number', default: BUILTIN_PROFILE_SEED, requiresArg: true, describe: 'seed of the built-in GitLab-style profile (--data builtin only)' })
    .option('stats', { type: 'string', requiresArg: true, describe: 'profile to summarise: a CSV file (group table or raw trace), "builtin" or "constant"' })
    .option('start', { type: 'string', requiresArg: true, describe: `UTC time of hour 0 for --stats (default ${GITLAB_TRACE_START.toISOString()}, the start of the GitLab trace and of the built-in profile); a raw trace uses its own Time column unless --start is given` })
    .option('json', { type: 'boolean', default: false, describe: 'print --stats as JSON' })
    .conflicts('out', 'stats')
    .check((argv) => {
      if (argv.out === undefined && argv.stats === undefined) throw new Error('give --out DIR (write datasets) or --stats PROFILE (summarise a profile)');
      for (const name of ['set-seed', 'seed', 'profile-seed'] as const) {
        if (argv[name] !== undefined && !Number.isInteger(argv[name])) throw new Error(`--${name} must be an integer, got ${String(argv[name])}`);
      }
      return true;
    })
    .example('$0 --out results/datasets', 'the built-in datasets')
    .example('$0 --out /tmp/fenrir-full --data fenrir:../shared/data/fenrir', 'the replication package\'s sets, completed to 70 experiments')
    .example('$0 --stats builtin', 'statistics of the built-in profile')
    .example('$0 --stats TRACE.csv', 'statistics of a raw trace (Time,Requests/s,Requests/hour), calendar from its Time column')
    .strict()
    .help()
    .version(false)
    .wrap(110)
    // every argument problem becomes one line on stderr (the default prints the whole help)
    .fail((message, error) => {
      if (error instanceof InputError) throw error;
      throw new InputError('arguments', undefined, `${message ?? error?.message} (see --help)`);
    })
    .parseSync();
}

function schedlabVersion(): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

interface NamedProfile {
  title: string;
  profile: TrafficProfile;
  calendar: Calendar;
  /** raw Requests/hour of a raw trace (control group included) */
  raw?: Float64Array;
}

function loadForStatistics(what: string, startText: string | undefined, profileSeed: number): NamedProfile {
  const start = startText === undefined ? undefined : parseStartTime(startText);
  if (startText !== undefined && start === undefined) throw new InputError('--start', undefined, `"${startText}" is not an ISO-8601 time such as 2018-01-12T23:00Z`);
  const byStart = (profile: TrafficProfile): Calendar => consecutiveHours(profile.hours, start ?? GITLAB_TRACE_START);
  const startNote = `hour 0 = ${(start ?? GITLAB_TRACE_START).toISOString()}`;
  if (what === 'builtin' || what === 'constant') {
    const profile = what === 'builtin' ? builtinGitlabProfile(profileSeed) : constantProfile();
    return { title: `profile   ${what} (sum of ${profile.groups.length} groups, ${startNote})`, profile, calendar: byStart(profile) };
  }
  const path = resolve(what);
  const text = readText(path);
  const profile = parseProfile(text, path);
  if (isRawTrace(text) && start === undefined) {
    const trace = parseRawTrace(text, path);
    return {
      title: `profile   ${path} (raw trace split into ${profile.groups.length} groups, sum of groups; calendar from its Time column)`,
      profile,
      calendar: timestampedHours(trace.times),
      raw: trace.requestsPerHour,
    };
  }
  return { title: `profile   ${path} (sum of ${profile.groups.length} groups, ${startNote})`, profile, calendar: byStart(profile) };
}

/** `npm run datasets`: writes the datasets, or prints a profile's statistics. */
export function datasetsMain(args: readonly string[], print: (text: string) => void = (text) => process.stdout.write(`${text}\n`),
  warn: (text: string) => void = (text) => process.stderr.write(`${text}\n`)): void {
  const argv = parseArguments(args);
  if (argv.seed !== undefined) warn('warning: --seed is deprecated, use --set-seed (the same option as npm run schedule\'s)');
  const givenSetSeed = argv['set-seed'] ?? argv.seed;
  if (argv.stats !== undefined) {
    const loaded = loadForStatistics(argv.stats, argv.start, argv['profile-seed']);
    const statistics = profileStatistics(loaded.profile, loaded.calendar);
    const raw = loaded.raw ? seriesStatistics(loaded.raw, loaded.calendar) : undefined;
    if (argv.json) {
      print(JSON.stringify({ profile: argv.stats, ...statistics, ...(raw ? { rawRequestsPerHour: raw } : {}) }, null, 2));
    } else {
      print(formatStatistics(loaded.title, statistics));
      if (raw) print(`raw Requests/hour (control group included): mean ${(raw.mean / 1e6).toFixed(3)} M, min ${(raw.min / 1e6).toFixed(3)} M, max ${(raw.max / 1e6).toFixed(3)} M`);
    }
    return;
  }
  const data = argv.data === 'builtin' ? builtinDataSource(argv['profile-seed']) : openDataSource(argv.data);
  const outDir = resolve(argv.out as string);
  const started = performance.now();
  const setSeeds = Object.fromEntries(RESS_VARIANTS.map((ress) => [ress, cliExperimentSetSeed(ress, givenSetSeed)]));
  const written = exportDatasets(data, outDir, {
    setSeed: (ress) => setSeeds[ress].seed,
    provenance: {
      generator: 'schedlab datasets (harness/cli/datasets.ts)',
      schedlabVersion: schedlabVersion(),
      setSeedOrigin: setSeeds.mid.origin,
      ...(data.name === 'builtin' ? { profileSeed: argv['profile-seed'], profileModel: 'datasets/gitlabProfileParameters.json' } : {}),
    },
  });
  print(`wrote ${written.length} files to ${outDir} from ${data.name} in ${Math.round(performance.now() - started)} ms; ` +
    `set seeds ${RESS_VARIANTS.map((ress) => `${ress} ${setSeeds[ress].seed}`).join(', ')} (${setSeeds.mid.origin})`);
}

const invokedDirectly = isMainModule(import.meta.url);
if (invokedDirectly) {
  try {
    datasetsMain(hideBin(process.argv));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = 1;
  }
}
