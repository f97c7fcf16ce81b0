import { parse } from 'csv-parse/sync';
import { InputError } from '../algorithms/problem/inputError.js';

/**
 * The raw GitLab trace (`Time,Requests/s,Requests/hour`) with its timestamps. The project's
 * profile loader keeps only the requests; the fit and the statistics of the trace also need
 * each row's real time, because the rows are not consecutive hours (datasets/README.md).
 */
export interface RawTrace {
  readonly times: Date[];
  /** Requests/hour as written (not rounded) */
  readonly requestsPerHour: Float64Array;
}

const HEADER = 'Time,Requests/s,Requests/hour';

export function isRawTrace(text: string): boolean {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].trim() === HEADER;
}

export function parseRawTrace(text: string, source: string): RawTrace {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new InputError(source, undefined, `malformed CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (rows.length === 0 || rows[0].join(',') !== HEADER) {
    throw new InputError(source, 'line 1', `expected the header "${HEADER}"`);
  }
  if (rows.length === 1) throw new InputError(source, 'line 2', 'no data rows');
  const times: Date[] = [];
  const requestsPerHour = new Float64Array(rows.length - 1);
  for (let r = 1; r < rows.length; r++) {
    const [timeCell, , requestsCell] = rows[r];
    const time = new Date(timeCell);
    if (Number.isNaN(time.getTime())) throw new InputError(source, `line ${r + 1}, field Time`, `"${timeCell}" is not an ISO-8601 time`);
    const requests = Number(requestsCell);
    if (requestsCell === '' || !Number.isFinite(requests) || requests <= 0) {
      throw new InputError(source, `line ${r + 1}, field Requests/hour`, `"${requestsCell}" is not a positive number`);
    }
    times.push(time);
    requestsPerHour[r - 1] = requests;
  }
  return { times, requestsPerHour };
}
