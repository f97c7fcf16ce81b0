import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrials } from '../../harness/report/trials.js';
import { studySummary } from '../../notebooks/studySummary.js';
import { writeSyntheticResults } from './syntheticResults.js';

describe('notebooks/studySummary.ts', () => {
  it('summarises each study × algorithm of trials.csv: successful runs, mean fitness, fittest trial', () => {
    const directory = mkdtempSync(join(tmpdir(), 'schedlab-notebooks-'));
    writeSyntheticResults(directory, { sizes: [10], repetitions: 2 });
    const trials = readTrials(join(directory, 'trials.csv'));
    const rows = studySummary(trials);
    const maxFitness = rows.find((row) => row.study === 'max-fitness' && row.algorithm === 'genetic')!;
    const runs = trials.filter((trial) => trial.study === 'max-fitness' && trial.algorithm === 'genetic');
    expect(maxFitness).toMatchObject({ kind: 'max-fitness', runs: runs.length });
    expect(maxFitness.meanFitness).toBeCloseTo(runs.reduce((sum, trial) => sum + trial.fitness!, 0) / runs.length, 12);
    expect(maxFitness.bestTrial).toBe(runs.reduce((top, trial) => (trial.fitness! > top.fitness! ? trial : top)).trial_id);
    // the synthetic run's one failed trial (random-sampling, high RESS) is not counted
    const rs = rows.find((row) => row.study === 'scaling' && row.algorithm === 'random-sampling')!;
    expect(rs.runs).toBe(trials.filter((trial) => trial.study === 'scaling' && trial.algorithm === 'random-sampling').length - 1);
  });
});
