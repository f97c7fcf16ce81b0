import { InputError } from '../../algorithms/problem/inputError.js';
import type { Individual } from '../../algorithms/problem/individual.js';
import { createProblem, type Problem } from '../../algorithms/problem/problem.js';
import { individualOfScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import type { Rng } from '../../algorithms/random/rng.js';
import { prepareRescheduling, reschedulingPopulation, type Rescheduling } from '../../algorithms/rescheduling/reschedule.js';
import type { TrafficProfile } from '../../algorithms/problem/trafficProfile.js';
import { openDataSource, type DataSource, type Ress } from '../../datasets/dataSource.js';
import { readExperimentsFile, readProfileFile, readScheduleFile } from '../io/readInputs.js';

/** Where the problem comes from: a data source's set, files, or an old schedule to re-schedule. */
export interface ScheduleInputArgs {
  readonly data: string;
  /** "<low|mid|high>:<size>", e.g. "mid:30" */
  readonly set?: string;
  /** seed of the priorities of scaled sets (sizes above 10) */
  readonly setSeed: number;
  readonly experiments?: string;
  readonly profile?: string;
  readonly restartFrom?: string;
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
  readonly initialPopulation?: (size: number, rng: Rng) => Individual[];
  /** for run.json: what was read */
  readonly description: Record<string, unknown>;
}

const SET_PATTERN = /^(low|mid|high):(\d+)$/;

export function parseSetSpec(spec: string): { ress: Ress; size: number } {
  const match = SET_PATTERN.exec(spec.trim());
  if (!match || Number(match[2]) < 1) throw new InputError('--set', undefined, `"${spec}" is not RESS:SIZE, e.g. mid:30 (RESS: low, mid or high)`);
  return { ress: match[1] as Ress, size: Number(match[2]) };
}

/** Builds the problem the CLI schedules; every input mistake surfaces as a one-line InputError. */
export function loadScheduleInputs(args: ScheduleInputArgs): ScheduleInputs {
  let source: DataSource | undefined;
  const data = (): DataSource => (source ??= openDataSource(args.data));
  const profile: TrafficProfile = args.profile ? readProfileFile(args.profile) : data().profile();
  const profileName = args.profile ?? `${args.data} profile`;

  if (args.restartFrom) return restartInputs(args, args.restartFrom, profile, profileName);

  if (args.set) {
    const { ress, size } = parseSetSpec(args.set);
    const experiments = data().experimentSet(size, ress, args.setSeed);
    const name = `${data().name} ${ress} n${size}`;
    return {
      problem: createProblem(profile, experiments, { source: name }),
      description: { data: data().name, set: args.set, setSeed: args.setSeed, profile: profileName },
    };
  }
  if (!args.experiments) throw new InputError('arguments', undefined, 'give --set RESS:SIZE, --experiments FILE or --restart-from SCHEDULE');
  return {
    problem: createProblem(profile, readExperimentsFile(args.experiments), { source: args.experiments }),
    description: { experiments: args.experiments, profile: profileName },
  };
}

/** Re-scheduling (spec §10): the old schedule's experiments on the profile, reduced at hour `at`. */
function restartInputs(args: ScheduleInputArgs, path: string, profile: TrafficProfile, profileName: string): ScheduleInputs {
  if (args.at === undefined) throw new InputError('--restart-from', undefined, 'needs --at HOUR (the re-scheduling hour)');
  if (!Number.isInteger(args.at) || args.at < 0) throw new InputError('--at', undefined, `expected a whole hour ≥ 0, got ${args.at}`);
  const file = readScheduleFile(path);
  const old = individualOfScheduleFile(profile, file, path);
  const newExperiments = args.add ? readExperimentsFile(args.add) : [];
  const unknown = (args.discard ?? []).filter((id) => !old.problem.experiments.some((experiment) => experiment.id === id));
  if (unknown.length > 0) throw new InputError('--discard', undefined, `${path} schedules no experiment ${unknown.join(', ')}`);
  let rescheduling: Rescheduling;
  try {
    rescheduling = prepareRescheduling(old, { atHour: args.at, discardIds: args.discard ?? [], newExperiments });
  } catch (error) {
    // e.g. a new experiment reusing a scheduled id, or nothing left to schedule: the input's fault
    if (error instanceof InputError) throw error;
    throw new InputError(args.add ?? path, undefined, (error as Error).message);
  }
  return {
    problem: rescheduling.problem,
    initialPopulation: (size, rng) => reschedulingPopulation(rescheduling, size, rng),
    description: {
      restartFrom: path,
      at: args.at,
      discard: args.discard ?? [],
      add: args.add ?? null,
      finishedBefore: rescheduling.finishedIds,
      profile: profileName,
      ...(args.profile ? {} : { data: args.data }),
    },
  };
}
