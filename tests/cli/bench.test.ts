import { describe, expect, it } from 'vitest';
import { hasFenrirData, warnIfFenrirMissing } from '../support/referenceData.js';
import { runTsx } from '../support/runCommand.js';

describe('npm run bench', () => {
  warnIfFenrirMissing('bench CLI on the paper schedule');
  it.skipIf(!hasFenrirData)('runs the selected cases in its worker thread and reports them as JSON (no timing asserted: that is the benchmark\'s job)', () => {
    const result = runTsx('scripts/bench.ts', ['--only', 'model: incremental', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.results).toHaveLength(1);
    expect(report.results[0].name).toContain('incremental re-check');
    expect(report.results[0].calls).toBe(61 * 1000);
    expect(report.results[0].medianMicroseconds).toBeGreaterThan(0);
  });

  it.skipIf(!hasFenrirData)('runs the cases in its own process with --in-process', () => {
    const result = runTsx('scripts/bench.ts', ['--in-process', '--only', 'model: incremental', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).results.map((r: { name: string }) => r.name)).toEqual([expect.stringContaining('incremental re-check')]);
  });

  it('rejects an unknown option with a clear message', () => {
    const result = runTsx('scripts/bench.ts', ['--fast']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Unknown argument: fast');
  });
});
