import { markdownTable as gfmTable } from 'markdown-table';

/** A cell's text made safe for one GFM table cell: `|` escaped, line breaks as spaces. */
const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * Every Markdown table of the reports (report.md, the claims, the simulation's and one run's
 * report), built by `markdown-table` in its compact form: no column padding, so a 500-row
 * table stays as small as its content and diffs of report.md show only changed cells.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return gfmTable([header, ...rows].map((row) => row.map(escapeCell)), { alignDelimiters: false });
}
