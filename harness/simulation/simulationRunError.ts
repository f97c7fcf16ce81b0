/**
 * A simulated run that threw (a bug of the simulator or a planner, or an input only that run
 * meets): names the run and says what became of the output folder — nothing is written before
 * every run has finished, so the folder keeps whatever an earlier study left there.
 */
export class SimulationRunError extends Error {
  override readonly name = 'SimulationRunError';

  constructor(readonly runId: string, readonly out: string, cause: unknown) {
    super(`run ${runId} failed: ${cause instanceof Error ? cause.message : String(cause)} (no output of this study was written; ${out} keeps what an earlier study left there, if anything)`, { cause });
  }
}
