import { ReportInputError } from './reportInputError.js';

/**
 * Column types of the tidy CSVs. Extra columns in a file are ignored (newer harness
 * versions may add some); missing ones are an error naming the file, except `optionalText`
 * columns, which files of older versions may lack (read as ''), and `laterNumber`: a number
 * column added by a later harness version, null in files written before it.
 */
export type ColumnKind = 'text' | 'optionalText' | 'number' | 'optionalNumber' | 'laterNumber' | 'boolean';
export type CsvSchema = Readonly<Record<string, ColumnKind>>;

type ValueOf<K extends ColumnKind> = K extends 'text' | 'optionalText' ? string : K extends 'number' ? number : K extends 'optionalNumber' | 'laterNumber' ? number | null : boolean;
export type RowOf<S extends CsvSchema> = { -readonly [C in keyof S]: ValueOf<S[C]> };

/** Builds a decoder for records of a file whose header is `header`; throws if a schema column is missing. */
export function rowDecoder<S extends CsvSchema>(header: readonly string[], schema: S, source: string): (record: readonly string[], line: number) => RowOf<S> {
  const columns = Object.entries(schema).map(([name, kind]) => ({ name, kind, index: header.indexOf(name) }));
  const missing = columns.filter((column) => column.index < 0 && column.kind !== 'optionalText' && column.kind !== 'laterNumber').map((column) => column.name);
  if (missing.length > 0) {
    throw new ReportInputError(source, 'header', `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (found: ${header.join(', ') || 'nothing'})`);
  }
  return (record, line) => {
    const row: Record<string, unknown> = {};
    for (const { name, kind, index } of columns) row[name] = decodeCell(record[index] ?? '', kind, source, line, name);
    return row as RowOf<S>;
  };
}

function decodeCell(cell: string, kind: ColumnKind, source: string, line: number, column: string): unknown {
  const text = cell.trim();
  const fail = (expected: string) => new ReportInputError(source, `line ${line}, column ${column}`, `"${cell}" is not ${expected}`);
  switch (kind) {
    case 'text':
    case 'optionalText':
      return text;
    case 'boolean':
      if (/^(true|1|yes)$/i.test(text)) return true;
      if (/^(false|0|no|)$/i.test(text)) return false;
      throw fail('a boolean (true/false)');
    case 'number':
    case 'optionalNumber':
    case 'laterNumber': {
      if (text === '' || /^(nan|null|na)$/i.test(text)) {
        if (kind !== 'number') return null;
        throw fail('a number');
      }
      const value = Number(text);
      if (Number.isNaN(value)) throw fail('a number');
      if (!Number.isFinite(value)) throw fail('a finite number');
      return value;
    }
  }
}
