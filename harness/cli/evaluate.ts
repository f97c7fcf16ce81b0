import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { profileRecord } from '../../algorithms/problem/profileRecord.js';
import { listViolations } from '../../algorithms/problem/violations.js';
import { planOfScheduleFile } from '../../algorithms/rescheduling/scheduledPlan.js';
import { dataOption, openDataSource } from '../../datasets/dataSource.js';
import { readExperimentsFile, readProfileFile, readScheduleFile } from '../io/readInputs.js';
import { otherProfileHint, profileFit } from '../schedule/profileFit.js';
import { runCli } from './runCli.js';

/** `npm run evaluate`: scores and checks a schedule file against a traffic profile. */
async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('npm run evaluate --')
    .usage('$0 --schedule FILE [--profile FILE | --data SOURCE] [--experiments FILE] [--json]\n\n' +
      'Prints the fitness (D, U, S, total), validity and every violated rule of a schedule in the replication package format. ' +
      'A schedule that does not fit the profile (groups or hours it lacks, another profile recorded in the file, or valid only ' +
      'on another data source\'s profile) is said so in the first line. A re-scheduled plan (written by npm run schedule ' +
      '--restart-from) is evaluated as it was made: on the profile from its re-scheduling hour on, start score counted from there.')
    .option('schedule', { type: 'string', demandOption: true, describe: 'schedule JSON ({"id", "scheduledExperiments": [[experiment, schedule], …]})' })
    .option('profile', { type: 'string', describe: 'traffic profile CSV: group table (hour,group1,…) or raw trace (Time,Requests/s,Requests/hour); default: the --data source\'s profile' })
    .options(dataOption)
    .option('experiments', { type: 'string', describe: 'experiment set JSON; default: the experiments embedded in the schedule. Every scheduled experiment must belong to it.' })
    .option('json', { type: 'boolean', default: false, describe: 'machine-readable output' })
    .option('max-violations', { type: 'number', default: 50, describe: 'violations listed (the count is always complete)' })
    .example('$0 --schedule ../shared/data/fenrir/restart/schedule_GA_mid_exp30_pop40_gen90_4.json --data fenrir', 'the paper\'s saved GA schedule on the paper\'s profile')
    .strict()
    .help()
    .parseAsync();

  const profile = args.profile ? readProfileFile(args.profile) : openDataSource(args.data).profile();
  const profileName = args.profile ?? `${args.data} profile`;
  const given = profileRecord(profile, args.profile ? { file: args.profile } : { data: args.data });
  const scheduleFile = readScheduleFile(args.schedule);
  // refuses (InputError) a schedule using groups the profile lacks; the rest of the misfit is reported
  const fit = profileFit(scheduleFile, given, args.schedule, profileName);
  const plan = planOfScheduleFile(profile, scheduleFile, args.schedule, args.experiments ? readExperimentsFile(args.experiments) : undefined);
  const { individual, restartHour, fileHourShift } = plan;
  const { problem } = individual;
  const violations = listViolations(individual, Number.POSITIVE_INFINITY, fileHourShift);
  const unscheduled = problem.experiments.filter((_, e) => !individual.placed[e]).map((experiment) => experiment.id);
  const valid = individual.valid && unscheduled.length === 0;
  const warnings = [...fit];
  if (!valid && warnings.length === 0 && !scheduleFile.profile) {
    const hint = otherProfileHint(scheduleFile, args.schedule, { sha256: given.sha256, name: profileName });
    if (hint) warnings.push(hint);
  }
  // exit 2 = evaluated fine but the schedule is invalid (1 is reserved for bad input)
  if (!valid) process.exitCode = 2;
  const frame = scheduleFile.rescheduling
    ? `re-scheduled at hour ${restartHour}: hours ${scheduleFile.rescheduling.timeFrame === 'original' ? 'of the profile' : `counted from hour ${restartHour}`}, ` +
      `evaluated on the profile from hour ${restartHour} on, start score counted from it`
    : undefined;

  if (args.json) {
    process.stdout.write(`${JSON.stringify({
      schedule: args.schedule,
      profile: profileName,
      warnings,
      ...(scheduleFile.rescheduling ? { rescheduling: scheduleFile.rescheduling } : {}),
      valid,
      durationScore: individual.durationScore,
      userGroupScore: individual.userGroupScore,
      startScore: individual.startScore,
      fitness: individual.fitness,
      unscheduledExperiments: unscheduled,
      violationCount: violations.length,
      violations: violations.slice(0, args['max-violations']),
    }, null, 2)}\n`);
    return;
  }
  const lines = [
    ...warnings.map((warning) => `warning: ${warning}`),
    `schedule  ${args.schedule} (${scheduleFile.entries.length} experiments)`,
    `profile   ${profileName} (${profile.hours} hours, ${profile.groups.join(', ')})`,
    ...(frame ? [`frame     ${frame}`] : []),
    `valid     ${valid ? 'yes' : 'NO'}`,
    `D ${individual.durationScore.toFixed(7)}  U ${individual.userGroupScore.toFixed(7)}  S ${individual.startScore.toFixed(7)}  total ${individual.fitness.toFixed(7)}`,
  ];
  if (unscheduled.length > 0) lines.push(`unscheduled experiments: ${unscheduled.join(', ')}`);
  if (violations.length > 0) {
    lines.push(`${violations.length} violation${violations.length === 1 ? '' : 's'}:`);
    for (const violation of violations.slice(0, args['max-violations'])) lines.push(`  [${violation.rule}] ${violation.message}`);
    if (violations.length > args['max-violations']) lines.push(`  … ${violations.length - args['max-violations']} more (--max-violations)`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

await runCli(main);
