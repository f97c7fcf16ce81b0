import { escapeHtml } from './htmlEscape.js';
import { manifestFacts } from './manifest.js';
import { figureSection, htmlTable, num } from './reportHtml.js';
import { markdownTable } from './markdownTable.js';
import type { ReportFigure } from './reportModel.js';
import { reportCss } from './reportStyles.js';

/** Everything the report of one `npm run schedule` run shows. */
export interface RunReportModel {
  readonly runName: string;
  /** run.json as written, or why it could not be read */
  readonly record: Record<string, unknown> | { error: string };
  /** "F 0.70 (D …)" facts, in order */
  readonly result: [string, string][];
  readonly figures: ReportFigure[];
  readonly problems: string[];
}

const resultRows = (record: Record<string, unknown>): [string, string][] => {
  const fitness = (record.fitness ?? {}) as Record<string, number>;
  const format = (value: unknown) => (typeof value === 'number' ? value.toFixed(6) : String(value));
  const frame = record.timeFrame as { note?: string } | undefined;
  return [
    ['Algorithm', `${String(record.algorithm)}, seed ${String(record.seed)}`],
    ['Valid', record.valid === true ? 'yes' : 'NO'],
    ['Fitness F', format(fitness.fitness)],
    ['Duration score D', format(fitness.durationScore)],
    ['User-group score U', format(fitness.userGroupScore)],
    ['Start score S', format(fitness.startScore)],
    ['Steps', String(record.steps)],
    ...(frame?.note ? [['Time frame', frame.note] as [string, string]] : []),
  ];
};

export function runReportModel(runName: string, record: Record<string, unknown> | { error: string }, figures: ReportFigure[], problems: string[]): RunReportModel {
  return { runName, record, result: 'error' in record ? [] : resultRows(record), figures, problems };
}

/** The run's report as one self-contained HTML page (inline CSS and SVG, no script). */
export function runReportHtml(model: RunReportModel): string {
  const rendered = model.figures.filter((f) => f.status === 'rendered').length;
  const setup = 'error' in model.record
    ? `<div class="problem">${escapeHtml(String(model.record.error))}</div>`
    : htmlTable(['Setting', 'Value'], manifestFacts(model.record).map(([key, value]) => [`<code>${escapeHtml(key)}</code>`, escapeHtml(value)]));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Scheduling run: ${escapeHtml(model.runName)}</title>
<style>${reportCss}</style>
</head>
<body>
<main>
<h1>Scheduling run: ${escapeHtml(model.runName)}</h1>
<p class="lead">One <code>npm run schedule</code> run, from its <code>run.json</code>, <code>schedule.json</code> and <code>trace.csv</code>.
${rendered} of ${model.figures.length} figures rendered${model.problems.length ? `; <a href="#problems">${model.problems.length} problem${model.problems.length === 1 ? '' : 's'}</a>` : ''}.</p>
<h2 id="result">Result</h2>
${model.result.length ? htmlTable(['', ''], model.result.map(([key, value]) => [escapeHtml(key), /^[\d.]+$/.test(value) ? num(escapeHtml(value)) : escapeHtml(value)])) : '<div class="problem">run.json could not be read</div>'}
<h2 id="figures">Figures</h2>
${model.figures.map(figureSection).join('\n')}
<h2 id="setup">Set-up</h2>
<p class="note">From <code>run.json</code>.</p>
${setup}
${model.problems.length ? `<h2 id="problems">Problems</h2>\n${model.problems.map((p) => `<div class="problem">${escapeHtml(p)}</div>`).join('\n')}` : ''}
</main>
</body>
</html>
`;
}

/** The same as Markdown; figures link to the PNGs. */
export function runReportMarkdown(model: RunReportModel): string {
  const lines = [`# Scheduling run: ${model.runName}`, '', 'One `npm run schedule` run, from its `run.json`, `schedule.json` and `trace.csv`.', '', '## Result', ''];
  if (model.result.length) lines.push(markdownTable(['', ''], model.result));
  else lines.push('> **Problem:** run.json could not be read');
  lines.push('', '## Figures', '');
  for (const figure of model.figures) {
    lines.push(`### ${figure.title}`, '');
    if (figure.status === 'rendered') lines.push(`![${figure.title}](figures/${figure.name}.png)`, '', figure.caption);
    else lines.push(`> ${figure.status === 'failed' ? '**Could not render**' : 'Not in this run'}: ${figure.message}`);
    lines.push('');
  }
  lines.push('## Set-up', '');
  if ('error' in model.record) lines.push(`> **Problem:** ${String(model.record.error)}`);
  else lines.push(markdownTable(['Setting', 'Value'], manifestFacts(model.record).map(([key, value]) => [`\`${key}\``, value])));
  if (model.problems.length) lines.push('', '## Problems', '', ...model.problems.map((p) => `- ${p}`));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
