import { csvRecords } from './csvRecordStream.js';
import { rowDecoder, type CsvSchema, type RowOf } from './csvSchema.js';
import { ReportInputError } from './reportInputError.js';

/** `traces.csv`: long format, one row per trial and step (generation or iteration). */
export const tracesSchema = {
  trial_id: 'text',
  study: 'text',
  algorithm: 'text',
  experiments: 'number',
  ress: 'text',
  repetition: 'number',
  step: 'number',
  fitness: 'number',
  /** cumulative evaluations since the run began (null in traces written before it was recorded) */
  evaluations: 'laterNumber',
} as const;

export type TraceRow = RowOf<typeof tracesSchema>;

/** The benchmark figures also read the cumulative evaluations (traces.csv of older versions lack the column). */
export const anytimeTracesSchema = { ...tracesSchema, evaluations: 'number' } as const;

/** Which traces a figure needs; rows outside it are skipped before they are decoded. */
export interface TraceSelection {
  readonly study: string;
  readonly experiments?: number;
  readonly ress?: string;
}

/**
 * Streams `traces.csv` and hands every selected row to `onRow`. A full run's traces hold
 * about a million rows (LS and SA record every iteration), so the file is never loaded whole.
 */
export async function forEachTraceRow<S extends CsvSchema = typeof tracesSchema>(
  path: string,
  selection: TraceSelection,
  onRow: (row: RowOf<S>) => void,
  schema: S = tracesSchema as unknown as S,
): Promise<void> {
  let decode: ((record: readonly string[], line: number) => RowOf<S>) | undefined;
  let columns: { study: number; experiments: number; ress: number; count: number } | undefined;
  let rows = 0;
  // plain lines that cannot hold the study are dropped unsplit (a tenfold speed-up); they still count as rows
  let dropped = 0;
  const mayMatch = (text: string) => text.includes(selection.study) || (dropped++, false);
  try {
    for await (const { record, line } of csvRecords(path, mayMatch)) {
      if (!decode || !columns) {
        const header = record.map((name) => name.trim());
        decode = rowDecoder(header, schema, path);
        columns = { study: header.indexOf('study'), experiments: header.indexOf('experiments'), ress: header.indexOf('ress'), count: header.length };
        continue;
      }
      rows++;
      if (record.length !== columns.count) {
        throw new ReportInputError(path, `line ${line}`, `malformed CSV: ${record.length} fields, the header has ${columns.count}`);
      }
      // cheap text filter first: most rows belong to other studies
      if (record[columns.study] !== selection.study) continue;
      if (selection.ress !== undefined && record[columns.ress] !== selection.ress) continue;
      if (selection.experiments !== undefined && Number(record[columns.experiments]) !== selection.experiments) continue;
      onRow(decode(record, line));
    }
  } catch (error) {
    if (error instanceof ReportInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReportInputError(path, undefined, 'file not found');
    throw new ReportInputError(path, undefined, `malformed CSV: ${(error as Error).message}`);
  }
  if (!decode) throw new ReportInputError(path, undefined, 'empty file: expected a header line and at least one row');
  if (rows + dropped === 0) throw new ReportInputError(path, undefined, 'no data rows (only the header)');
}
