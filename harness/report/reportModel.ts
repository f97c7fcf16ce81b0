import type { BenchmarkSection } from './benchmarkSection.js';
import type { ClaimRow } from './claims.js';
import type { SetupSummary } from './manifest.js';
import type { ComparisonRow } from './paperComparison.js';

/** Everything the report shows, gathered once and rendered as HTML and as Markdown. */
export interface ReportModel {
  readonly runName: string;
  /** manifest facts, or why they are missing */
  readonly setup: SetupSummary | { error: string };
  /** one line per study: trials and failures */
  readonly studies: { study: string; trials: number; failed: number }[];
  readonly comparison: { rows: ComparisonRow[] } | { error: string };
  /** the paper's claims, each with a verdict (claims.ts) */
  readonly claims: { rows: ClaimRow[] } | { error: string };
  /** "How good are these algorithms?": present when the run has a benchmark study */
  readonly benchmark?: BenchmarkSection | { error: string };
  readonly figures: ReportFigure[];
  readonly tables: ReportTable[];
  /** every error met while building the report, in order */
  readonly problems: string[];
}

export type ReportFigure = (
  | { readonly name: string; readonly title: string; readonly status: 'rendered'; readonly caption: string; readonly svg: string }
  | { readonly name: string; readonly title: string; readonly status: 'skipped' | 'failed'; readonly message: string }
) & { readonly section?: 'benchmark' };

export type ReportTable =
  | { readonly file: string; readonly title: string; readonly header: string[]; readonly records: string[][]; readonly note?: string }
  | { readonly file: string; readonly title: string; readonly error: string };

/**
 * Rows of a table the report shows inline. The CSV is the table; a longer one (the benchmark's
 * all-pairs table has ~2 400 rows, 1.2 MB of HTML) shows its first rows and says where all are.
 */
export const INLINE_TABLE_ROWS = 500;

/** The rows of a table the report shows, and the sentence saying how many more the CSV has (empty when none). */
export function inlineRecords(table: { readonly file: string; readonly records: string[][] }, limit = INLINE_TABLE_ROWS): { shown: string[][]; omittedNote: string } {
  if (table.records.length <= limit) return { shown: table.records, omittedNote: '' };
  return { shown: table.records.slice(0, limit), omittedNote: `The first ${limit} of ${table.records.length} rows; all of them are in tables/${table.file}.` };
}
