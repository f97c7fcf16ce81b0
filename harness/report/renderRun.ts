/**
 * Renders the figures of one `npm run schedule` output folder and writes its report
 * (report.html, report.md): the Gantt chart, traffic consumption per user group and the
 * convergence curve (runFigures.ts). `npm run figures -- DIR` calls it when DIR has run.json
 * and no manifest.json. A figure that fails is reported and the others still render.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TrafficProfile } from '../../algorithms/problem/trafficProfile.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { renderFigureFiles } from './renderFigure.js';
import type { ReportFigure } from './reportModel.js';
import { RunFolder } from './runFolder.js';
import { runReportHtml, runReportMarkdown, runReportModel } from './runReport.js';
import type { RenderResult } from './renderAll.js';
import { runFigureCatalog } from './figures/runFigures.js';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function renderRun(directory: string, options: { loadProfile?: () => TrafficProfile } = {}): Promise<RenderResult> {
  const run = new RunFolder(directory, options);
  const figuresDir = run.path('figures');
  const result: RenderResult = { written: [], errors: [], skipped: [] };
  const figures: ReportFigure[] = [];
  for (const definition of runFigureCatalog) {
    try {
      const outcome = await definition.build(run);
      if (outcome.kind === 'skipped') {
        removeFigureFiles(figuresDir, definition.name);
        figures.push({ name: definition.name, title: definition.title, status: 'skipped', message: outcome.reason });
        result.skipped.push(`${definition.name}: ${outcome.reason}`);
        continue;
      }
      const rendered = await renderFigureFiles(figuresDir, definition.name, outcome.spec);
      result.written.push(...rendered.files);
      figures.push({ name: definition.name, title: definition.title, status: 'rendered', caption: outcome.caption, svg: rendered.svg });
    } catch (error) {
      // a stale image from an earlier run must not pass for this run's figure
      removeFigureFiles(figuresDir, definition.name);
      const message = messageOf(error);
      figures.push({ name: definition.name, title: definition.title, status: 'failed', message });
      result.errors.push(`figure ${definition.name}: ${message}`);
    }
  }
  let record: Record<string, unknown> | { error: string };
  try {
    record = run.record().raw;
  } catch (error) {
    record = { error: messageOf(error) };
    if (!result.errors.some((line) => line.endsWith(record.error as string))) result.errors.push(`run.json: ${messageOf(error)}`);
  }
  const model = runReportModel(run.name, record, figures, [...result.errors]);
  for (const [file, content] of [['report.html', runReportHtml(model)], ['report.md', runReportMarkdown(model)]] as const) {
    writeFileAtomically(run.path(file), content);
    result.written.push(run.path(file));
  }
  return result;
}

function removeFigureFiles(directory: string, name: string): void {
  for (const extension of ['.vl.json', '.svg', '.png', '.pdf']) rmSync(join(directory, `${name}${extension}`), { force: true });
}
