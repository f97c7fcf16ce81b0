import { SAMPLERS, type SamplerName } from '../../algorithms/operators/buildIndividual.js';
import { resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { InputError } from '../../algorithms/problem/inputError.js';
import type { TimeFrame } from '../../algorithms/problem/scheduleFormat.js';
import { algorithmNames, getAlgorithm } from '../../algorithms/registry.js';
import { dataOption } from '../../datasets/dataSource.js';
import { PAPER_CONFIG } from '../plan/experimentSetSeed.js';
import { describeAlgorithms, parseParamAssignments, resolveParams } from '../schedule/algorithmParams.js';
import { progressLine } from '../schedule/progressLine.js';
import { formatRunFiles, writeRunFiles } from '../schedule/runFiles.js';
import { formatRunRecord, runRecordObject, type RunRecordInput } from '../schedule/runRecord.js';
import { runScheduling } from '../schedule/runScheduling.js';
import { loadScheduleInputs } from '../schedule/scheduleInputs.js';
import { runCli } from './runCli.js';

/** `npm run schedule`: one run of one algorithm; writes the schedule, its curve and views of it into --out. */
async function main(): Promise<void> {
  const names = algorithmNames();
  const args = await yargs(hideBin(process.argv))
    .scriptName('npm run schedule --')
    .usage('$0 --algorithm NAME (--set NAME:SIZE | --experiments FILE | --restart-from SCHEDULE --at HOUR) --out DIR [options]\n\n' +
      'Schedules an experiment set with one search algorithm and writes into DIR: schedule.json (the replication ' +
      'package format), trace.csv (convergence curve), consumption.csv (requests per hour and group), gantt.txt ' +
      '(a text Gantt chart) and run.json (parameters, seed, inputs, counters, timings, fitness, versions). ' +
      'Prints what it schedules and the result on stdout (--json: the run record), a progress line on stderr.')
    .option('algorithm', { type: 'string', demandOption: true, choices: names, describe: 'search algorithm (see the list below)' })
    .option('set', { type: 'string', describe: 'experiment set of the data source: NAME:SIZE, e.g. mid:30 (NAME low|mid|high, SIZE 10, 15, …) or a benchmark set, e.g. bench/load/x4:30 (datasets/README.md lists them)' })
    .option('set-seed', { type: 'number', requiresArg: true, describe: `seed of the priorities of scaled sets (sizes above 10); default: the studies' seed of the RESS variant (from ${PAPER_CONFIG}'s baseSeed), so --set mid:30 is the set the studies run on` })
    .option('experiments', { type: 'string', describe: 'experiment set JSON file (instead of --set)' })
    .option('profile', { type: 'string', describe: 'traffic profile CSV; default: the data source\'s 12-month profile' })
    .options(dataOption)
    .option('seed', { type: 'number', default: 1, describe: 'seed of the run: the same seed gives the same schedule.json and trace.csv' })
    .option('out', { type: 'string', demandOption: true, describe: 'output folder (created; files in it are replaced)' })
    .option('param', { type: 'string', array: true, default: [] as string[], describe: 'algorithm parameter key=value, repeatable (e.g. --param generations=30)' })
    .option('restart-from', { type: 'string', describe: 're-schedule this schedule JSON (spec §10); needs --at' })
    .option('at', { type: 'number', describe: 're-scheduling hour t, an hour of the profile (with --restart-from)' })
    .option('discard', { type: 'string', describe: 'comma-separated ids of experiments to drop when re-scheduling, e.g. 4,21,28' })
    .option('add', { type: 'string', describe: 'experiment set JSON of new experiments to add when re-scheduling' })
    .option('max-evaluations', { type: 'number', describe: 'also stop after this many evaluated candidate schedules (an equal budget for any algorithm)' })
    .option('max-seconds', { type: 'number', describe: 'also stop after this much wall time' })
    .option('budget-only', { type: 'boolean', default: false, describe: 'with --max-evaluations/--max-seconds: the budget alone stops the run (the algorithm\'s own generations/iterations are lifted)' })
    .option('time-frame', { type: 'string', choices: ['original', 'shifted'], describe: 'hours of a re-scheduled plan\'s files: "original" = hours of the profile (≥ --at), "shifted" = counted from --at (hour 0 = --at, as the paper\'s tool wrote them); both record --at in schedule.json and run.json; default original' })
    .option('gantt-hours', { type: 'number', default: 24, describe: 'hours per column of gantt.txt (24 = days)' })
    .option('sampler', { type: 'string', choices: SAMPLERS, default: 'robust', describe: 'how random schedules are sampled: robust (finds a placement whenever one exists, else says why) or as-published (spec §6, the paper\'s)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress line on stderr (on a terminal it is redrawn in place; in a log, one line every 5 s)' })
    .option('json', { type: 'boolean', default: false, describe: 'print the run record (run.json\'s content and the output folder) as JSON on stdout instead of the text lines' })
    .check((argv) => {
      const sources = ['set', 'experiments', 'restart-from'].filter((key) => argv[key] !== undefined);
      if (sources.length !== 1) throw new InputError('arguments', undefined, `give exactly one of --set, --experiments, --restart-from (got ${sources.length === 0 ? 'none' : sources.map((s) => `--${s}`).join(', ')})`);
      if (argv['restart-from'] === undefined && (argv.at !== undefined || argv.discard !== undefined || argv.add !== undefined || argv['time-frame'] !== undefined)) {
        throw new InputError('arguments', undefined, '--at, --discard, --add and --time-frame only apply with --restart-from');
      }
      if (argv['set-seed'] !== undefined && argv.set === undefined) throw new InputError('--set-seed', undefined, 'only applies with --set');
      if (argv['set-seed'] !== undefined && !Number.isInteger(argv['set-seed'])) throw new InputError('--set-seed', undefined, `expected a whole number, got ${argv['set-seed']}`);
      if (!Number.isInteger(argv.seed)) throw new InputError('--seed', undefined, `expected a whole number, got ${argv.seed}`);
      for (const key of ['max-evaluations', 'max-seconds'] as const) {
        const value = argv[key];
        if (value !== undefined && !(value > 0)) throw new InputError(`--${key}`, undefined, `expected a number > 0, got ${value}`);
      }
      if (argv['budget-only'] && argv['max-evaluations'] === undefined && argv['max-seconds'] === undefined) {
        throw new InputError('--budget-only', undefined, 'needs --max-evaluations or --max-seconds (else nothing would stop the run)');
      }
      if (!(argv['gantt-hours'] >= 1)) throw new InputError('--gantt-hours', undefined, `expected a number ≥ 1, got ${argv['gantt-hours']}`);
      return true;
    })
    .example('$0 --algorithm genetic --set mid:30 --seed 1 --out results/runs/ga-mid30', 'the paper\'s GA on 30 medium experiments')
    .example('$0 --algorithm local-search --set bench/load/x4:30 --max-evaluations 20000 --budget-only --out out/ls-x4', 'a benchmark instance at a budget of 20 000 evaluations')
    .example('$0 --algorithm local-search --experiments my.json --profile profile.csv --param iterations=500 --out out/ls', 'own files, shorter run')
    .example('$0 --algorithm genetic --restart-from out/ga/schedule.json --at 72 --discard 4,21,28 --add new.json --out out/restart', 're-schedule at hour 72 of the profile')
    .epilogue(`Algorithms and their parameters (defaults):\n${describeAlgorithms(names.map(getAlgorithm))}`)
    .wrap(Math.min(120, process.stdout.columns ?? 100))
    .fail((message, error) => {
      throw error ?? new InputError('arguments', undefined, message.replace(/\s*\n\s*/g, ' '));
    })
    .strict()
    .help()
    .parseAsync();

  const algorithm = getAlgorithm(args.algorithm);
  const params = resolveParams(algorithm, parseParamAssignments(args.param));
  const setupStarted = performance.now();
  const inputs = loadScheduleInputs({
    data: args.data,
    set: args.set,
    setSeed: args['set-seed'],
    experiments: args.experiments,
    profile: args.profile,
    restartFrom: args['restart-from'],
    at: args.at,
    discard: args.discard === undefined ? undefined : parseIds(args.discard),
    add: args.add,
  });
  const setupMs = performance.now() - setupStarted;
  const budget = args['max-evaluations'] === undefined && args['max-seconds'] === undefined ? undefined : {
    ...(args['max-evaluations'] !== undefined ? { evaluations: args['max-evaluations'] } : {}),
    ...(args['max-seconds'] !== undefined ? { milliseconds: args['max-seconds'] * 1000 } : {}),
    ownSteps: !args['budget-only'],
  };
  for (const warning of inputs.warnings) process.stderr.write(`warning: ${warning}\n`);
  if (!args.json) process.stdout.write(`${inputs.summary}\n`);

  const progress = args.quiet ? undefined : progressLine(`${algorithm.name} seed ${args.seed}`);
  let outcome;
  try {
    outcome = runScheduling({
      algorithm: algorithm.name, params, seed: args.seed, problem: inputs.problem, initialPopulation: inputs.initialPopulation,
      sampler: args.sampler as SamplerName, budget, onProgress: progress?.update,
    });
  } finally {
    progress?.finish();
  }
  const { result, runMs } = outcome;
  const { best } = result;

  const rescheduling = args['restart-from'] === undefined ? undefined : { atHour: inputs.restartHour, timeFrame: (args['time-frame'] ?? 'original') as TimeFrame };
  const files = formatRunFiles(best, result.trace, {
    id: `${algorithm.name}-seed${args.seed}`,
    title: `${algorithm.name}, seed ${args.seed}${rescheduling ? `, re-scheduled at hour ${rescheduling.atHour}` : ''}`,
    ganttHoursPerColumn: args['gantt-hours'],
    profile: inputs.profileRecord,
    rescheduling,
  });
  const record: RunRecordInput = {
    algorithm: algorithm.name,
    params,
    ...(budget ? { budget } : {}),
    seed: args.seed,
    sampler: args.sampler,
    inputs: inputs.description,
    experimentCount: inputs.problem.experiments.length,
    profileHours: inputs.profileRecord.hours,
    result,
    timings: { setupMs, runMs },
    files: [...files.keys(), 'run.json'],
    rescheduling,
  };
  files.set('run.json', formatRunRecord(record));
  const out = resolve(args.out);
  writeRunFiles(out, files);

  if (args.json) {
    process.stdout.write(`${JSON.stringify({ out, ...runRecordObject(record) }, null, 2)}\n`);
  } else {
    const frame = rescheduling ? `; hours ${rescheduling.timeFrame === 'original' ? 'of the profile' : `counted from hour ${rescheduling.atHour}`}` : '';
    process.stdout.write(`${algorithm.name} seed ${args.seed}: F ${best.fitness.toFixed(6)} (D ${best.durationScore.toFixed(4)}, ` +
      `U ${best.userGroupScore.toFixed(4)}, S ${best.startScore.toFixed(4)}), valid ${best.valid ? 'yes' : 'NO'}, ` +
      `${(runMs / 1000).toFixed(1)} s → ${out}${frame}\n`);
  }
  // exit 2 = ran fine but the result is invalid (1 is reserved for bad input), as `npm run evaluate`
  if (!best.valid) process.exitCode = 2;
}

/** "4,21,28" → [4, 21, 28] */
function parseIds(text: string): number[] {
  return text.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const id = Number(part);
    if (!Number.isInteger(id)) throw new InputError('--discard', undefined, `"${part}" is not an experiment id (expected e.g. 4,21,28)`);
    return id;
  });
}

await runCli(main);
