import { MAX_GROUP_REQUESTS_PER_HOUR } from '../problem/trafficProfile.js';
import type { Rng } from '../random/rng.js';
import { NormalDraws } from './normalDraws.js';
import type { WorldTraffic } from './worldTraffic.js';

/**
 * What the planner believes the groups will send. `forecast(from, hours)` is made at the start of
 * simulation hour `from`, knowing the world's rows before it, for hours [from, from + hours):
 * hour-major, one value per group, whole requests.
 */
export interface Forecaster {
  readonly describe: string;
  forecast(from: number, hours: number): Int32Array;
}

/** The truth itself (a perfect forecast). */
export function truthForecaster(world: WorldTraffic): Forecaster {
  const width = world.profile.groups.length;
  return {
    describe: 'the truth',
    forecast: (from, hours) => world.profile.requests.slice((world.origin + from) * width, (world.origin + from + hours) * width),
  };
}

/**
 * The truth times multiplicative noise: forecast(h, g) = round(truth(h, g) · exp(size · z_h)), with
 * z a stationary AR(1) series of unit variance and lag-1 correlation `autocorrelation` (errors that
 * persist for hours, as a day busier than expected does), the same for every group of an hour.
 * The factor of an hour is drawn once per run, so every re-plan sees the same forecast of it;
 * `size` is the standard deviation of the log error (0.1 ≈ ±10 %), median-unbiased.
 */
export function noisyForecaster(world: WorldTraffic, size: number, autocorrelation: number, rng: Rng, hours: number): Forecaster {
  const width = world.profile.groups.length;
  const factors = new Float64Array(hours);
  const normals = new NormalDraws(rng);
  const innovation = Math.sqrt(1 - autocorrelation * autocorrelation);
  let z = normals.next();
  for (let h = 0; h < hours; h++) {
    if (h > 0) z = autocorrelation * z + innovation * normals.next();
    factors[h] = Math.exp(size * z);
  }
  return {
    describe: `the truth with noise ${size}`,
    forecast(from, span) {
      if (from + span > hours) throw new Error(`forecast of hours ${from}–${from + span - 1} beyond the ${hours} hours drawn`);
      const values = new Int32Array(span * width);
      const base = (world.origin + from) * width;
      for (let h = 0; h < span; h++) {
        for (let g = 0; g < width; g++) values[h * width + g] = capped(world.profile.requests[base + h * width + g] * factors[from + h]);
      }
      return values;
    },
  };
}

/** Hours in a week: the season of the seasonal-naive forecast. */
export const WEEK_HOURS = 168;

/**
 * Seasonal naive from the previous weeks: an hour h ≥ from gets the mean of the same hour of the
 * week in the last `weeks` observed weeks, h − 168·(m + j) for j = 0 … weeks − 1, where m is the
 * smallest number of weeks that reaches back before `from`. Needs `168 · weeks` rows of history
 * before hour 0 (the world's origin).
 */
export function seasonalNaiveForecaster(world: WorldTraffic, weeks: number): Forecaster {
  const width = world.profile.groups.length;
  if (world.origin < WEEK_HOURS * weeks) {
    throw new Error(`a seasonal-naive forecast over ${weeks} week(s) needs ${WEEK_HOURS * weeks} hours of history before the simulation's start; it has ${world.origin}`);
  }
  return {
    describe: `seasonal naive over ${weeks} week(s)`,
    forecast(from, span) {
      const values = new Int32Array(span * width);
      for (let h = 0; h < span; h++) {
        const hour = from + h;
        const back = Math.ceil((hour - from + 1) / WEEK_HOURS);
        for (let g = 0; g < width; g++) {
          let sum = 0;
          for (let j = 0; j < weeks; j++) sum += world.profile.requests[(world.origin + hour - WEEK_HOURS * (back + j)) * width + g];
          values[h * width + g] = capped(sum / weeks);
        }
      }
      return values;
    },
  };
}

/** A fixed model of the traffic (rows aligned with the world's profile), e.g. the GitLab-style model without its noise. */
export function modelForecaster(world: WorldTraffic, model: Int32Array, describe: string): Forecaster {
  const width = world.profile.groups.length;
  if (model.length !== world.profile.requests.length) throw new Error('the model must have as many rows as the world\'s profile');
  return {
    describe,
    forecast: (from, hours) => model.slice((world.origin + from) * width, (world.origin + from + hours) * width),
  };
}

function capped(value: number): number {
  return Math.min(MAX_GROUP_REQUESTS_PER_HOUR, Math.round(value));
}
