import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { createProblem } from '../../algorithms/problem/problem.js';
import { individualFromScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import { listViolations } from '../../algorithms/problem/violations.js';
import { dataOption, openDataSource } from '../../datasets/dataSource.js';
import { readExperimentsFile, readProfileFile, readScheduleFile } from '../io/readInputs.js';
import { runCli } from './runCli.js';

/** `npm run evaluate`: scores and checks a schedule file against a traffic profile. */
async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('npm run evaluate --')
    .usage('$0 --schedule FILE [--profile FILE | --data SOURCE] [--experiments FILE] [--json]\n\nPrints the fitness (D, U, S, total), validity and every violated rule of a schedule in the replication package format.')
    .option('schedule', { type: 'string', demandOption: true, describe: 'schedule JSON ({"id", "scheduledExperiments": [[experiment, schedule], …]})' })
    .option('profile', { type: 'string', describe: 'traffic profile CSV: group table (hour,group1,…) or raw trace (Time,Requests/s,Requests/hour); default: the --data source\'s profile' })
    .options(dataOption)
    .option('experiments', { type: 'string', describe: 'experiment set JSON; default: the experiments embedded in the schedule. Every scheduled experiment must belong to it.' })
    .option('json', { type: 'boolean', default: false, describe: 'machine-readable output' })
    .option('max-violations', { type: 'number', default: 50, describe: 'violations listed (the count is always complete)' })
    .example('$0 --schedule ../shared/data/fenrir/restart/schedule_GA_mid_exp30_pop40_gen90_4.json --profile ../shared/data/fenrir/traffic_profiles/gitlab_12_months.csv', 'the paper\'s saved GA schedule')
    .strict()
    .help()
    .parseAsync();

  const profile = args.profile ? readProfileFile(args.profile) : openDataSource(args.data).profile();
  const profileName = args.profile ?? `${args.data} profile`;
  const scheduleFile = readScheduleFile(args.schedule);
  const experiments = args.experiments ? readExperimentsFile(args.experiments) : scheduleFile.entries.map((entry) => entry.experiment);
  const problem = createProblem(profile, experiments, { source: args.experiments ?? args.schedule });
  const individual = individualFromScheduleFile(problem, scheduleFile, args.schedule);
  const violations = listViolations(individual, Number.POSITIVE_INFINITY);
  const unscheduled = problem.experiments.filter((_, e) => !individual.placed[e]).map((experiment) => experiment.id);
  const valid = individual.valid && unscheduled.length === 0;
  // exit 2 = evaluated fine but the schedule is invalid (1 is reserved for bad input)
  if (!valid) process.exitCode = 2;

  if (args.json) {
    process.stdout.write(`${JSON.stringify({
      schedule: args.schedule,
      profile: profileName,
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
    `schedule  ${args.schedule} (${scheduleFile.entries.length} experiments)`,
    `profile   ${profileName} (${profile.hours} hours, ${profile.groups.join(', ')})`,
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
