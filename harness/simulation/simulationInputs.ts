import { resolve } from 'node:path';
import type { Experiment } from '../../algorithms/problem/experiment.js';
import { experimentFromJson } from '../../algorithms/problem/experimentFormat.js';
import { InputError } from '../../algorithms/problem/inputError.js';
import { parseJson } from '../../algorithms/problem/jsonText.js';
import type { TrafficProfile } from '../../algorithms/problem/trafficProfile.js';
import { getAlgorithm } from '../../algorithms/registry.js';
import { Rng } from '../../algorithms/random/rng.js';
import { modelForecaster, noisyForecaster, seasonalNaiveForecaster, truthForecaster, WEEK_HOURS, type Forecaster } from '../../algorithms/simulation/forecast.js';
import { poissonArrivalHours } from '../../algorithms/simulation/poissonArrivals.js';
import type { WorldTraffic } from '../../algorithms/simulation/worldTraffic.js';
import { BUILTIN_PROFILE_PARAMETERS } from '../../datasets/builtinDataSource.js';
import { openDataSource, type DataSource } from '../../datasets/dataSource.js';
import { generateGitlabProfile } from '../../datasets/gitlabProfile.js';
import { experimentSetSeed } from '../plan/experimentSetSeed.js';
import { readExperimentsFile, readProfileFile, readText } from '../io/readInputs.js';
import { labelOf, type SimulationConfig } from './simulationConfig.js';
import type { SimulationRunSpec } from './simulationPlan.js';
import type { ArrivingExperiment, SimulationSetup } from './simulateRun.js';

/** What every run of a study reads: loaded once. */
export interface SimulationInputs {
  readonly world: WorldTraffic;
  /** "builtin profile", a file name, … */
  readonly profileName: string;
  readonly initial: readonly Experiment[];
  /** the experiments Poisson arrivals are drawn from, per RESS variant */
  readonly mix: (ress: 'low' | 'mid' | 'high') => readonly Experiment[];
  /** arrivals read from the scenario's file */
  readonly fileArrivals?: readonly { hour: number; experiment: Experiment }[];
  /** the GitLab-style model without noise, rows aligned with the profile (builtin data only) */
  readonly model?: () => Int32Array;
}

/**
 * Loads the profile, the initial set and the arrival sources of a config, and checks that the
 * profile is long enough for the start hour, the simulated hours and the planning horizon
 * (one line naming the config field otherwise).
 */
export function loadSimulationInputs(config: SimulationConfig, source: string, dataOverride?: string): SimulationInputs {
  const { scenario } = config;
  const dataSpec = dataOverride ?? config.data;
  let data: DataSource | undefined;
  const dataSource = (): DataSource => (data ??= openDataSource(dataSpec));
  const profile: TrafficProfile = config.profile ? readProfileFile(resolve(config.profile)) : dataSource().profile();
  const profileName = config.profile ?? `${dataSpec} profile`;
  const needed = scenario.startHour + scenario.hours + scenario.drainHours + scenario.planningHorizonHours;
  if (needed > profile.hours) {
    throw new InputError(source, 'scenario', `startHour ${scenario.startHour} + hours ${scenario.hours} + drainHours ${scenario.drainHours} + planningHorizonHours ${scenario.planningHorizonHours} = ${needed} hours, but the profile (${profileName}) has ${profile.hours}`);
  }
  const weeks = Math.max(0, ...[scenario.forecast, ...(config.sweep.forecasts ?? [])].map((forecast) => (forecast.kind === 'seasonal-naive' ? forecast.weeks : 0)));
  if (scenario.startHour < WEEK_HOURS * weeks) {
    throw new InputError(source, 'scenario.startHour', `a seasonal-naive forecast over ${weeks} week(s) needs ${WEEK_HOURS * weeks} hours of history before the start; startHour is ${scenario.startHour}`);
  }
  const usesModel = [scenario.forecast, ...(config.sweep.forecasts ?? [])].some((forecast) => forecast.kind === 'model');
  if (usesModel && (config.profile || dataSpec.trim() !== 'builtin')) {
    throw new InputError(source, 'forecast', 'the "model" forecast is the built-in GitLab-style model, aligned with the builtin profile\'s hours: it needs "data": "builtin" and no "profile"');
  }
  const setSeed = (ress: 'low' | 'mid' | 'high') => experimentSetSeed(config.baseSeed, ress);
  let initial: Experiment[];
  if ('set' in scenario.experiments) {
    const [ress, size] = scenario.experiments.set.split(':') as ['low' | 'mid' | 'high', string];
    initial = dataSource().experimentSet(Number(size), ress, setSeed(ress));
  } else {
    initial = readExperimentsFile(resolve(scenario.experiments.file));
  }
  checkGroups(initial, profile, source, 'scenario.experiments');
  const mixes = new Map<string, Experiment[]>();
  const mix = (ress: 'low' | 'mid' | 'high'): Experiment[] => {
    let experiments = mixes.get(ress);
    if (!experiments) mixes.set(ress, (experiments = dataSource().experimentSet(10, ress, setSeed(ress))));
    return experiments;
  };
  const fileArrivals = scenario.arrivals.kind === 'file' ? readArrivalsFile(resolve(scenario.arrivals.file), scenario.hours, initial) : undefined;
  if (fileArrivals) checkGroups(fileArrivals.map((item) => item.experiment), profile, scenario.arrivals.kind === 'file' ? scenario.arrivals.file : source, 'experiment');
  let model: Int32Array | undefined;
  return {
    world: { profile, origin: scenario.startHour },
    profileName,
    initial,
    mix,
    ...(fileArrivals ? { fileArrivals } : {}),
    ...(usesModel ? { model: () => (model ??= meanModelProfile(profile.hours)) } : {}),
  };
}

/** The built-in GitLab-style model's expected traffic (its noise switched off), split into the paper's groups. */
function meanModelProfile(hours: number): Int32Array {
  const parameters = { ...BUILTIN_PROFILE_PARAMETERS, noise: { phi: 0, sigma: 0 } };
  return generateGitlabProfile(parameters, { seed: 1, hours }).requests;
}

/** `[{"hour": 30, "experiment": {…}}, …]`: arrivals at hours 1 … hours − 1, ids unlike the initial set's. */
function readArrivalsFile(path: string, hours: number, initial: readonly Experiment[]): { hour: number; experiment: Experiment }[] {
  const value = parseJson(readText(path), path);
  if (!Array.isArray(value)) throw new InputError(path, '(root)', 'expected a JSON array of {"hour": …, "experiment": {…}}');
  const ids = new Set(initial.map((experiment) => experiment.id));
  const arrivals = value.map((item, i) => {
    if (typeof item !== 'object' || item === null) throw new InputError(path, `[${i}]`, 'expected {"hour": …, "experiment": {…}}');
    const { hour, experiment } = item as { hour?: unknown; experiment?: unknown };
    if (typeof hour !== 'number' || !Number.isInteger(hour) || hour < 1 || hour >= hours) {
      throw new InputError(path, `[${i}].hour`, `must be a whole hour in 1…${hours - 1} (the scenario's arrival window; hour 0 is the initial set)`);
    }
    const parsed = experimentFromJson(experiment, path, `[${i}].experiment`);
    if (ids.has(parsed.id)) throw new InputError(path, `[${i}].experiment.id`, `duplicate experiment id ${parsed.id} (ids must differ from each other and from the initial set's)`);
    ids.add(parsed.id);
    return { hour, experiment: parsed };
  });
  return arrivals.sort((a, b) => a.hour - b.hour);
}

function checkGroups(experiments: readonly Experiment[], profile: TrafficProfile, source: string, where: string): void {
  for (const experiment of experiments) {
    for (const group of experiment.preferredUserGroup) {
      if (!profile.groups.includes(group)) throw new InputError(source, `${where} (experiment ${experiment.id})`, `preferred group "${group}" is not in the profile (groups: ${profile.groups.join(', ')})`);
    }
  }
}

/** The experiments of one run: the initial set at hour 0, then its arrivals (Poisson draws or the file), ids after the initial set's. */
export function arrivingExperiments(run: SimulationRunSpec, inputs: SimulationInputs, hours: number): ArrivingExperiment[] {
  const initial: ArrivingExperiment[] = inputs.initial.map((experiment) => ({ experiment, arrival: 0, lineage: `i${experiment.id}`, origin: 'initial' }));
  const { arrivals } = run;
  if (arrivals.kind === 'none') return initial;
  if (arrivals.kind === 'file') {
    return [...initial, ...(inputs.fileArrivals ?? []).map((item, k) => ({ experiment: item.experiment, arrival: item.hour, lineage: `a${k + 1}`, origin: 'arrival' as const }))];
  }
  const rng = Rng.fromSeed(run.arrivalSeed);
  const mix = inputs.mix(arrivals.mix);
  let nextId = Math.max(0, ...inputs.initial.map((experiment) => experiment.id)) + 1;
  const drawn = poissonArrivalHours(rng, arrivals.perDay / 24, 1, hours).map((hour, k) => {
    const kind = rng.pick(mix);
    return { experiment: { ...kind, id: nextId++ }, arrival: hour, lineage: `a${k + 1}`, origin: 'arrival' as const };
  });
  return [...initial, ...drawn];
}

/** The forecaster of one run. */
export function forecasterOf(run: SimulationRunSpec, inputs: SimulationInputs, hours: number): Forecaster {
  const { forecast } = run;
  switch (forecast.kind) {
    case 'truth': return truthForecaster(inputs.world);
    case 'noisy': return noisyForecaster(inputs.world, forecast.noise, forecast.autocorrelation, Rng.fromSeed(run.forecastSeed), hours);
    case 'seasonal-naive': return seasonalNaiveForecaster(inputs.world, forecast.weeks);
    case 'model': return modelForecaster(inputs.world, inputs.model!(), 'the GitLab-style model');
  }
}

/** The complete set-up of one simulated run. */
export function setupOf(run: SimulationRunSpec, config: SimulationConfig, inputs: SimulationInputs, clock?: () => number): SimulationSetup {
  const { scenario } = config;
  const maxHours = scenario.hours + scenario.drainHours;
  const algorithm = getAlgorithm(run.algorithm.name);
  const { canary } = scenario;
  return {
    world: inputs.world,
    forecaster: forecasterOf(run, inputs, maxHours + scenario.planningHorizonHours),
    experiments: arrivingExperiments(run, inputs, scenario.hours),
    maxHours,
    planningHorizonHours: scenario.planningHorizonHours,
    canary: {
      failureHazard: run.failureHazard,
      analysis: {
        latencyMs: canary.latencyMs,
        latencyCv: canary.latencyCv,
        degradation: canary.degradation,
        intervalsPerHour: canary.intervalsPerHour,
        windowHours: canary.windowHours,
        minimumHours: canary.minimumHours,
        alpha: canary.alpha,
        minimumEffect: canary.minimumEffect,
        consecutiveFailures: canary.consecutiveFailures,
      },
      requeueProbability: canary.requeueProbability,
      fixDelayHours: canary.fixDelayHours,
      maxFixes: canary.maxFixes,
    },
    shortfall: scenario.shortfall,
    planner: {
      algorithm,
      params: algorithm.paramsSchema.parse(run.algorithm.params),
      label: labelOf(run.algorithm),
      replanEveryHours: run.replanEveryHours,
      replanOnEvents: run.replanOnEvents,
      populationSize: scenario.planner.populationSize,
    },
    worldSeed: run.worldSeed,
    plannerSeed: run.plannerSeed,
    ...(clock ? { clock } : {}),
  };
}
