/**
 * Where each row of an hourly profile falls in the week (UTC). Profiles are bare hour
 * indices; hour-of-day and day-of-week statistics need this mapping, either from a start
 * time (row h = start + h hours) or from the rows' own timestamps (the raw GitLab trace,
 * whose rows are NOT consecutive hours — see datasets/README.md).
 */
export interface Calendar {
  /** UTC hour 0–23 of each row */
  readonly hourOfDay: Uint8Array;
  /** UTC weekday of each row, 0 = Sunday … 6 = Saturday (as Date#getUTCDay) */
  readonly dayOfWeek: Uint8Array;
}

export const WEEKDAY_NAMES: readonly string[] = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Hour 0 of the GitLab trace and of the built-in profile: Friday 2018-01-12 23:00 UTC. */
export const GITLAB_TRACE_START = new Date('2018-01-12T23:00:00Z');

const HOUR_MS = 3_600_000;

/** Row h is `start + h` hours. */
export function consecutiveHours(hours: number, start: Date): Calendar {
  const hourOfDay = new Uint8Array(hours);
  const dayOfWeek = new Uint8Array(hours);
  const origin = Math.floor(start.getTime() / HOUR_MS) * HOUR_MS;
  for (let h = 0; h < hours; h++) {
    const time = new Date(origin + h * HOUR_MS);
    hourOfDay[h] = time.getUTCHours();
    dayOfWeek[h] = time.getUTCDay();
  }
  return { hourOfDay, dayOfWeek };
}

/** Each row at its own timestamp (minutes are ignored: 10:53 counts as hour 10). */
export function timestampedHours(times: readonly Date[]): Calendar {
  const hourOfDay = new Uint8Array(times.length);
  const dayOfWeek = new Uint8Array(times.length);
  times.forEach((time, i) => {
    hourOfDay[i] = time.getUTCHours();
    dayOfWeek[i] = time.getUTCDay();
  });
  return { hourOfDay, dayOfWeek };
}

/** Parses an ISO-8601 start time such as `2018-01-12T23:00Z`; undefined when malformed. */
export function parseStartTime(text: string): Date | undefined {
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? undefined : time;
}
