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

export interface FiguresOutcome {
  /** figures or report parts that failed, or 1 if rendering failed as a whole */
  readonly errors: number;
  /** the stop signal came while rendering (what was rendered stays; the report may be missing) */
  readonly interrupted: boolean;
}

/**
 * Renders the figures of a results folder with `renderAll(folder)` of notebooks/figures.ts, if
 * that module exists and exports it. A failure is reported and counted, never thrown: the run's
 * results stand, and the command exits non-zero after writing what it could. A stop signal ends
 * the wait at once (between two files: every file is written atomically).
 */
export async function renderFigures(folder: string, log: (line: string) => void, signal?: AbortSignal): Promise<FiguresOutcome> {
  if (!existsSync(FIGURES_MODULE)) {
    log('figures: skipped (notebooks/figures.ts does not exist yet)');
    return { errors: 0, interrupted: false };
  }
  try {
    const module = (await import(pathToFileURL(FIGURES_MODULE).href)) as { renderAll?: (folder: string) => Promise<FiguresResult | undefined> };
    if (typeof module.renderAll !== 'function') {
      log('figures: skipped (notebooks/figures.ts exports no renderAll(resultsDir))');
      return { errors: 0, interrupted: false };
    }
    const stopped = new Promise<'stopped'>((resolve) => {
      if (signal?.aborted) resolve('stopped');
      signal?.addEventListener('abort', () => resolve('stopped'), { once: true });
    });
    const result = await Promise.race([module.renderAll(folder), stopped]);
    if (result === 'stopped') {
      log('figures: stopped before they were all rendered; npm run figures -- <folder> renders them');
      return { errors: 0, interrupted: true };
    }
    const written = Array.isArray(result?.written) ? result.written.length : undefined;
    const errors = result?.errors?.length ?? 0;
    log(`figures: ${written !== undefined ? `${written} file(s) written` : 'rendered'}${errors ? `, ${errors} error(s)` : ''}`);
    for (const line of result?.skipped ?? []) log(`figures: skipped ${line}`);
    for (const line of result?.errors ?? []) log(`figures: error: ${line}`);
    return { errors, interrupted: false };
  } catch (error) {
    log(`figures: failed, the results are complete anyway: ${error instanceof Error ? error.message : String(error)}`);
    return { errors: 1, interrupted: false };
  }
}
