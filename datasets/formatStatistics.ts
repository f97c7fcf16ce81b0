import { WEEKDAY_NAMES } from './calendar.js';
import type { ProfileStatistics } from './profileStatistics.js';

const millions = (value: number): string => `${(value / 1e6).toFixed(3)} M`;

/** A readable multi-line summary of profile statistics (the `--stats` output). */
export function formatStatistics(title: string, statistics: ProfileStatistics): string {
  const hours = statistics.hourOfDay.map((factor, hour) => `${String(hour).padStart(2, '0')} ${factor.toFixed(2)}`);
  // Monday first reads more naturally than JavaScript's Sunday-first order
  const days = [1, 2, 3, 4, 5, 6, 0].map((day) => `${WEEKDAY_NAMES[day]} ${statistics.dayOfWeek[day].toFixed(2)}`);
  return [
    title,
    `hours     ${statistics.hours}`,
    `mean      ${millions(statistics.mean)} requests/hour`,
    `min       ${millions(statistics.min)}   max ${millions(statistics.max)}`,
    'hour-of-day factors (UTC, relative to the mean):',
    ...[0, 8, 16].map((from) => `  ${hours.slice(from, from + 8).join('  ')}`),
    'day-of-week factors (relative to the mean):',
    `  ${days.join('  ')}`,
  ].join('\n');
}
