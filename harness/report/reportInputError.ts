/**
 * A problem with one results file: the message always starts with the file's path so the
 * researcher knows which file to fix (`results/x/trials.csv: line 4, column fitness: …`).
 */
export class ReportInputError extends Error {
  constructor(readonly source: string, readonly where: string | undefined, readonly reason: string) {
    super(`${source}${where ? `: ${where}` : ''}: ${reason}`);
    this.name = 'ReportInputError';
  }
}
