import { InputError } from '../../algorithms/problem/inputError.js';

/**
 * Runs a CLI's main function and turns expected failures (bad input, impossible problems)
 * into one line on stderr and exit code 1, leaving stack traces for real bugs.
 */
export async function runCli(main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof InputError || (error instanceof Error && EXPECTED_ERRORS.has(error.name))) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

/** Errors that describe the user's input rather than a bug. */
const EXPECTED_ERRORS = new Set(['InputError', 'InfeasibleExperimentError', 'ZodError', 'YError', 'JournalError', 'FolderLockedError', 'PreflightError']);
