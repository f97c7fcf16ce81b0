import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { rowDecoder, type CsvSchema, type RowOf } from './csvSchema.js';
import { ReportInputError } from './reportInputError.js';

/** A CSV file as text cells: what the report's tables show verbatim. */
export interface CsvText {
  readonly source: string;
  readonly header: string[];
  readonly records: string[][];
  /** 1-based line of each record in the file, for error messages */
  readonly lines: number[];
}

/** Reads a file, turning "not found" into a message naming it. */
export function readResultsFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportInputError(path, undefined, code === 'ENOENT' ? 'file not found' : (error as Error).message);
  }
}

/** Parses CSV text; an empty file, a file with only a header, or ragged rows are errors naming `source`. */
export function parseCsvText(text: string, source: string): CsvText {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, info: true, relax_column_count: false }) as never;
  } catch (error) {
    throw new ReportInputError(source, undefined, `malformed CSV: ${(error as Error).message}`);
  }
  if (rows.length === 0) throw new ReportInputError(source, undefined, 'empty file: expected a header line and at least one row');
  const [headerRow, ...body] = rows;
  if (body.length === 0) throw new ReportInputError(source, undefined, `no data rows (only the header: ${headerRow.record.join(',')})`);
  return { source, header: headerRow.record.map((name) => name.trim()), records: body.map((row) => row.record), lines: body.map((row) => row.info.lines) };
}

export function readCsvText(path: string): CsvText {
  return parseCsvText(readResultsFile(path), path);
}

/** Parses CSV text into typed rows following `schema`. */
export function parseTypedCsv<S extends CsvSchema>(text: string, source: string, schema: S): RowOf<S>[] {
  const table = parseCsvText(text, source);
  const decode = rowDecoder(table.header, schema, source);
  return table.records.map((record, i) => decode(record, table.lines[i]));
}

export function readTypedCsv<S extends CsvSchema>(path: string, schema: S): RowOf<S>[] {
  return parseTypedCsv(readResultsFile(path), path, schema);
}
