export interface FiguresOutcome {
  /** figures or report parts that failed, or 1 if rendering failed as a whole */
  readonly errors: number;
  /** the stop signal came while rendering (what was rendered stays; the report may be missing) */
  readonly interrupted: boolean;
}

/**
 * Renders the figures and report of a results folder with `renderAll(folder)` of
 * harness/report/renderAll.ts (imported only now: a run with --no-figures never loads the
 * rendering libraries). A failure is reported and counted, never thrown: the run's results stand,
 * and the command exits non-zero after writing what it could. A stop signal ends the wait at once
 * (between two files: every file is written atomically).
 */
export async function renderFigures(folder: string, log: (line: string) => void, signal?: AbortSignal): Promise<FiguresOutcome> {
  try {
    const { renderAll } = await import('../report/renderAll.js');
    const stopped = new Promise<'stopped'>((resolve) => {
      if (signal?.aborted) resolve('stopped');
      signal?.addEventListener('abort', () => resolve('stopped'), { once: true });
    });
    const result = await Promise.race([renderAll(folder), stopped]);
    if (result === 'stopped') {
      log('figures: stopped before they were all rendered; npm run figures -- <folder> renders them');
      return { errors: 0, interrupted: true };
    }
    const errors = result.errors.length;
    log(`figures: ${result.written.length} file(s) written${errors ? `, ${errors} error(s)` : ''}`);
    for (const line of result.skipped) log(`figures: skipped ${line}`);
    for (const line of result.errors) log(`figures: error: ${line}`);
    return { errors, interrupted: false };
  } catch (error) {
    log(`figures: failed, the results are complete anyway: ${error instanceof Error ? error.message : String(error)}`);
    return { errors: 1, interrupted: false };
  }
}
