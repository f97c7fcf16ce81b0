import type { SamplerName } from '../../algorithms/operators/buildIndividual.js';
import { InputError } from '../../algorithms/problem/inputError.js';
import type { Individual } from '../../algorithms/problem/individual.js';
import { createProblem, type Problem } from '../../algorithms/problem/problem.js';
import { profileOption, profileRecord, type ProfileRecord } from '../../algorithms/problem/profileRecord.js';
import type { TrafficProfile } from '../../algorithms/problem/trafficProfile.js';
import type { Rng } from '../../algorithms/random/rng.js';
import { prepareRescheduling, reschedulingPopulation, type Rescheduling } from '../../algorithms/rescheduling/reschedule.js';
import { planOfScheduleFile } from '../../algorithms/rescheduling/scheduledPlan.js';
import { isBenchmarkSetName } from '../../datasets/benchmark/benchmarkSets.js';
import { measureHardness } from '../../datasets/benchmark/instanceHardness.js';
import { openDataSource, type DataSource } from '../../datasets/dataSource.js';
import { checkSetName, loadExperimentSet, SET_NAME_HELP, type SetName } from '../../datasets/experimentSets.js';
import { readExperimentsFile, readProfileFile, readScheduleFile } from '../io/readInputs.js';
import { cliExperimentSetSeed } from '../plan/experimentSetSeed.js';

/** Where the problem comes from: a data source's set, files, or an old schedule to re-schedule. */
export interface ScheduleInputArgs {
  readonly data: string;
  /** "<set>:<size>", e.g. "mid:30" or "bench/load/x4:30" */
  readonly set?: string;
  /** seed of the priorities of scaled sets (sizes above 10); default: the studies' seed of the RESS variant */
  readonly setSeed?: number;
  readonly experiments?: string;
  readonly profile?: string;
  readonly restartFrom?: string;
  /** re-scheduling hour: an hour of the profile */
  readonly at?: number;
  readonly discard?: readonly number[];
  readonly add?: string;
}

export interface ScheduleInputs {
  readonly problem: Problem;
  /**
   * Re-scheduling only: the initial population of `size` (the old plan carried over, then sampled
   * ones). Fresh scheduling leaves it undefined and the algorithm samples its own start.
   */
  readonly initialPopulation?: (size: number, rng: Rng, sampler: SamplerName) => Individual[];
  /** the profile as given (before any re-scheduling shift), for schedule.json */
  readonly profileRecord: ProfileRecord;
  /** hour of the profile that is the problem's hour 0: the re-scheduling hour, else 0 */
  readonly restartHour: number;
  /** for run.json: what was read */
  readonly description: Record<string, unknown>;
  /** one line for the user: what is being scheduled */
  readonly summary: string;
  /** things the user should know that do not stop the run (e.g. a profile other than the one the old plan was made on) */
  readonly warnings: readonly string[];
}

const SET_PATTERN = /^([a-z0-9/]+):(\d+)$/;

/** `mid:30` or `bench/load/x4:30` → the set's name and size; a one-line InputError otherwise. */
export function parseSetSpec(spec: string): { ress: SetName; size: number } {
  const match = SET_PATTERN.exec(spec.trim());
  if (!match || Number(match[2]) < 1) throw new InputError('--set', undefined, `"${spec}" is not NAME:SIZE, e.g. mid:30 or bench/load/x4:30 (NAME: ${SET_NAME_HELP})`);
  return { ress: checkSetName(match[1], '--set'), size: Number(match[2]) };
}

/** Builds the problem the CLI schedules; every input mistake surfaces as a one-line InputError. */
export function loadScheduleInputs(args: ScheduleInputArgs): ScheduleInputs {
  let source: DataSource | undefined;
  const data = (): DataSource => (source ??= openDataSource(args.data));
  const set = args.set ? parseSetSpec(args.set) : undefined;
  if (set && isBenchmarkSetName(set.ress) && args.profile) {
    throw new InputError('--profile', undefined, `a benchmark set (${set.ress}) brings its own profile, derived from --data's; leave --profile out`);
  }
  const profile: TrafficProfile = args.profile ? readProfileFile(args.profile) : data().profile();
  const record = profileRecord(profile, args.profile ? { file: args.profile } : { data: data().name });
  const profileFacts: Record<string, string> = args.profile ? { profile: args.profile } : { data: data().name, profile: `${data().name} profile` };
  const profileText = `${args.profile ?? `${data().name} profile`} (${profile.hours} hours, ${profile.groups.length} groups)`;

  if (args.restartFrom) return restartInputs(args, args.restartFrom, profile, record, profileFacts, profileText);

  if (args.set && set) {
    const { ress, size } = set;
    const benchmark = isBenchmarkSetName(ress);
    const setSeed = cliExperimentSetSeed(ress, args.setSeed);
    const instance = loadExperimentSet(data(), ress, size, setSeed.seed);
    const name = `${data().name} ${ress} n${size}`;
    const problem = createProblem(benchmark ? instance.profile : profile, instance.experiments, { source: name });
    const { load, peakLoad } = measureHardness(problem);
    return {
      problem,
      // a benchmark set's own profile (derived from the data source's), recorded as it is
      profileRecord: benchmark ? profileRecord(instance.profile, { data: data().name }) : record,
      restartHour: 0,
      description: {
        data: data().name, set: args.set, setSeed: setSeed.seed, setSeedOrigin: setSeed.origin,
        ...(benchmark ? { profile: `${ress} (generated from ${data().name})` } : profileFacts),
        hardness: { load, peakLoad },
      },
      summary: `set ${args.set} of ${data().name}, set seed ${setSeed.seed} (${setSeed.origin}): ${instance.experiments.length} experiments on ${benchmark ? `${ress}'s profile (${instance.profile.hours} hours, ${instance.profile.groups.length} groups)` : profileText}`,
      warnings: [],
    };
  }
  if (!args.experiments) throw new InputError('arguments', undefined, 'give --set RESS:SIZE, --experiments FILE or --restart-from SCHEDULE');
  const experiments = readExperimentsFile(args.experiments);
  return {
    problem: createProblem(profile, experiments, { source: args.experiments }),
    profileRecord: record,
    restartHour: 0,
    description: { experiments: args.experiments, ...profileFacts },
    summary: `${experiments.length} experiments of ${args.experiments} on ${profileText}`,
    warnings: [],
  };
}

/**
 * Re-scheduling (spec §10): the old plan's experiments on the profile, reduced at hour `at` of the
 * profile. The old plan may itself be re-scheduled (its `rescheduling` record): it is read in its
 * own time frame, and `at` must not lie before its re-scheduling hour.
 */
function restartInputs(args: ScheduleInputArgs, path: string, profile: TrafficProfile, record: ProfileRecord,
  profileFacts: Record<string, string>, profileText: string): ScheduleInputs {
  if (args.at === undefined) throw new InputError('--restart-from', undefined, 'needs --at HOUR (the re-scheduling hour)');
  if (!Number.isInteger(args.at) || args.at < 0) throw new InputError('--at', undefined, `expected a whole hour ≥ 0, got ${args.at}`);
  const file = readScheduleFile(path);
  const warnings: string[] = [];
  if (file.profile && file.profile.sha256 !== record.sha256) {
    warnings.push(`${path} was made on another profile (${profileOption(file.profile)}, ${file.profile.hours} hours, sha256 ${file.profile.sha256.slice(0, 12)}…) ` +
      `than the one given (${profileOption(record)}, ${record.hours} hours, sha256 ${record.sha256.slice(0, 12)}…): what its experiments consumed before hour ${args.at} is counted on the one given`);
  }
  const old = planOfScheduleFile(profile, file, path);
  if (args.at < old.restartHour) {
    throw new InputError('--at', undefined, `${path} is a plan re-scheduled at hour ${old.restartHour}; re-schedule it at that hour or later (--at is an hour of the profile)`);
  }
  if (args.at >= profile.hours) throw new InputError('--at', undefined, `hour ${args.at} is past the profile's end (${profile.hours} hours)`);
  const newExperiments = args.add ? readExperimentsFile(args.add) : [];
  const unknown = (args.discard ?? []).filter((id) => !old.individual.problem.experiments.some((experiment) => experiment.id === id));
  if (unknown.length > 0) throw new InputError('--discard', undefined, `${path} schedules no experiment ${unknown.join(', ')}`);
  let rescheduling: Rescheduling;
  try {
    rescheduling = prepareRescheduling(old.individual, { atHour: args.at - old.restartHour, discardIds: args.discard ?? [], newExperiments });
  } catch (error) {
    // e.g. a new experiment reusing a scheduled id, or nothing left to schedule: the input's fault
    if (error instanceof InputError) throw error;
    throw new InputError(args.add ?? path, undefined, (error as Error).message);
  }
  const { problem } = rescheduling;
  const running = problem.experiments.filter((_, e) => problem.running[e]).map((experiment) => experiment.id);
  const counts = [
    `${running.length} running`,
    `${problem.experiments.length - running.length - newExperiments.length} not started`,
    `${newExperiments.length} new`,
    `${rescheduling.finishedIds.length} finished before`,
    `${(args.discard ?? []).length} discarded`,
  ].join(', ');
  return {
    problem,
    initialPopulation: (size, rng, sampler) => reschedulingPopulation(rescheduling, size, rng, sampler),
    profileRecord: record,
    restartHour: args.at,
    description: {
      restartFrom: path,
      at: args.at,
      discard: args.discard ?? [],
      add: args.add ?? null,
      finishedBefore: rescheduling.finishedIds,
      running,
      ...profileFacts,
    },
    summary: `re-scheduling ${path} at hour ${args.at}: ${problem.experiments.length} experiments (${counts}) on ${profileText}`,
    warnings,
  };
}
