import { createProblem, type Problem } from '../../../algorithms/problem/problem.js';
import { openDataSource, type DataSource, type Ress } from '../../../datasets/dataSource.js';
import { hasFenrirData, FENRIR_DIR } from '../../support/referenceData.js';

/**
 * The data sources the paper-set tests run on: always the built-in one, plus the replication
 * package's data when it sits beside the repository (else a visible skip note).
 */
export function paperDataSources(what: string): DataSource[] {
  if (!hasFenrirData) console.warn(`SKIPPED (${what} on the paper's data): ${FENRIR_DIR} not found — running on the built-in data only`);
  return hasFenrirData ? [openDataSource('builtin'), openDataSource(`fenrir:${FENRIR_DIR}`)] : [openDataSource('builtin')];
}

export function paperProblem(source: DataSource, size: number, ress: Ress = 'mid'): Problem {
  return createProblem(source.profile(), source.experimentSet(size, ress, 1), { source: `${source.name} ${ress} n${size}` });
}
