import { join, resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { InputError } from '../../algorithms/problem/inputError.js';
import { planOfScheduleFile } from '../../algorithms/rescheduling/scheduledPlan.js';
import { dataOption, openDataSource } from '../../datasets/dataSource.js';
import { argoRollout, kubernetesName, nginxCanarySchedule } from '../export/argoRollout.js';
import { experimentWeights } from '../export/trafficWeights.js';
import { validateRollout } from '../export/validateRollout.js';
import { readExperimentsFile, readProfileFile, readScheduleFile } from '../io/readInputs.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { toCsv } from '../output/csv.js';
import { profileFit } from '../schedule/profileFit.js';
import { profileRecord } from '../../algorithms/problem/profileRecord.js';
import { runCli } from './runCli.js';

/** `npm run export`: a schedule as objects a rollout controller runs (Argo Rollouts, nginx-ingress canary annotations). */
async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('npm run export --')
    .usage('$0 --schedule FILE --to argo-rollouts|nginx-canary --out DIR [--profile FILE | --data SOURCE] [options]\n\n' +
      'Turns each regression experiment\'s hourly traffic share in a schedule into the steps a rollout controller runs: an Argo ' +
      'Rollouts Rollout per experiment (setWeight + pause per change of share; validated against the Rollout schema) in ' +
      'rollouts.json, or nginx-ingress canary-weight annotations per window of hours in nginx-canary.json; weights.csv holds ' +
      'the per-hour requests, traffic and weight. The weight is the experiment\'s share of all groups\' requests, rounded up ' +
      '(harness/export/README.md: the mapping and its limits).')
    .option('schedule', { type: 'string', demandOption: true, describe: 'schedule JSON (npm run schedule\'s schedule.json or the replication package\'s format)' })
    .option('to', { type: 'string', demandOption: true, choices: ['argo-rollouts', 'nginx-canary'], describe: 'what to write' })
    .option('out', { type: 'string', demandOption: true, describe: 'output folder (created; files in it are replaced)' })
    .option('profile', { type: 'string', describe: 'traffic profile CSV; default: the --data source\'s profile' })
    .options(dataOption)
    .option('experiments', { type: 'string', describe: 'experiment set JSON, when the schedule file names experiments only by id' })
    .option('scale', { type: 'number', default: 100, choices: [100, 1000], describe: 'weights in whole percent (100) or per mille (1000: Argo\'s trafficRouting.maxTrafficWeight, nginx\'s canary-weight-total)' })
    .option('workload', { type: 'string', default: '{service}', describe: 'name of the Deployment each Rollout takes its pod template from; {service} and {id} are replaced' })
    .option('all-types', { type: 'boolean', default: false, describe: 'also export business experiments (A/B tests) — a weight then splits users at random, not by group' })
    .example('$0 --schedule results/runs/shop/schedule.json --profile datasets/examples/profile.csv --to argo-rollouts --out out/argo', 'Rollouts of the worked example\'s canaries')
    .wrap(Math.min(120, process.stdout.columns ?? 100))
    .fail((message, error) => {
      throw error ?? new InputError('arguments', undefined, message.replace(/\s*\n\s*/g, ' '));
    })
    .strict()
    .help()
    .parseAsync();
  const profile = args.profile ? readProfileFile(args.profile) : openDataSource(args.data).profile();
  const profileName = args.profile ?? `${args.data} profile`;
  const file = readScheduleFile(args.schedule);
  profileFit(file, profileRecord(profile, args.profile ? { file: args.profile } : { data: args.data }), args.schedule, profileName);
  const plan = planOfScheduleFile(profile, file, args.schedule, args.experiments ? readExperimentsFile(args.experiments) : undefined);
  if (!plan.individual.valid) throw new InputError(args.schedule, undefined, `is not a valid plan on ${profileName} (npm run evaluate says why); only valid plans are exported`);
  const scale = args.scale;
  const experiments = experimentWeights(plan.individual, scale, plan.restartHour)
    .filter((experiment) => args['all-types'] || experiment.type === 'REGRESSION');
  const out = resolve(args.out);
  const weights = experiments.flatMap((experiment) => experiment.weights.map((weight, offset) => ({
    experiment: experiment.id, service: experiment.service, hour: experiment.start + offset,
    requests: experiment.requests[offset], traffic: experiment.traffic[offset], weight, scale,
    groups: experiment.groups[offset].join(' '),
  })));
  writeFileAtomically(join(out, 'weights.csv'), toCsv(['experiment', 'service', 'hour', 'requests', 'traffic', 'weight', 'scale', 'groups'], weights));
  if (args.to === 'argo-rollouts') {
    const workload = (experiment: { service: string; id: number }) =>
      kubernetesName(args.workload.replaceAll('{service}', experiment.service).replaceAll('{id}', String(experiment.id)));
    const items = experiments.map((experiment) => validateRollout(argoRollout(experiment, { scale, workload }), `experiment ${experiment.id}`));
    writeFileAtomically(join(out, 'rollouts.json'), `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 2)}\n`);
    process.stdout.write(`${items.length} Rollouts (validated) → ${join(out, 'rollouts.json')}, weights.csv\n`);
  } else {
    const schedule = experiments.map((experiment) => ({ experiment: experiment.id, service: experiment.service, ingress: `${kubernetesName(experiment.service)}-canary`, windows: nginxCanarySchedule(experiment, scale) }));
    writeFileAtomically(join(out, 'nginx-canary.json'), `${JSON.stringify(schedule, null, 2)}\n`);
    process.stdout.write(`${schedule.length} canary schedules → ${join(out, 'nginx-canary.json')}, weights.csv\n`);
  }
}

await runCli(main);
