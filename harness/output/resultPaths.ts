import { join } from 'node:path';

/**
 * The layout of a results folder — a contract with the figures step (harness/report/): keep these names.
 * results/<config>/journal.jsonl, best/<trial id, / → __>.json, trials.csv, traces.csv, tables/*.csv, manifest.json
 */
export const resultPaths = (folder: string) => ({
  folder,
  journal: join(folder, 'journal.jsonl'),
  bestFolder: join(folder, 'best'),
  trials: join(folder, 'trials.csv'),
  traces: join(folder, 'traces.csv'),
  tablesFolder: join(folder, 'tables'),
  table: (name: string) => join(folder, 'tables', `${name}.csv`),
  manifest: join(folder, 'manifest.json'),
  /** a derived file by its path relative to the folder (`trials.csv`, `tables/fitness.csv`) */
  derived: (file: string) => join(folder, file),
  /** what the figures step renders: report.html, report.md, figures/ */
  rendered: (name: string) => join(folder, name),
  /** held by the one process writing the folder (harness/io/folderLock.ts) */
  lock: join(folder, '.lock'),
});

/** `scaling/genetic/mid/n30/r3` → `best/scaling__genetic__mid__n30__r3.json` */
export function bestSchedulePath(folder: string, trialId: string): string {
  return join(folder, 'best', `${trialId.replaceAll('/', '__')}.json`);
}
