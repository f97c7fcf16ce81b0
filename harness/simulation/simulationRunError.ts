/**
 * A simulated run that threw (a bug of the simulator or a planner, or an input only that run
 * meets): names the run and says what became of the output folder — the tables and the report are
 * written only once every run has finished, so the folder keeps whatever an earlier study left
 * there; the runs finished so far are in the journal, and the same command goes on from them.
 */
export class SimulationRunError extends Error {
  override readonly name = 'SimulationRunError';

  constructor(readonly runId: string, readonly out: string, readonly journalled: number, readonly journal: string, cause: unknown) {
    super(`run ${runId} failed: ${cause instanceof Error ? cause.message : String(cause)} (no table or report of this study was written: ${out} keeps what an earlier study left there, if anything; ` +
      `the ${journalled} run${journalled === 1 ? '' : 's'} finished so far ${journalled === 1 ? 'is' : 'are'} in ${journal}, and the same command goes on from there)`, { cause });
  }
}
