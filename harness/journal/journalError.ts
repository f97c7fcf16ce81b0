/**
 * A journal that cannot be trusted as it is (corrupt lines, lost records, conflicting results,
 * records of other code): one line naming the file, the line and what to do. The CLIs print it
 * and exit 1 before running or writing anything.
 */
export class JournalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JournalError';
  }
}
