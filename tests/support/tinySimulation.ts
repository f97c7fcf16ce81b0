import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a test changes of the tiny simulation study: top-level fields, and scenario fields (each replaced whole). */
export interface TinySimulationChanges {
  readonly baseSeed?: number;
  readonly repetitions?: number;
  readonly scenario?: Record<string, unknown>;
  readonly sweep?: Record<string, unknown>;
  /** the file name in `dir` (default tiny.json: the config's name is "tiny") */
  readonly file?: string;
}

/**
 * Writes a simulation config small enough for a test (seconds): 3 low-RESS experiments and about
 * one arrival a day for 48 hours, canaries failing at 1 % an hour, greedy and random sampling
 * (3 samples) planning once or every 24 hours, one repetition. Returns its path.
 */
export function writeTinySimulationConfig(dir: string, changes: TinySimulationChanges = {}): string {
  const path = join(dir, changes.file ?? 'tiny.json');
  writeFileSync(path, JSON.stringify({
    kind: 'simulation',
    baseSeed: changes.baseSeed ?? 7,
    repetitions: changes.repetitions ?? 1,
    scenario: {
      hours: 48, drainHours: 300, planningHorizonHours: 400,
      experiments: { set: 'low:3' },
      arrivals: { kind: 'poisson', perDay: 1, mix: 'low' },
      canary: { failureHazard: 0.01 },
      planner: { algorithm: { name: 'greedy' } },
      ...changes.scenario,
    },
    sweep: changes.sweep ?? { replanEveryHours: [null, 24], algorithms: [{ name: 'greedy' }, { name: 'random-sampling', params: { populationSize: 3 } }] },
  }));
  return path;
}
