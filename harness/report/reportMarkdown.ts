import { algorithmLabel } from './algorithmColors.js';
import { BENCHMARK_HEADING, bestOfRow, benchmarkFinding, benchmarkIntro, formatFamilyCell, formatGapCell, type BenchmarkCell } from './benchmarkSection.js';
import { CLAIMS_HEADING, CLAIMS_RULE, claimsMarkdown } from './claims.js';
import { markdownTable } from './markdownTable.js';
import { inlineRecords, type ReportModel } from './reportModel.js';
import { comparisonText, formatCell, formatDifference, formatQuantity, formatRatio } from './tableFormatting.js';

/** The report as Markdown (for the repository and pull requests); figures link to the PNGs. */
export function reportMarkdown(model: ReportModel): string {
  const lines: string[] = [
    `# Replication report: ${model.runName}`,
    '',
    'Schermann & Leitner (ICSME 2018), "Search-based scheduling of experiments in continuous deployment", reproduced with schedlab.',
    '',
    '## Set-up',
    '',
  ];
  if ('error' in model.setup) lines.push(`> **Problem:** ${model.setup.error}`);
  else {
    lines.push(markdownTable(['Setting', 'Value'], model.setup.facts.map(([key, value]) => [`\`${key}\``, value])));
    if (model.setup.studies.length) lines.push('', markdownTable(['Study', 'Settings'], model.setup.studies.map((s) => [s.name, s.settings])));
    if (model.setup.config.length) lines.push('', markdownTable(['Setting', 'Value'], model.setup.config.map(([key, value]) => [`\`${key}\``, value])));
  }
  if (model.studies.length) lines.push('', markdownTable(['Study', 'Trials', 'Failed or invalid'], model.studies.map((s) => [s.study, String(s.trials), String(s.failed)])));
  lines.push('', '## Paper vs this run', '', 'Each row says what the two numbers are (data, schedule, runs on both sides). Difference = this run − paper; execution times also as a ratio (different hardware).', '');
  if ('error' in model.comparison) lines.push(`> **Problem:** ${model.comparison.error}`);
  else {
    lines.push(markdownTable(['Quantity', 'Spec', 'Paper', 'This run', 'Difference', 'Ratio', 'What is compared'], model.comparison.rows.map((row) => [
      row.quantity, row.section, formatQuantity(row.paper, row.unit), formatQuantity(row.thisRun, row.unit), formatDifference(row.difference, row.unit), formatRatio(row.ratio), comparisonText(row),
    ])));
  }
  lines.push('', `## ${CLAIMS_HEADING}`, '', CLAIMS_RULE, '');
  if ('error' in model.claims) lines.push(`> **Problem:** ${model.claims.error}`);
  else lines.push(claimsMarkdown(model.claims.rows));
  const figureLines = (figure: ReportModel['figures'][number]) => {
    lines.push(`### ${figure.title}`, '');
    if (figure.status === 'rendered') lines.push(`![${figure.title}](figures/${figure.name}.png)`, '', figure.caption);
    else lines.push(`> ${figure.status === 'failed' ? '**Could not render**' : 'Not in this run'}: ${figure.message}`);
    lines.push('');
  };
  if (model.benchmark) {
    lines.push('', `## ${BENCHMARK_HEADING}`, '');
    const section = model.benchmark;
    if ('error' in section) lines.push(`> **Problem:** ${section.error}`);
    else {
      const labels = section.algorithms.map(algorithmLabel);
      const marked = (cells: ReadonlyMap<string, BenchmarkCell>, format: (cell: BenchmarkCell | undefined) => string) => {
        const best = bestOfRow(cells);
        return section.algorithms.map((algorithm) => (best.has(algorithm) ? `**${format(cells.get(algorithm))}**` : format(cells.get(algorithm))));
      };
      const finding = benchmarkFinding(section);
      lines.push(benchmarkIntro(section), '', ...(finding ? [finding, ''] : []), '### Per family and size: mean gap and mean rank over the family\'s levels', '');
      lines.push(markdownTable(['Family', 'Experiments', 'Levels', ...labels], section.families.map((row) => [row.family, String(row.experiments), String(row.instances), ...marked(row.cells, formatFamilyCell)])));
      lines.push('', '### Per instance: mean gap ± sd', '');
      lines.push(markdownTable(['Instance', 'Experiments', 'Peak load', 'Best known', 'Bound', ...labels], section.instances.map((row) => [
        `\`${row.family}/${row.level}\``, String(row.experiments), optional(row.peakLoad, 2), optional(row.bestKnown, 4), optional(row.upperBound, 4), ...marked(row.cells, formatGapCell),
      ])));
      lines.push('');
      for (const figure of model.figures.filter((f) => f.section === 'benchmark')) figureLines(figure);
    }
  }
  lines.push('', '## Figures', '');
  for (const figure of model.figures.filter((f) => f.section === undefined)) figureLines(figure);
  lines.push('## Tables', '');
  for (const table of model.tables) {
    lines.push(`### ${table.title} (\`tables/${table.file}\`)`, '');
    if ('error' in table) lines.push(`> **Problem:** ${table.error}`);
    else {
      if (table.note) lines.push(table.note, '');
      const { shown, omittedNote } = inlineRecords(table);
      lines.push(markdownTable(table.header, shown.map((record) => record.map(formatCell))));
      if (omittedNote) lines.push('', omittedNote);
    }
    lines.push('');
  }
  if (model.problems.length) lines.push('## Problems', '', ...model.problems.map((p) => `- ${p}`), '');
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

const optional = (value: number | null, digits: number): string => (value === null ? '—' : value.toFixed(digits));
