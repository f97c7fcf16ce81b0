import { readFileSync } from 'node:fs';

/**
 * Whether a config file describes a simulation study (configs/simulation*.json: `"kind":
 * "simulation"`, or a `scenario` without `studies`) rather than studies of trials. A file that is
 * not readable JSON is not one: the study config's loader then says what is wrong with it.
 */
export function isSimulationConfig(path: string): boolean {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const fields = raw as Record<string, unknown>;
  return fields.kind === 'simulation' || ('scenario' in fields && !('studies' in fields));
}
