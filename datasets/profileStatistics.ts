import type { Calendar } from './calendar.js';
import type { TrafficProfile } from '../algorithms/problem/trafficProfile.js';

/**
 * Summary statistics of an hourly traffic series (spec §1 quotes them for the GitLab trace).
 * Factors are relative to the overall mean: hourOfDay[k] = mean of the rows at UTC hour k / mean.
 */
export interface ProfileStatistics {
  readonly hours: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** 24 factors, index = UTC hour */
  readonly hourOfDay: readonly number[];
  /** 7 factors, index = weekday, 0 = Sunday (see WEEKDAY_NAMES) */
  readonly dayOfWeek: readonly number[];
}

/** Requests per hour summed over all user groups. */
export function hourlyTotals(profile: TrafficProfile): Float64Array {
  const width = profile.groups.length;
  const totals = new Float64Array(profile.hours);
  for (let h = 0; h < profile.hours; h++) {
    let sum = 0;
    for (let g = 0; g < width; g++) sum += profile.requests[h * width + g];
    totals[h] = sum;
  }
  return totals;
}

export function seriesStatistics(values: ArrayLike<number>, calendar: Calendar): ProfileStatistics {
  const n = values.length;
  if (n === 0) throw new Error('statistics of an empty series');
  if (calendar.hourOfDay.length !== n) throw new Error(`calendar covers ${calendar.hourOfDay.length} rows, the series has ${n}`);
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  const hourSum = new Float64Array(24);
  const hourCount = new Float64Array(24);
  const daySum = new Float64Array(7);
  const dayCount = new Float64Array(7);
  for (let i = 0; i < n; i++) {
    const value = values[i];
    sum += value;
    if (value < min) min = value;
    if (value > max) max = value;
    hourSum[calendar.hourOfDay[i]] += value;
    hourCount[calendar.hourOfDay[i]]++;
    daySum[calendar.dayOfWeek[i]] += value;
    dayCount[calendar.dayOfWeek[i]]++;
  }
  const mean = sum / n;
  // A slot the series never visits (fewer than 24 h / 7 days of data) gets NaN, not a made-up 1.
  const factor = (total: number, count: number): number => (count > 0 ? total / count / mean : Number.NaN);
  return {
    hours: n,
    mean,
    min,
    max,
    hourOfDay: Array.from(hourSum, (total, k) => factor(total, hourCount[k])),
    dayOfWeek: Array.from(daySum, (total, k) => factor(total, dayCount[k])),
  };
}

/** Statistics of a profile's hourly totals (sum of groups). */
export const profileStatistics = (profile: TrafficProfile, calendar: Calendar): ProfileStatistics =>
  seriesStatistics(hourlyTotals(profile), calendar);
