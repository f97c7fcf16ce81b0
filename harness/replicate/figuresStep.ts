import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from './projectPaths.js';

/** What notebooks/renderAll.ts reports (read leniently: the figures step owns it). */
interface FiguresResult {
  readonly written?: readonly unknown[];
  readonly skipped?: readonly string[];
  readonly errors?: readonly string[];
}

const FIGURES_MODULE = join(PROJECT_ROOT, 'notebooks', 'figures.ts');

/**
 * Renders the figures of a results folder with `renderAll(folder)` of notebooks/figures.ts, if
 * that module exists and exports it. Figures are a by-product: a failure is reported, never
 * thrown, so the run's results stand.
 */
export async function renderFigures(folder: string, log: (line: string) => void): Promise<void> {
  if (!existsSync(FIGURES_MODULE)) {
    log('figures: skipped (notebooks/figures.ts does not exist yet)');
    return;
  }
  try {
    const module = (await import(pathToFileURL(FIGURES_MODULE).href)) as { renderAll?: (folder: string) => Promise<FiguresResult | undefined> };
    if (typeof module.renderAll !== 'function') {
      log('figures: skipped (notebooks/figures.ts exports no renderAll(resultsDir))');
      return;
    }
    const result = await module.renderAll(folder);
    const written = Array.isArray(result?.written) ? result.written.length : undefined;
    log(`figures: ${written !== undefined ? `${written} file(s) written` : 'rendered'}${result?.errors?.length ? `, ${result.errors.length} error(s)` : ''}`);
    for (const line of result?.skipped ?? []) log(`figures: skipped ${line}`);
    for (const line of result?.errors ?? []) log(`figures: error: ${line}`);
  } catch (error) {
    log(`figures: failed, the results are complete anyway: ${error instanceof Error ? error.message : String(error)}`);
  }
}
