import { describe, expect, it } from 'vitest';
import { reportHtml } from '../../harness/report/reportHtml.js';
import { reportMarkdown } from '../../harness/report/reportMarkdown.js';
import { INLINE_TABLE_ROWS, inlineRecords, type ReportModel } from '../../harness/report/reportModel.js';

const rows = (count: number): string[][] => Array.from({ length: count }, (_, i) => [`row-${i + 1}`, String(i + 1)]);

const model = (records: string[][]): ReportModel => ({
  runName: 'tiny',
  setup: { error: 'no manifest' },
  studies: [],
  comparison: { error: 'none' },
  claims: { error: 'none' },
  figures: [],
  tables: [{ file: 'pairwise.csv', title: 'All pairs', header: ['pair', 'n'], records }],
  problems: [],
});

describe('tables in the report: the CSV is the table, a long one is shown in part and says so', () => {
  it('up to the limit every row is inline; beyond it the first rows and a sentence naming the CSV', () => {
    expect(inlineRecords({ file: 'a.csv', records: rows(3) }, 3)).toEqual({ shown: rows(3), omittedNote: '' });
    expect(inlineRecords({ file: 'a.csv', records: rows(4) }, 3)).toEqual({ shown: rows(3), omittedNote: 'The first 3 of 4 rows; all of them are in tables/a.csv.' });
  });

  it('HTML and Markdown show the first INLINE_TABLE_ROWS rows of a longer table, and every row of a shorter one', () => {
    const long = rows(INLINE_TABLE_ROWS + 7);
    const html = reportHtml(model(long));
    const markdown = reportMarkdown(model(long));
    expect(html).toContain(`<td>row-${INLINE_TABLE_ROWS}</td>`);
    expect(markdown).toContain(`| row-${INLINE_TABLE_ROWS} |`);
    for (const text of [html, markdown]) {
      expect(text).not.toContain(`row-${INLINE_TABLE_ROWS + 1}`);
      expect(text).toContain(`The first ${INLINE_TABLE_ROWS} of ${INLINE_TABLE_ROWS + 7} rows; all of them are in tables/pairwise.csv.`);
    }
    expect(html).toContain(`<summary>Show the first ${INLINE_TABLE_ROWS} of ${INLINE_TABLE_ROWS + 7} rows</summary>`);
    const short = reportHtml(model(rows(40)));
    expect(short).toContain('<summary>Show all 40 rows</summary>');
    expect(short).toContain('>row-40<');
    expect(short).not.toContain('The first');
  });
});
