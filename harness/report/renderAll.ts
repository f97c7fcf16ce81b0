/**
 * Renders every figure of a results folder and writes the report (report.html, report.md).
 * The harness calls `renderAll` as the last step of `npm run replicate`; `npm run figures`
 * calls it from the command line. A figure that fails (an empty or malformed CSV, a missing
 * best schedule) is reported and the others still render.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { studyFigureName, type FigureDefinition } from './figureDefinition.js';
import { benchmarkBudget, benchmarkSection, BENCHMARK_KIND, readBenchmarkTable } from './benchmarkSection.js';
import { setupSummary } from './manifest.js';
import { paperClaims } from './claims.js';
import { paperComparison } from './paperComparison.js';
import type { ProfileLoader } from './profileLoader.js';
import { latexTable } from './latexTable.js';
import { renderFigureFiles } from './renderFigure.js';
import { reportHtml } from './reportHtml.js';
import { reportMarkdown } from './reportMarkdown.js';
import type { ReportFigure, ReportModel, ReportTable } from './reportModel.js';
import { ResultsFolder } from './resultsFolder.js';
import { groupBy } from './groupBy.js';
import { tableNote, tableTitle } from './tableFormatting.js';
import { studiesOfKind, succeeded } from './trials.js';
import { figureCatalog } from './figures/figureCatalog.js';

export interface RenderOptions {
  /** how to load the run's traffic profile (default: `datasets/dataSource.ts` from the manifest's data spec) */
  readonly loadProfile?: ProfileLoader;
  /** figures to render (default: the whole catalog) */
  readonly figures?: readonly FigureDefinition[];
  /** whose best schedules the schedule figures draw (default: the GA) */
  readonly scheduleAlgorithm?: string;
}

export interface RenderResult {
  /** every file written, figures first, then report.html and report.md */
  written: string[];
  /** one line per problem, each naming the figure and the file at fault */
  errors: string[];
  /** figures this run has no data for, with the reason */
  skipped: string[];
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function renderAll(resultsDir: string, options: RenderOptions = {}): Promise<RenderResult> {
  const results = new ResultsFolder(resultsDir, { loadProfile: options.loadProfile, scheduleAlgorithm: options.scheduleAlgorithm });
  const figuresDir = results.path('figures');
  const result: RenderResult = { written: [], errors: [], skipped: [] };
  const figures: ReportFigure[] = [];

  for (const definition of options.figures ?? figureCatalog) {
    if (definition.perStudy) removeStudyFigureFiles(figuresDir, definition.name);
    for (const study of studiesToDraw(results, definition)) {
      const name = studyFigureName(definition, study);
      const title = name === definition.name ? definition.title : `${definition.title} (study ${study})`;
      try {
        const outcome = await definition.build(results, study);
        if (outcome.kind === 'skipped') {
          removeFigureFiles(figuresDir, name);
          figures.push({ name, title, section: definition.section, status: 'skipped', message: outcome.reason });
          result.skipped.push(`${name}: ${outcome.reason}`);
          continue;
        }
        const rendered = await renderFigureFiles(figuresDir, name, outcome.spec);
        result.written.push(...rendered.files);
        figures.push({ name, title, section: definition.section, status: 'rendered', caption: outcome.caption, svg: rendered.svg });
      } catch (error) {
        // a stale image from an earlier run must not pass for this run's figure
        removeFigureFiles(figuresDir, name);
        const message = messageOf(error);
        figures.push({ name, title, section: definition.section, status: 'failed', message });
        result.errors.push(`figure ${name}: ${message}`);
      }
    }
  }

  result.written.push(...writeLatexTables(results));
  const model = reportModel(results, figures, result.errors);
  for (const [file, content] of [['report.html', reportHtml(model)], ['report.md', reportMarkdown(model)]] as const) {
    writeFileAtomically(results.path(file), content);
    result.written.push(results.path(file));
  }
  return result;
}

/** Gathers the non-figure parts of the report; each part that fails adds to `errors` and shows its message. */
function reportModel(results: ResultsFolder, figures: ReportFigure[], errors: string[]): ReportModel {
  const attempt = <T>(what: string, build: () => T): T | { error: string } => {
    try {
      return build();
    } catch (error) {
      const message = messageOf(error);
      if (!errors.some((line) => line.endsWith(message))) errors.push(`${what}: ${message}`);
      return { error: message };
    }
  };
  const setup = attempt('report set-up', () => setupSummary(results.manifest().raw));
  const comparison = attempt('paper vs this run', () => ({ rows: paperComparison(results.trials(), { data: dataSpecOf(results) }) }));
  const claims = attempt('claims of the paper', () => ({ rows: paperClaims(results.trials()) }));
  const hasBenchmark = (() => {
    try {
      return results.trials().some((trial) => trial.kind === BENCHMARK_KIND);
    } catch {
      return false; // trials.csv's own problem is reported by the parts above
    }
  })();
  const benchmark = hasBenchmark
    ? attempt('how good are these algorithms?', () => benchmarkSection(readBenchmarkTable(results), benchmarkBudget(results.manifest().raw)))
    : undefined;
  const studies = attempt('trials per study', () => [...groupBy(results.trials(), (trial) => trial.study)]
    .map(([study, trials]) => ({ study, trials: trials.length, failed: trials.filter((trial) => !succeeded(trial)).length })));
  const tables: ReportTable[] = results.tableFiles().map((file) => {
    const table = attempt(`table ${file}`, () => results.table(file));
    if ('error' in table) return { file, title: tableTitle(file), error: table.error };
    return { file, title: tableTitle(file), header: table.header, records: table.records, note: tableNote(table.header) };
  });
  return {
    runName: results.name,
    setup,
    studies: Array.isArray(studies) ? studies : [],
    comparison,
    claims,
    ...(benchmark ? { benchmark } : {}),
    figures,
    tables,
    problems: [...errors],
  };
}

/** The run's data source from its manifest; undefined (said so in every row) when the manifest cannot be read. */
function dataSpecOf(results: ResultsFolder): string | undefined {
  try {
    return results.manifest().dataSpec;
  } catch {
    return undefined;
  }
}

/** latex/<table>.tex for every tables/*.csv with rows (booktabs); a table that cannot be read is skipped (the report names it). */
function writeLatexTables(results: ResultsFolder): string[] {
  const written: string[] = [];
  for (const file of results.tableFiles()) {
    try {
      const stem = file.replace(/\.csv$/, '');
      const path = results.path('latex', `${stem}.tex`);
      writeFileAtomically(path, latexTable(results.table(file), { caption: tableTitle(file), label: `tab:${stem}`, source: `tables/${file}` }));
      written.push(path);
    } catch {
      // reportModel reports the unreadable table in its place
    }
  }
  return written;
}

/**
 * The studies a figure is drawn for: each study of its kind (perStudy), in plan order; one call
 * without a study for the other figures, for a run without such a study (the figure then says it
 * skips), and when trials.csv cannot be read (the figure then reports why).
 */
function studiesToDraw(results: ResultsFolder, definition: FigureDefinition): (string | undefined)[] {
  if (!definition.perStudy) return [undefined];
  let studies: string[];
  try {
    studies = studiesOfKind(results.trials(), definition.perStudy);
  } catch {
    return [undefined];
  }
  return studies.length > 0 ? studies : [undefined];
}

/** Figures of studies an earlier rendering had (`<name>--<study>.*`): this rendering writes its own. */
function removeStudyFigureFiles(directory: string, name: string): void {
  let files: string[];
  try {
    files = readdirSync(directory);
  } catch {
    return;
  }
  for (const file of files) if (file.startsWith(`${name}--`)) rmSync(join(directory, file), { force: true });
}

function removeFigureFiles(directory: string, name: string): void {
  for (const extension of ['.vl.json', '.svg', '.png', '.pdf']) rmSync(join(directory, `${name}${extension}`), { force: true });
}
