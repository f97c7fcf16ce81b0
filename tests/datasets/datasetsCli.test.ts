import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RESS_VARIANTS } from '../../datasets/baselineExperiments.js';
import { builtinDataSource } from '../../datasets/builtinDataSource.js';
import { openDataSource } from '../../datasets/dataSource.js';
import { SCALING_SIZES } from '../../datasets/scaleExperiments.js';
import { loadStudyConfig } from '../../harness/config/loadStudyConfig.js';
import { planTrials } from '../../harness/plan/planTrials.js';
import { REPO_ROOT } from '../support/referenceData.js';
import { runTsx } from '../support/runCommand.js';

const CLI = 'harness/cli/datasets.ts';
const temporary = mkdtempSync(join(tmpdir(), 'schedlab-datasets-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

describe('npm run datasets', () => {
  it('writes every dataset, readable back as fenrir:<out>', () => {
    const out = join(temporary, 'out');
    const result = runTsx(CLI, ['--out', out, '--set-seed', '4']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^wrote 43 files to .* from builtin in \d+ ms; set seeds low 4, mid 4, high 4 \(--set-seed\)\n$/);

    const files = listFiles(out);
    expect(files).toHaveLength(43); // 2 profiles, 13 sizes × 3 RESS, new experiments, provenance;
    expect(files.some((file) => file.endsWith('.tmp'))).toBe(false);
    expect(files).toContain(join('traffic_profiles', 'gitlab_12_months.csv'));
    expect(files).toContain(join('experiments', 'experiments_70_high.json'));
    const provenance = JSON.parse(readFileSync(join(out, 'provenance.json'), 'utf8'));
    expect(provenance).toMatchObject({ dataSource: 'builtin', setSeeds: { low: 4, mid: 4, high: 4 }, setSeedOrigin: '--set-seed', schedlabVersion: expect.any(String), generator: expect.any(String) });

    const builtin = builtinDataSource();
    const readBack = openDataSource(`fenrir:${out}`);
    expect(readBack.profile().requests).toEqual(builtin.profile().requests);
    expect(readBack.constantProfile().requests).toEqual(builtin.constantProfile().requests);
    for (const ress of RESS_VARIANTS) {
      for (const size of SCALING_SIZES) expect(readBack.experimentSet(size, ress, 0)).toEqual(builtin.experimentSet(size, ress, 4));
    }
    expect(readBack.newExperiments()).toEqual(builtin.newExperiments());
  });

  it('by default writes the studies\' sets (set seeds from configs/paper.json); --seed is a deprecated name of --set-seed', () => {
    const { config } = loadStudyConfig(resolve(REPO_ROOT, 'configs/paper.json'));
    const studySeeds = Object.fromEntries(RESS_VARIANTS.map((ress) => [ress,
      planTrials(config).find((trial) => trial.study === 'scaling' && trial.ress === ress)!.experimentSetSeed]));
    const out = join(temporary, 'default');
    const result = runTsx(CLI, ['--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`set seeds low ${studySeeds.low}, mid ${studySeeds.mid}, high ${studySeeds.high} (the studies' set: baseSeed ${config.baseSeed} of configs/paper.json)`);
    expect(JSON.parse(readFileSync(join(out, 'provenance.json'), 'utf8')).setSeeds).toEqual(studySeeds);
    const written = openDataSource(`fenrir:${out}`);
    for (const ress of RESS_VARIANTS) expect(written.experimentSet(70, ress, 0)).toEqual(builtinDataSource().experimentSet(70, ress, studySeeds[ress]));

    const old = join(temporary, 'old-name');
    const deprecated = runTsx(CLI, ['--out', old, '--seed', '4']);
    expect(deprecated.status).toBe(0);
    expect(deprecated.stderr.trim()).toBe('warning: --seed is deprecated, use --set-seed (the same option as npm run schedule\'s)');
    expect(readFileSync(join(old, 'experiments/experiments_70_mid.json'), 'utf8'))
      .toBe(readFileSync(join(temporary, 'out', 'experiments/experiments_70_mid.json'), 'utf8'));
    const both = runTsx(CLI, ['--out', old, '--seed', '4', '--set-seed', '4']);
    expect(both.status).toBe(1);
    expect(both.stderr.trim()).toBe('error: arguments: Arguments seed and set-seed are mutually exclusive (see --help)');
  });

  it('prints profile statistics', () => {
    const result = runTsx(CLI, ['--stats', 'builtin', '--json']);
    expect(result.status).toBe(0);
    const statistics = JSON.parse(result.stdout);
    expect(statistics.hours).toBe(8274);
    expect(statistics.hourOfDay).toHaveLength(24);
    expect(statistics.dayOfWeek).toHaveLength(7);
  });

  it('rejects a bad --data spec with one line and a non-zero exit', () => {
    const out = join(temporary, 'never');
    const result = runTsx(CLI, ['--out', out, '--data', 'fenrir:/no/such/folder']);
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--data: folder "/no/such/folder" not found');
    expect(existsSync(out)).toBe(false);

    const unknown = runTsx(CLI, ['--out', out, '--data', 'somewhere']);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });
});
