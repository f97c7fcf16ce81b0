import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | undefined;

/**
 * CSV text with a header row: every table goes through csv-stringify. Missing values are empty
 * cells; booleans are written `true`/`false` (csv-stringify's default would be `1`/empty).
 */
export function toCsv(columns: readonly string[], rows: readonly Readonly<Record<string, CsvValue>>[]): string {
  return stringify(rows.map((row) => columns.map((column) => formatCell(row[column]))), {
    header: true,
    columns: [...columns],
    record_delimiter: 'unix',
  });
}

function formatCell(value: CsvValue): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return value;
}
