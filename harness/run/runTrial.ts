import { performance } from 'node:perf_hooks';
import type { AlgorithmResult } from '../../algorithms/algorithm.js';
import type { Individual } from '../../algorithms/problem/individual.js';
import { createProblem, type Problem } from '../../algorithms/problem/problem.js';
import { formatScheduleFile, individualOfScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import type { SamplerName } from '../../algorithms/operators/buildIndividual.js';
import { samplePopulation } from '../../algorithms/operators/samplePopulation.js';
import { Rng } from '../../algorithms/random/rng.js';
import { prepareRescheduling, reschedulingStart } from '../../algorithms/rescheduling/reschedule.js';
import { algorithmNames, getAlgorithm } from '../../algorithms/registry.js';
import { measureHardness, type InstanceHardness } from '../../datasets/benchmark/instanceHardness.js';
import type { DataSource } from '../../datasets/dataSource.js';
import { loadExperimentSet } from '../../datasets/experimentSets.js';
import { readScheduleFile } from '../io/readInputs.js';
import type { Trial } from '../plan/trial.js';
import { compactTrace } from './compactTrace.js';
import { instanceKey, instanceUpperBound } from './instanceBound.js';
import type { TrialOutcome } from './trialOutcome.js';

/** What the timed part of a trial starts from: the problem and how to sample its shared initial population. */
interface TrialSetup {
  readonly problem: Problem;
  readonly samplePopulation: (size: number, rng: Rng, sampler: SamplerName) => Individual[];
}

/**
 * Runs one trial in this thread and never throws: a failure becomes the outcome's `error`.
 * The timed part is what an algorithm would do alone: sample the shared initial population
 * (same seed for every algorithm of the repetition) and run. Loading data, building the
 * problem and its upper bound and, for re-evaluation, obtaining the old schedule and reducing it are
 * set-up, not timed.
 */
export function runTrial(trial: Trial, data: DataSource): TrialOutcome {
  let started = performance.now();
  try {
    const setup = trial.restart ? reevaluationSetup(trial, data) : scratchSetup(trial, data);
    const upperBound = instanceUpperBound(trial, data, setup.problem);
    started = performance.now();
    const sampler = trial.sampler ?? 'as-published';
    // benchmark trials share no population (size 0): each algorithm samples and pays for its own start
    const initialPopulation = trial.initialPopulationSize > 0 ? setup.samplePopulation(trial.initialPopulationSize, Rng.fromSeed(trial.populationSeed), sampler) : undefined;
    const algorithm = getAlgorithm(trial.algorithm);
    const result: AlgorithmResult = algorithm.run(setup.problem, trial.params, { rng: Rng.fromSeed(trial.seed), initialPopulation, budget: trial.budget, sampler });
    const runtimeMs = performance.now() - started;
    const { best, counters } = result;
    const hardness = instanceHardness(trial, data, setup.problem);
    return {
      trialId: trial.id,
      measurements: {
        fitness: best.fitness,
        durationScore: best.durationScore,
        userGroupScore: best.userGroupScore,
        startScore: best.startScore,
        valid: best.valid,
        evaluations: counters.evaluations,
        crossovers: counters.crossovers,
        mutations: counters.mutations,
        invalidCandidates: counters.invalidCandidates,
        upperBound,
        ...(result.stoppedBy ? { stoppedBy: result.stoppedBy } : {}),
        hardness,
      },
      runtimeMs,
      trace: compactTrace(result.trace),
      // unindented: a paper run keeps over a thousand best schedules
      bestSchedule: formatScheduleFile(best, trial.id, 0),
    };
  } catch (error) {
    return { trialId: trial.id, runtimeMs: performance.now() - started, trace: [], error: oneLine(error) };
  }
}

/** Scheduling from scratch: the set of this size (a RESS variant or a benchmark set) on its profile. */
function scratchSetup(trial: Trial, data: DataSource): TrialSetup {
  const { profile, experiments } = loadExperimentSet(data, trial.ress, trial.experiments, trial.experimentSetSeed);
  const problem = createProblem(profile, experiments, { source: `${data.name} ${trial.ress} n${trial.experiments}` });
  return { problem, samplePopulation: (size, rng, sampler) => samplePopulation(problem, size, rng, sampler) };
}

/** Hardness by instance: measuring runs the greedy, which is deterministic, so a worker reuses it. */
const hardnessByInstance = new Map<string, InstanceHardness>();

/**
 * The instance's hardness figures (datasets/benchmark/instanceHardness.ts), with the registered
 * `greedy` when there is one. Measured after the timed run: it is not part of the trial's cost.
 */
function instanceHardness(trial: Trial, data: DataSource, problem: Problem): InstanceHardness {
  const key = instanceKey(trial, data);
  let hardness = hardnessByInstance.get(key);
  if (!hardness) {
    const greedy = algorithmNames().includes(GREEDY) ? getAlgorithm(GREEDY) : undefined;
    hardness = measureHardness(problem, greedy && ((instance) => greedy.run(instance, greedy.paramsSchema.parse({}), { rng: Rng.fromSeed(0) }).best));
    hardnessByInstance.set(key, hardness);
  }
  return hardness;
}

/** The constructive baseline whose result is part of an instance's hardness figure. */
const GREEDY = 'greedy';

/**
 * Re-evaluation (spec §10): the reduced problem at the restart hour; its initial population is,
 * by default, the old plan carried over (completed with the new experiments) plus sampled
 * individuals — or the trial's as-published or hypothesis variant (reschedule.ts).
 */
function reevaluationSetup(trial: Trial, data: DataSource): TrialSetup {
  const restart = trial.restart!;
  const rescheduling = prepareRescheduling(baseSchedule(trial, data), { atHour: restart.hour, discardIds: restart.discardIds, newExperiments: data.newExperiments() });
  const start = reschedulingStart(rescheduling, restart.population ?? 'sound');
  return { problem: start.problem, samplePopulation: (size, rng, sampler) => start.population(size, rng, sampler) };
}

/** Old schedules by data source and definition: computing one is deterministic, so a worker reuses it. */
const baseSchedules = new Map<string, Individual>();

/**
 * The schedule being re-scheduled: the data source's saved one (the paper's GA schedule in the
 * replication package), else a run of the configured algorithm on this size and RESS.
 */
function baseSchedule(trial: Trial, data: DataSource): Individual {
  const { baseSchedule: definition } = trial.restart!;
  const savedPath = data.savedSchedulePath?.();
  const key = JSON.stringify([data.name, savedPath ?? definition, trial.experiments, trial.ress, trial.experimentSetSeed]);
  let schedule = baseSchedules.get(key);
  if (!schedule) {
    if (savedPath) {
      schedule = individualOfScheduleFile(data.profile(), readScheduleFile(savedPath), savedPath);
    } else {
      const problem = scratchSetup(trial, data).problem;
      const algorithm = getAlgorithm(definition.algorithm);
      schedule = algorithm.run(problem, definition.params, { rng: Rng.fromSeed(definition.seed) }).best;
    }
    baseSchedules.set(key, schedule);
  }
  return schedule;
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.replace(/\s*\n\s*/g, ' | ').trim();
}
