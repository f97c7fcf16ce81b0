import { InputError } from '../../algorithms/problem/inputError.js';
import { deriveSeed } from '../../algorithms/random/rng.js';
import { labelOf, type AlgorithmEntry, type ArrivalsSpec, type ForecastSpec, type SimulationConfig } from './simulationConfig.js';

/** One simulated run of a study: a combination of the sweep, one repetition, its seeds. */
export interface SimulationRunSpec {
  /** e.g. `noisy0.1/poisson1/hazard0.002/replan24/greedy/r1` */
  readonly id: string;
  /** the run id without the repetition: runs of one scenario share it */
  readonly scenario: string;
  readonly repetition: number;
  readonly forecast: ForecastSpec;
  readonly arrivals: ArrivalsSpec;
  readonly failureHazard: number;
  readonly replanEveryHours: number | null;
  readonly replanOnEvents: boolean;
  readonly algorithm: AlgorithmEntry;
  /** defects, metrics, fixes: one per repetition, the same for every planner, forecast and hazard */
  readonly worldSeed: number;
  /** arrival times and kinds: one per repetition (and rate) */
  readonly arrivalSeed: number;
  /** forecast errors: one per repetition, the same series scaled by each noise size */
  readonly forecastSeed: number;
  /** the planner's stream: one per run */
  readonly plannerSeed: number;
}

/**
 * Expands a config into its runs, in a fixed order: forecast → arrivals → hazard → re-planning
 * interval → re-planning on events → algorithm → repetition. The world's seeds depend only on the repetition (common random
 * numbers): every planner, interval and forecast of repetition r meets the same arrivals, the same
 * defects at the same point of each canary's run and the same metric noise, so their outcomes can
 * be compared pairwise.
 */
export function planSimulationRuns(config: SimulationConfig, source = config.name): SimulationRunSpec[] {
  const { scenario, sweep } = config;
  const forecasts = sweep.forecasts ?? [scenario.forecast];
  const arrivals: ArrivalsSpec[] = sweep.arrivalsPerDay
    ? sweep.arrivalsPerDay.map((perDay) => {
      if (scenario.arrivals.kind === 'file') throw new InputError(source, 'sweep.arrivalsPerDay', 'does not apply to arrivals from a file');
      return { kind: 'poisson', perDay, mix: scenario.arrivals.kind === 'poisson' ? scenario.arrivals.mix : 'mid' };
    })
    : [scenario.arrivals];
  const hazards = sweep.failureHazards ?? [scenario.canary.failureHazard];
  const intervals = sweep.replanEveryHours ?? [scenario.planner.replanEveryHours];
  const onEvents = sweep.replanOnEvents ?? [scenario.planner.replanOnEvents];
  const algorithms = sweep.algorithms ?? [scenario.planner.algorithm];
  const runs: SimulationRunSpec[] = [];
  for (const forecast of forecasts) {
    for (const arrival of arrivals) {
      for (const failureHazard of hazards) {
        for (const replanEveryHours of intervals) {
          for (const replanOnEvents of onEvents) {
            for (const algorithm of algorithms) {
              const name = [forecastLabel(forecast), arrivalsLabel(arrival), `hazard${failureHazard}`,
                replanningLabel(replanEveryHours, replanOnEvents), labelOf(algorithm)].join('/');
              for (let repetition = 1; repetition <= config.repetitions; repetition++) {
                const id = `${name}/r${repetition}`;
                runs.push({
                  id,
                  scenario: name,
                  repetition,
                  forecast,
                  arrivals: arrival,
                  failureHazard,
                  replanEveryHours,
                  replanOnEvents,
                  algorithm,
                  worldSeed: deriveSeed(config.baseSeed, `world/r${repetition}`),
                  arrivalSeed: deriveSeed(config.baseSeed, `arrivals/${arrivalsLabel(arrival)}/r${repetition}`),
                  forecastSeed: deriveSeed(config.baseSeed, `forecast/r${repetition}`),
                  plannerSeed: deriveSeed(config.baseSeed, `planner/${id}`),
                });
              }
            }
          }
        }
      }
    }
  }
  const ids = new Set<string>();
  for (const run of runs) {
    if (ids.has(run.id)) throw new InputError(source, 'sweep', `two runs would be named ${run.id}: a sweep list repeats a value`);
    ids.add(run.id);
  }
  return runs;
}

export function forecastLabel(forecast: ForecastSpec): string {
  switch (forecast.kind) {
    case 'truth': return 'truth';
    case 'noisy': return `noisy${forecast.noise}${forecast.autocorrelation !== 0.9 ? `ac${forecast.autocorrelation}` : ''}`;
    case 'seasonal-naive': return `seasonal${forecast.weeks}w`;
    case 'model': return 'model';
  }
}

/** The forecast error size of the tables: the noise of a noisy forecast, empty otherwise. */
export const forecastNoise = (forecast: ForecastSpec): number | undefined => (forecast.kind === 'noisy' ? forecast.noise : forecast.kind === 'truth' ? 0 : undefined);

export function arrivalsLabel(arrivals: ArrivalsSpec): string {
  switch (arrivals.kind) {
    case 'none': return 'no-arrivals';
    case 'poisson': return `poisson${arrivals.perDay}${arrivals.mix !== 'mid' ? arrivals.mix : ''}`;
    case 'file': return 'arrivals-file';
  }
}

/**
 * The re-planning policy's name: `plan-once` (the first plan kept, arrivals and extensions inserted),
 * `on-events` (no periodic re-plan, a full re-plan at every arrival, rollback and shortfall),
 * `replan<k>` (every k hours) and `replan<k>+events` (both).
 */
export const replanningLabel = (hours: number | null, onEvents: boolean): string =>
  (hours === null ? (onEvents ? 'on-events' : 'plan-once') : `replan${hours}${onEvents ? '+events' : ''}`);
