import { parse } from 'csv-parse/sync';
import { InputError } from './inputError.js';
import { createProfile, MAX_GROUP_REQUESTS_PER_HOUR, type TrafficProfile } from './trafficProfile.js';

/** The paper's split of the raw trace (spec §1): a 10 % control group, then five groups. */
export const PAPER_CONTROL_SHARE = 0.1;
export const PAPER_GROUP_SHARES: readonly number[] = [0.4, 0.1, 0.2, 0.15, 0.15];
export const PAPER_GROUPS: readonly string[] = ['group1', 'group2', 'group3', 'group4', 'group5'];

const RAW_TRACE_HEADER = ['Time', 'Requests/s', 'Requests/hour'];
/** Largest raw hour whose biggest group (0.9 × 0.4 = 36 %) stays within MAX_GROUP_REQUESTS_PER_HOUR. */
const MAX_RAW_REQUESTS_PER_HOUR = 88_000_000;

function readRows(text: string, source: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(source, undefined, `malformed CSV: ${message}`);
  }
}

/** Reads either profile format of spec §1, telling them apart by the header. */
export function parseProfile(text: string, source: string): TrafficProfile {
  const rows = readRows(text, source);
  if (rows.length === 0) throw new InputError(source, 'line 1', 'empty file: expected a header');
  const header = rows[0];
  if (header.join(',') === RAW_TRACE_HEADER.join(',')) return rawTraceToProfile(rows, source);
  return groupTableToProfile(rows, source);
}

/** Group table: `hour,group1,group2,…`, one row per hour from 0, integer requests. */
function groupTableToProfile(rows: string[][], source: string): TrafficProfile {
  const header = rows[0];
  if (header[0] !== 'hour') {
    throw new InputError(source, 'line 1',
      `header must start with "hour" followed by group names (or be "${RAW_TRACE_HEADER.join(',')}"), got "${header.join(',')}"`);
  }
  const groups = header.slice(1);
  if (groups.length === 0) throw new InputError(source, 'line 1', 'header names no user group after "hour"');
  const duplicate = groups.find((group, i) => groups.indexOf(group) !== i);
  if (duplicate !== undefined) throw new InputError(source, 'line 1', `group "${duplicate}" appears twice`);
  const hours = rows.length - 1;
  if (hours === 0) throw new InputError(source, 'line 2', 'no data rows');
  const requests = new Int32Array(hours * groups.length);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const line = `line ${r + 1}`;
    if (Number(row[0]) !== r - 1 || row[0] === '') {
      throw new InputError(source, `${line}, field hour`, `expected hour ${r - 1}, got "${row[0]}" (hours must run 0, 1, 2, … without gaps)`);
    }
    for (let g = 0; g < groups.length; g++) {
      requests[(r - 1) * groups.length + g] = parseCount(row[g + 1], source, `${line}, field ${groups[g]}`);
    }
  }
  return createProfile(groups, requests);
}

function parseCount(cell: string, source: string, location: string): number {
  const value = Number(cell);
  if (cell === '' || !Number.isFinite(value)) throw new InputError(source, location, `"${cell}" is not a number`);
  if (value < 0) throw new InputError(source, location, `negative traffic ${cell}`);
  if (!Number.isInteger(value) || value > MAX_GROUP_REQUESTS_PER_HOUR) {
    throw new InputError(source, location,
      `traffic must be a whole number of requests, at most ${MAX_GROUP_REQUESTS_PER_HOUR} per group and hour, got ${cell}`);
  }
  return value;
}

/**
 * Raw trace `Time,Requests/s,Requests/hour` → five groups, as the paper converted it:
 * `r = round(Requests/hour)`, control `round(0.1·r)` held out, then each group
 * `round(u · share)`. The original read the value as a 32-bit float and multiplied in
 * float; only that reproduces the published group table in all 8274 rows (in double,
 * 119 rows differ by one request).
 */
function rawTraceToProfile(rows: string[][], source: string): TrafficProfile {
  const hours = rows.length - 1;
  if (hours === 0) throw new InputError(source, 'line 2', 'no data rows');
  const width = PAPER_GROUPS.length;
  const requests = new Int32Array(hours * width);
  for (let r = 1; r < rows.length; r++) {
    const cell = rows[r][2];
    const perHour = Number(cell);
    const location = `line ${r + 1}, field Requests/hour`;
    if (cell === '' || !Number.isFinite(perHour)) throw new InputError(source, location, `"${cell}" is not a number`);
    if (perHour < 0) throw new InputError(source, location, `negative traffic ${cell}`);
    if (perHour > MAX_RAW_REQUESTS_PER_HOUR) {
      throw new InputError(source, location, `at most ${MAX_RAW_REQUESTS_PER_HOUR} requests per hour (the largest group gets 36 %), got ${cell}`);
    }
    splitRequests(perHour, requests, (r - 1) * width);
  }
  return createProfile(PAPER_GROUPS, requests);
}

/** Splits one hour's raw requests into the paper's five groups, writing them at `offset`. */
export function splitRequests(requestsPerHour: number, into: Int32Array, offset: number): void {
  const total = Math.round(Math.fround(requestsPerHour));
  const users = total - Math.round(Math.fround(total * Math.fround(PAPER_CONTROL_SHARE)));
  for (let g = 0; g < PAPER_GROUP_SHARES.length; g++) {
    into[offset + g] = Math.round(Math.fround(users * Math.fround(PAPER_GROUP_SHARES[g])));
  }
}

/** The group-table CSV text of a profile. */
export function formatGroupTable(profile: TrafficProfile): string {
  const width = profile.groups.length;
  const lines = [`hour,${profile.groups.join(',')}`];
  for (let h = 0; h < profile.hours; h++) {
    lines.push(`${h},${Array.from(profile.requests.subarray(h * width, (h + 1) * width)).join(',')}`);
  }
  return `${lines.join('\n')}\n`;
}
