import { relative } from 'node:path';
import { InputError } from '../../algorithms/problem/inputError.js';
import { errnoText } from '../io/errnoText.js';

/**
 * Runs a CLI's main function and turns expected failures (bad input, impossible problems, an
 * untrustworthy journal, a locked or unwritable folder, a failed file operation) into one line on
 * stderr and exit code 1, leaving stack traces for real bugs.
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
    const io = error as NodeJS.ErrnoException;
    if (error instanceof Error && typeof io.code === 'string' && typeof io.syscall === 'string') {
      // a file operation failed (disk full, permission, vanished folder): the path and the errno
      const path = io.path ? relative(process.cwd(), io.path) || io.path : io.syscall;
      process.stderr.write(`error: ${path}: ${io.syscall} failed (${errnoText(io)})\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

/** Errors that describe the user's input or environment rather than a bug. */
const EXPECTED_ERRORS = new Set(['InputError', 'InfeasibleExperimentError', 'ZodError', 'YError', 'JournalError', 'FolderLockedError', 'PreflightError']);
