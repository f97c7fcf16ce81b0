import type { Calendar } from './calendar.js';
import type { GitlabProfileParameters } from './gitlabProfileModel.js';
import { seriesStatistics } from './profileStatistics.js';

/** Fitted values only, without the descriptive fields of the JSON file. */
export type FittedGitlabParameters = Pick<GitlabProfileParameters, 'level' | 'hourOfDay' | 'dayOfWeek' | 'noise'> & {
  /** rows used for the noise fit (the first contiguous stretch of the trace) */
  noiseRows: number;
};

/** Window of the moving average that takes the slow trend out before the noise fit: one week. */
const TREND_WINDOW = 168;

/**
 * Fits the model of gitlabProfileModel.ts to an hourly trace (pure).
 *
 * - level, hour-of-day and day-of-week factors: moment estimates, the mean of the rows in
 *   each calendar slot divided by the overall mean. They are exactly the statistics
 *   `seriesStatistics` reports, so a generated profile reproduces them.
 * - noise: fitted on the log residuals that no calendar pattern explains. The residual of a
 *   row is log(requests) minus the mean log of its hour-of-week slot (168 slots, which also
 *   absorbs the weekday × hour interaction the 24 + 7 factors cannot express), minus a
 *   centred one-week moving average (the slow growth after the January holidays, which a
 *   stationary model should not turn into noise). sigma = their standard deviation, phi =
 *   their lag-1 autocorrelation.
 *   Only the first contiguous stretch is used: the GitLab trace repeats one window of
 *   itself (its timestamps jump back six times), and the repeats would fake correlation.
 */
export function fitGitlabProfile(values: ArrayLike<number>, times: readonly Date[], calendar: Calendar): FittedGitlabParameters {
  const statistics = seriesStatistics(values, calendar);
  const noiseRows = firstContiguousStretch(times);
  const residuals = calendarResiduals(values, calendar, noiseRows);
  const detrended = subtractMovingAverage(residuals, TREND_WINDOW);
  return {
    level: statistics.mean,
    hourOfDay: [...statistics.hourOfDay],
    dayOfWeek: [...statistics.dayOfWeek],
    noise: { phi: lagOneAutocorrelation(detrended), sigma: standardDeviation(detrended) },
    noiseRows,
  };
}

/** Rows up to (not including) the first timestamp that does not move forward. */
export function firstContiguousStretch(times: readonly Date[]): number {
  for (let i = 1; i < times.length; i++) {
    if (times[i].getTime() <= times[i - 1].getTime()) return i;
  }
  return times.length;
}

/** log(value) minus the mean log of its hour-of-week slot (slot means over the whole series). */
function calendarResiduals(values: ArrayLike<number>, calendar: Calendar, rows: number): Float64Array {
  const slotOf = (i: number): number => calendar.dayOfWeek[i] * 24 + calendar.hourOfDay[i];
  const slotSum = new Float64Array(168);
  const slotCount = new Float64Array(168);
  for (let i = 0; i < values.length; i++) {
    slotSum[slotOf(i)] += Math.log(values[i]);
    slotCount[slotOf(i)]++;
  }
  const residuals = new Float64Array(rows);
  for (let i = 0; i < rows; i++) residuals[i] = Math.log(values[i]) - slotSum[slotOf(i)] / slotCount[slotOf(i)];
  return residuals;
}

/** Series minus its centred moving average; only rows where the whole window fits are kept. */
function subtractMovingAverage(series: Float64Array, window: number): Float64Array {
  const half = Math.floor(window / 2);
  if (series.length < window + 2) throw new Error(`the noise fit needs more than ${window + 2} contiguous rows, got ${series.length}`);
  const out = new Float64Array(series.length - 2 * half);
  let sum = 0;
  for (let i = 0; i < window; i++) sum += series[i];
  for (let center = half; center < series.length - half; center++) {
    out[center - half] = series[center] - sum / window;
    if (center + half < series.length) sum += series[center + half] - series[center - half];
  }
  return out;
}

function mean(series: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < series.length; i++) sum += series[i];
  return sum / series.length;
}

function standardDeviation(series: ArrayLike<number>): number {
  const m = mean(series);
  let sum = 0;
  for (let i = 0; i < series.length; i++) sum += (series[i] - m) ** 2;
  return Math.sqrt(sum / series.length);
}

function lagOneAutocorrelation(series: ArrayLike<number>): number {
  const m = mean(series);
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < series.length; i++) {
    denominator += (series[i] - m) ** 2;
    if (i > 0) numerator += (series[i] - m) * (series[i - 1] - m);
  }
  return numerator / denominator;
}
