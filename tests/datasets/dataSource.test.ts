import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../algorithms/problem/inputError.js';
import { RESS_VARIANTS, type Ress } from '../../datasets/baselineExperiments.js';
import { openDataSource, type DataSource } from '../../datasets/dataSource.js';
import { FENRIR_LAYOUT } from '../../datasets/fenrirDataSource.js';
import { SCALING_SIZES } from '../../datasets/scaleExperiments.js';
import { readExperimentsFile } from '../../harness/io/readInputs.js';
import { FENRIR_DIR, fenrirPath, hasFenrirData, warnIfFenrirMissing } from '../support/referenceData.js';

function expectOneLineInputError(spec: string, pattern: RegExp): void {
  let error: unknown;
  try {
    openDataSource(spec);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).not.toContain('\n');
  expect((error as Error).message).toMatch(pattern);
}

describe('openDataSource', () => {
  it('opens builtin', () => {
    const source = openDataSource('builtin');
    expect(source.name).toBe('builtin');
    expect(source.experimentSet(25, 'high', 1)).toHaveLength(25);
    expect(source.newExperiments()).toHaveLength(5);
    expect(source.savedSchedulePath?.()).toBeUndefined();
    expect(source.profile()).toBe(source.profile()); // cached
  });

  it('rejects a bad spec or a missing folder in one line', () => {
    expectOneLineInputError('nonsense', /--data: unknown data source "nonsense"/);
    expectOneLineInputError('fenrir:', /names no folder/);
    expectOneLineInputError('fenrir:/no/such/folder', /--data: folder "\/no\/such\/folder" not found/);
  });
});

warnIfFenrirMissing('the fenrir data source');

describe.runIf(hasFenrirData)('fenrir source', () => {
  // vitest runs the body of a skipped suite too (to list its tests): open the data only when it is there
  const source = hasFenrirData ? openDataSource(`fenrir:${FENRIR_DIR}`) : ({} as DataSource);

  it('reads both group-table profiles', () => {
    const gitlab = source.profile();
    expect(gitlab.hours).toBe(8274);
    expect(gitlab.groups).toEqual(['group1', 'group2', 'group3', 'group4', 'group5']);
    expect(source.constantProfile().hours).toBe(8640);
  });

  it('reads every file of experiments/ without error', () => {
    const files = readdirSync(fenrirPath(FENRIR_LAYOUT.experiments)).filter((name) => name.endsWith('.json'));
    expect(files.length).toBe(31); // 27 per-RESS sets + experiments_10, _10_max, _25, _50
    for (const file of files) {
      const experiments = readExperimentsFile(fenrirPath(FENRIR_LAYOUT.experiments, file));
      const match = /^experiments_(\d+)_(low|mid|high)\.json$/.exec(file);
      if (match) expect(source.experimentSet(Number(match[1]), match[2] as Ress, 1)).toEqual(experiments);
      else expect(experiments.length).toBeGreaterThan(0);
    }
  });

  it.each(RESS_VARIANTS)('%s: sizes 55–70 continue the package\'s 50-experiment set with the scaler', (ress) => {
    const fifty = [...source.experimentSet(50, ress, 1)].sort((a, b) => a.id - b.id);
    const baseline = source.experimentSet(10, ress, 1).sort((a, b) => a.id - b.id);
    for (const size of SCALING_SIZES.filter((n) => n > 50)) {
      const set = source.experimentSet(size, ress, 5);
      expect(set).toHaveLength(size);
      expect(new Set(set.map((e) => e.id)).size).toBe(size);
      expect(set.slice(0, 50)).toEqual(fifty);
      set.slice(50).forEach((experiment, i) => {
        expect(experiment.id).toBe(51 + i);
        expect(experiment.minDuration).toBe(baseline[i % 10].minDuration);
        expect(experiment.priority).toBeGreaterThanOrEqual(1);
        expect(experiment.priority).toBeLessThanOrEqual(10);
      });
    }
    expect(source.experimentSet(70, ress, 5)).toEqual(source.experimentSet(70, ress, 5));
  });

  it('a size between files is the prefix of the next larger file', () => {
    const fifteen = source.experimentSet(15, 'mid', 1).sort((a, b) => a.id - b.id);
    expect(source.experimentSet(12, 'mid', 1)).toEqual(fifteen.slice(0, 12));
  });

  it('has the re-evaluation inputs', () => {
    expect(source.newExperiments().map((e) => e.id).sort()).toEqual([51, 52, 53, 54, 55]);
    expect(source.savedSchedulePath?.()).toBe(fenrirPath(FENRIR_LAYOUT.savedSchedule));
  });
});
