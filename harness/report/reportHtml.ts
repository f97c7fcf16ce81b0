import { algorithmLabel } from './algorithmColors.js';
import { BENCHMARK_HEADING, bestOfRow, benchmarkFinding, benchmarkIntro, formatFamilyCell, formatGapCell, type BenchmarkCell } from './benchmarkSection.js';
import { escapeHtml } from './htmlEscape.js';
import { CLAIMS_COLUMNS, CLAIMS_HEADING, CLAIMS_RULE } from './claims.js';
import type { ComparisonRow } from './paperComparison.js';
import { inlineRecords, type ReportFigure, type ReportModel, type ReportTable } from './reportModel.js';
import { reportCss } from './reportStyles.js';
import { namespaceSvgIds, svgElementOnly } from './svgInline.js';
import { comparisonText, formatCell, formatDifference, formatQuantity, formatRatio } from './tableFormatting.js';

/** Tables longer than this are folded (still in the page, one click away). */
const foldAfterRows = 30;

/**
 * The report as one self-contained HTML page: CSS inline, figures as inline SVG, no
 * script, no external resource, so it opens offline and can be mailed as one file.
 */
export function reportHtml(model: ReportModel): string {
  // the benchmark's figures belong to its section, and only to a run that has one
  const listed = model.figures.filter((f) => f.section === undefined);
  const shown = model.benchmark ? model.figures : listed;
  const rendered = shown.filter((f) => f.status === 'rendered').length;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Replication report: ${escapeHtml(model.runName)}</title>
<style>${reportCss}</style>
</head>
<body>
<main>
<h1>Replication report: ${escapeHtml(model.runName)}</h1>
<p class="lead">Schermann &amp; Leitner (ICSME 2018), "Search-based scheduling of experiments in continuous deployment", reproduced with schedlab.
${rendered} of ${shown.length} figures rendered${model.problems.length ? `; <a href="#problems">${model.problems.length} problem${model.problems.length === 1 ? '' : 's'}</a>` : ''}.</p>
<nav><ol>
<li><a href="#setup">Set-up</a></li>
<li><a href="#paper-vs-run">Paper vs this run</a></li>
<li><a href="#claims">${escapeHtml(CLAIMS_HEADING)}</a></li>
${model.benchmark ? `<li><a href="#benchmark">${escapeHtml(BENCHMARK_HEADING)}</a></li>\n` : ''}${listed.map((f) => `<li><a href="#figure-${escapeHtml(f.name)}">${escapeHtml(f.title)}</a></li>`).join('\n')}
<li><a href="#tables">Tables</a></li>
${model.problems.length ? '<li><a href="#problems">Problems</a></li>' : ''}
</ol></nav>
${setupSection(model)}
${comparisonSection(model)}
${claimsSection(model)}
${benchmarkHtml(model)}
<h2 id="figures">Figures</h2>
${listed.map(figureSection).join('\n')}
<h2 id="tables">Tables</h2>
${model.tables.length ? model.tables.map(tableSection).join('\n') : '<p class="skipped">No tables/*.csv in this run.</p>'}
${model.problems.length ? `<h2 id="problems">Problems</h2>\n${model.problems.map((p) => `<div class="problem">${escapeHtml(p)}</div>`).join('\n')}` : ''}
</main>
</body>
</html>
`;
}

function setupSection(model: ReportModel): string {
  const setup = model.setup;
  const factTable = (facts: [string, string][]) => htmlTable(['Setting', 'Value'], facts.map(([key, value]) => [`<code>${escapeHtml(key)}</code>`, escapeHtml(value)]));
  const facts = 'error' in setup
    ? `<div class="problem">${escapeHtml(setup.error)}</div>`
    : [
      factTable(setup.facts),
      setup.studies.length ? `<h3>Studies</h3>\n${htmlTable(['Study', 'Settings'], setup.studies.map((s) => [escapeHtml(s.name), escapeHtml(s.settings)]))}` : '',
      setup.config.length ? `<details><summary>Other config settings (${setup.config.length})</summary>\n${factTable(setup.config)}\n</details>` : '',
    ].join('\n');
  const studies = model.studies.length
    ? `<h3>Trials per study</h3>\n${htmlTable(['Study', 'Trials', 'Failed or invalid'], model.studies.map((s) => [escapeHtml(s.study), num(String(s.trials)), num(String(s.failed))]))}`
    : '';
  return `<h2 id="setup">Set-up</h2>\n<p class="note">From <code>manifest.json</code>.</p>\n${facts}\n${studies}`;
}

function comparisonSection(model: ReportModel): string {
  const heading = '<h2 id="paper-vs-run">Paper vs this run</h2>\n<p class="note">Published figures as collected in the project spec (section given per row). Each row says what the two numbers are: data, schedule, runs on both sides — on built-in data they measure a different problem. Difference = this run − paper; execution times also as a ratio, since the hardware differs.</p>';
  if ('error' in model.comparison) return `${heading}\n<div class="problem">${escapeHtml(model.comparison.error)}</div>`;
  const rows = model.comparison.rows.map((row: ComparisonRow) => [
    escapeHtml(row.quantity), escapeHtml(row.section), num(escapeHtml(formatQuantity(row.paper, row.unit))), num(escapeHtml(formatQuantity(row.thisRun, row.unit))),
    num(escapeHtml(formatDifference(row.difference, row.unit))), num(escapeHtml(formatRatio(row.ratio))),
    `<span class="note" data-compared>${escapeHtml(comparisonText(row))}</span>`,
  ]);
  return `${heading}\n${htmlTable(['Quantity', 'Spec', 'Paper', 'This run', 'Difference', 'Ratio', 'What is compared'], rows)}`;
}

/** The claims table: one row per published claim, its verdict marked for styling and tests (data-verdict). */
function claimsSection(model: ReportModel): string {
  const heading = `<h2 id="claims">${escapeHtml(CLAIMS_HEADING)}</h2>\n<p class="note">${escapeHtml(CLAIMS_RULE)}</p>`;
  if ('error' in model.claims) return `${heading}\n<div class="problem">${escapeHtml(model.claims.error)}</div>`;
  const rows = model.claims.rows.map((row) => [
    escapeHtml(row.claim), escapeHtml(row.source), escapeHtml(row.published), `<span class="note">${escapeHtml(row.publicCode)}</span>`,
    escapeHtml(row.thisRun), `<strong data-verdict="${escapeHtml(row.verdict)}">${escapeHtml(row.verdict)}</strong>`, `<span class="note">${escapeHtml(row.evidence)}</span>`,
  ]);
  return `${heading}\n${htmlTable(CLAIMS_COLUMNS.map(escapeHtml), rows)}`;
}

/** The section "How good are these algorithms?" (benchmark study): two tables and its figures. */
function benchmarkHtml(model: ReportModel): string {
  const section = model.benchmark;
  if (!section) return '';
  const heading = `<h2 id="benchmark">${escapeHtml(BENCHMARK_HEADING)}</h2>`;
  if ('error' in section) return `${heading}\n<div class="problem">${escapeHtml(section.error)}</div>`;
  const labels = section.algorithms.map((algorithm) => escapeHtml(algorithmLabel(algorithm)));
  const marked = (cells: ReadonlyMap<string, BenchmarkCell>, format: (cell: BenchmarkCell | undefined) => string) => {
    const best = bestOfRow(cells);
    return section.algorithms.map((algorithm) => num(best.has(algorithm) ? `<strong>${escapeHtml(format(cells.get(algorithm)))}</strong>` : escapeHtml(format(cells.get(algorithm)))));
  };
  const families = htmlTable(['Family', 'Experiments', 'Levels', ...labels], section.families.map((row) => [
    escapeHtml(row.family), num(String(row.experiments)), num(String(row.instances)), ...marked(row.cells, formatFamilyCell),
  ]));
  const instances = htmlTable(['Instance', 'Experiments', 'Peak load', 'Best known', 'Bound', ...labels], section.instances.map((row) => [
    `<code>${escapeHtml(`${row.family}/${row.level}`)}</code>`, num(String(row.experiments)), num(formatOptional(row.peakLoad, 2)),
    num(formatOptional(row.bestKnown, 4)), num(formatOptional(row.upperBound, 4)), ...marked(row.cells, formatGapCell),
  ]));
  const figures = model.figures.filter((f) => f.section === 'benchmark').map(figureSection).join('\n');
  const finding = benchmarkFinding(section);
  return `${heading}\n<p class="note">${escapeHtml(benchmarkIntro(section))}</p>\n${finding ? `<p class="finding">${escapeHtml(finding)}</p>\n` : ''}<h3>Per family and size: mean gap and mean rank over the family's levels</h3>\n${families}\n<h3>Per instance: mean gap ± sd</h3>\n${instances}\n${figures}`;
}

const formatOptional = (value: number | null, digits: number): string => (value === null ? '—' : value.toFixed(digits));

export function figureSection(figure: ReportFigure): string {
  const heading = `<h3 id="figure-${escapeHtml(figure.name)}">${escapeHtml(figure.title)}</h3>`;
  if (figure.status === 'rendered') {
    const svg = namespaceSvgIds(svgElementOnly(figure.svg), `fig-${figure.name}`)
      .replace(/^<svg\b/, `<svg aria-label="${escapeHtml(figure.title)}" style="${displayWidth(figure.svg)}"`);
    return `${heading}\n<figure data-figure="${escapeHtml(figure.name)}">\n${svg}\n<figcaption>${escapeHtml(figure.caption)} Files: <code>figures/${escapeHtml(figure.name)}.svg</code>, <code>.png</code>, <code>.vl.json</code>.</figcaption>\n</figure>`;
  }
  const css = figure.status === 'failed' ? 'problem' : 'skipped';
  const label = figure.status === 'failed' ? 'Could not render' : 'Not in this run';
  return `${heading}\n<div class="${css}" data-figure-status="${figure.status}" data-figure-name="${escapeHtml(figure.name)}">${label}: ${escapeHtml(figure.message)}</div>`;
}

function tableSection(table: ReportTable): string {
  const heading = `<h3 id="table-${escapeHtml(table.file)}">${escapeHtml(table.title)} <span class="note">(<code>tables/${escapeHtml(table.file)}</code>)</span></h3>`;
  if ('error' in table) return `${heading}\n<div class="problem">${escapeHtml(table.error)}</div>`;
  const { shown: records, omittedNote } = inlineRecords(table);
  const body = htmlTable(table.header.map(escapeHtml), records.map((record) => record.map((cell) => {
    const shown = formatCell(cell);
    return shown !== cell || /^-?\d+$/.test(cell.trim()) ? num(escapeHtml(shown)) : escapeHtml(cell);
  })));
  const note = table.note ? `<p class="note">${escapeHtml(table.note)}</p>` : '';
  const omitted = omittedNote ? `\n<p class="note">${escapeHtml(omittedNote)}</p>` : '';
  const summary = omittedNote ? `Show the first ${records.length} of ${table.records.length} rows` : `Show all ${table.records.length} rows`;
  const folded = table.records.length > foldAfterRows ? `<details><summary>${summary}</summary>\n${body}${omitted}\n</details>` : body;
  return `${heading}\n${note}\n${folded}`;
}

/** Figures are laid out at 11–12 px text; showing them 20 % larger reads better in a 1100 px page (never wider than the page). */
function displayWidth(svg: string): string {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  return Number.isFinite(width) && width > 0 ? `width:${Math.round(width * 1.2)}px` : '';
}

/** Marks a cell as numeric (right-aligned); cells are already escaped. */
export const num = (html: string) => ({ html, numeric: true });

export function htmlTable(header: string[], rows: (string | { html: string; numeric: boolean })[][]): string {
  const cell = (value: string | { html: string; numeric: boolean }) => (typeof value === 'string' ? `<td>${value}</td>` : `<td class="num">${value.html}</td>`);
  return `<div class="table-wrap"><table>\n<thead><tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr></thead>\n<tbody>\n${rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('\n')}\n</tbody>\n</table></div>`;
}
