/**
 * An error in user-supplied input (a profile, an experiment set, a schedule, a config).
 * Its message is one line that names the file, the place in it and the problem, so the
 * CLIs can print it as is and exit non-zero.
 */
export class InputError extends Error {
  constructor(
    readonly source: string,
    readonly location: string | undefined,
    readonly problem: string,
  ) {
    super(location ? `${source}: ${location}: ${problem}` : `${source}: ${problem}`);
    this.name = 'InputError';
  }
}
