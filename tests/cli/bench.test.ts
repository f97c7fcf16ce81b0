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

  it('--growth runs each size × algorithm in a process of its own and reports time, peak memory and a valid result', () => {
    const result = runTsx('scripts/bench.ts', ['--growth', '--sizes', '10,15', '--algorithms', 'random-sampling,greedy', '--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.rows.map((row: { size: number; algorithm: string }) => `${row.algorithm}@${row.size}`))
      .toEqual(['random-sampling@10', 'greedy@10', 'random-sampling@15', 'greedy@15']);
    for (const { result: run } of report.rows) {
      expect(run.valid).toBe(true);
      expect(run.spec.sampler).toBe('robust');
      expect(run.runSeconds).toBeGreaterThan(0);
      expect(run.cpuSeconds).toBeGreaterThan(0);
      // a Node process with tsx alone takes tens of MB; the figure is the child's own peak, not this process's
      expect(run.peakRssBytes).toBeGreaterThan(20 * 1024 ** 2);
      expect(run.fitness).toBeGreaterThan(0);
      expect(run.fitness).toBeLessThanOrEqual(1);
    }
    // the same set as `npm run schedule -- --set mid:N` (the studies' set seed), sampled (RS) or built (greedy) for itself
    expect(new Set(report.rows.map((row: { result: { setSeed: number } }) => row.result.setSeed)).size).toBe(1);
    expect(report.rows[0].result.evaluations).toBe(40);
  });

  it('--growth prints a Markdown table and rejects bad sizes', () => {
    const table = runTsx('scripts/bench.ts', ['--growth', '--sizes', '10', '--algorithms', 'greedy']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^\| experiments \| algorithm \| total s /);
    expect(table.stdout).toMatch(/\n\| 10 \| greedy \| [\d.]+ \|/);
    const bad = runTsx('scripts/bench.ts', ['--growth', '--sizes', '10,x']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--sizes: "10,x" is not a list of positive integers');
  });

  it('rejects an unknown option with a clear message', () => {
    const result = runTsx('scripts/bench.ts', ['--fast']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Unknown argument: fast');
  });
});
