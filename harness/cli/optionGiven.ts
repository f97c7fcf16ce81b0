/**
 * Whether the command line names an option (`--name`, `--name=…`, `--no-name`): yargs fills in
 * defaults, so this is how a command tells an option the user gave from one it did not.
 */
export const optionGiven = (name: string, argv: readonly string[] = process.argv): boolean =>
  argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`) || arg === `--no-${name}`);
