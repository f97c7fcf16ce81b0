import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertNoCapacityOverruns, CapacityOverrunError, runsWithOverruns } from '../../harness/simulation/capacityCheck.js';
import { runSimulationStudy } from '../../harness/simulation/runSimulationStudy.js';
import { loadSimulationConfig } from '../../harness/simulation/simulationConfig.js';
import { planSimulationRuns } from '../../harness/simulation/simulationPlan.js';
import { SimulationRunError } from '../../harness/simulation/simulationRunError.js';
import type { FinishedRun } from '../../harness/simulation/simulationSummary.js';
import { writeTinySimulationConfig } from '../support/tinySimulation.js';

// What the study's runs return can be tampered with here: an overrun or a crash in one chosen run
// (the simulator itself never overruns, so a fabricated outcome is the only way to see the check fail).
const tamper = vi.hoisted(() => ({ index: -1, mode: 'none' as 'none' | 'overrun' | 'throw' }));
vi.mock('../../harness/simulation/simulationTask.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../harness/simulation/simulationTask.js')>();
  return {
    ...original,
    runSimulationTask: (task: Parameters<typeof original.runSimulationTask>[0]) => {
      if (task.index === tamper.index && tamper.mode === 'throw') throw new Error('simulator: the repaired plan at hour 12 is invalid; this is a bug');
      const result = original.runSimulationTask(task);
      return task.index === tamper.index && tamper.mode === 'overrun' ? { ...result, outcome: { ...result.outcome, capacityOverruns: 3 }, simulation: { ...result.simulation, capacity_overruns: 3 } } : result;
    },
  };
});

afterEach(() => {
  tamper.index = -1;
  tamper.mode = 'none';
});

/** Greedy planning once or every 24 h, no arrivals, 2 repetitions on 3 experiments. */
const tinyConfig = (dir: string): string => writeTinySimulationConfig(dir, {
  repetitions: 2,
  scenario: { hours: 24, drainHours: 200, planningHorizonHours: 300, arrivals: { kind: 'none' }, canary: {} },
  sweep: { replanEveryHours: [null, 24] },
});

const fabricated = (id: string, capacityOverruns: number): FinishedRun => ({ run: { id } as FinishedRun['run'], outcome: { capacityOverruns } as FinishedRun['outcome'] });

describe('realised capacity overruns are 0 in every run of a study', () => {
  it('the check passes runs without overruns and names every run with one', () => {
    expect(runsWithOverruns([fabricated('a/r1', 0), fabricated('a/r2', 0)])).toEqual([]);
    expect(() => assertNoCapacityOverruns([fabricated('a/r1', 0)], 'out')).not.toThrow();
    const runs = [fabricated('a/r1', 0), fabricated('a/r2', 1), fabricated('b/r1', 0), fabricated('b/r2', 4)];
    expect(runsWithOverruns(runs)).toEqual([{ id: 'a/r2', overruns: 1 }, { id: 'b/r2', overruns: 4 }]);
    let thrown: unknown;
    try {
      assertNoCapacityOverruns(runs, 'results/runs/x');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CapacityOverrunError);
    expect((thrown as Error).message.split('\n')).toEqual([
      'run a/r2: 1 realised capacity overrun (service × group × hour cells above 100 %; must be 0)',
      'run b/r2: 4 realised capacity overruns (service × group × hour cells above 100 %; must be 0)',
      '2 of 4 simulated runs overran capacity; the outputs are written to results/runs/x for inspection (events.csv, experiments.csv), but the study does not hold',
    ]);
  });

  it('a study with one overrunning run writes its outputs, then fails naming that run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedlab-overrun-'));
    const loaded = loadSimulationConfig(tinyConfig(dir));
    const runs = planSimulationRuns(loaded.config);
    tamper.index = 2;
    tamper.mode = 'overrun';
    const out = join(dir, 'out');
    await expect(runSimulationStudy(loaded, { out, figures: false })).rejects.toThrow(new RegExp(`^run ${runs[2].id.replace(/[+/.]/g, '\\$&')}: 3 realised capacity overruns`));
    const rows = parse(readFileSync(join(out, 'simulations.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.capacity_overruns)).toEqual(['0', '0', '3', '0']);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('Realised capacity overruns over all runs: **3** (must be 0).');
    expect(JSON.parse(readFileSync(join(out, 'simulation.json'), 'utf8'))).toMatchObject({ capacityOverruns: 3 });
  });

  it('a run that throws stops the study before any table is written, naming the run; the runs before it are journalled and the same call goes on from them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedlab-run-error-'));
    const loaded = loadSimulationConfig(tinyConfig(dir));
    const runs = planSimulationRuns(loaded.config);
    tamper.index = 1;
    tamper.mode = 'throw';
    const out = join(dir, 'out');
    const journal = join(out, 'runs.jsonl');
    const failure = runSimulationStudy(loaded, { out, figures: false });
    await expect(failure).rejects.toBeInstanceOf(SimulationRunError);
    await expect(failure).rejects.toThrow(`run ${runs[1].id} failed: simulator: the repaired plan at hour 12 is invalid; this is a bug (no table or report of this study was written: ${out} keeps what an earlier study left there, if anything; the 1 run finished so far is in ${journal}, and the same command goes on from there)`);
    expect(existsSync(join(out, 'simulations.csv'))).toBe(false);
    expect(readFileSync(journal, 'utf8').trim().split('\n')).toHaveLength(1);
    // the bug fixed: the same call runs the 3 others only, and the files are those of an uninterrupted study
    tamper.mode = 'none';
    const ran: string[] = [];
    await runSimulationStudy(loaded, { out, figures: false, onRun: (_done, _total, run) => ran.push(run.id) });
    expect(ran).toEqual(runs.slice(1).map((run) => run.id));
    const fresh = join(dir, 'fresh');
    await runSimulationStudy(loaded, { out: fresh, figures: false });
    for (const file of ['simulations.csv', 'experiments.csv', 'events.csv', 'summary.csv', 'replanning-gain.csv', 'best-algorithm.csv', 'report.md']) {
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(fresh, file), 'utf8'));
    }
  });
});
