import { highsSolver } from '../../algorithms/bounds/highsSolver.js';
import { openDataSource, type DataSource } from '../../datasets/dataSource.js';
import type { Trial } from '../plan/trial.js';
import { runTrial } from './runTrial.js';
import type { TrialOutcome } from './trialOutcome.js';

export interface TrialTask {
  readonly trial: Trial;
  /** data source spec; each worker opens (and caches) it once */
  readonly data: string;
}

const dataSources = new Map<string, DataSource>();

/** The pool worker's task: one trial, with the data source opened once per worker thread. */
export async function runTrialTask(task: TrialTask): Promise<TrialOutcome> {
  await highsSolver(); // the trials' upper bounds solve LPs with it (loaded once per thread)
  let data = dataSources.get(task.data);
  if (!data) dataSources.set(task.data, (data = openDataSource(task.data)));
  return runTrial(task.trial, data);
}
