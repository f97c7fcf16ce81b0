import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../algorithms/problem/inputError.js';
import { parseSimulationConfig, type LoadedSimulationConfig } from './simulationConfig.js';

/** The fields of a simulation study's simulation.json that merging and re-rendering read. */
export interface SimulationManifest {
  readonly kind: 'simulation';
  readonly config: { readonly name: string; readonly path: string; readonly sha256: string; readonly content: unknown };
  readonly data: string;
  readonly status?: 'complete' | 'partial';
  readonly shard?: string;
}

/** The provenance file of a simulation study's folder (a trial study's is manifest.json). */
export const MANIFEST_FILE = 'simulation.json';

/** Whether a folder holds a simulation study's results (or a shard's): its simulation.json, and no trial study's manifest.json. */
export const isSimulationFolder = (folder: string): boolean => existsSync(join(folder, MANIFEST_FILE)) && !existsSync(join(folder, 'manifest.json'));

/** A folder's simulation.json, checked for the fields merging needs; a problem is one line naming the file and field. */
export function readSimulationManifest(folder: string): SimulationManifest {
  const path = join(folder, MANIFEST_FILE);
  if (!existsSync(path)) throw new InputError(folder, undefined, `no ${MANIFEST_FILE}: not the folder of a simulation study (npm run replicate -- --config configs/simulation.json writes one)`);
  let raw: Partial<SimulationManifest>;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<SimulationManifest>;
  } catch (error) {
    throw new InputError(path, undefined, `not valid JSON (${(error as Error).message})`);
  }
  if (raw.kind !== 'simulation') throw new InputError(path, 'kind', 'expected "simulation"');
  const config = raw.config;
  if (!config || typeof config.path !== 'string' || typeof config.sha256 !== 'string' || config.content === undefined) throw new InputError(path, 'config', 'expected {name, path, sha256, content}');
  if (typeof raw.data !== 'string') throw new InputError(path, 'data', 'expected the data source the study ran on');
  return raw as SimulationManifest;
}

/**
 * The config a study ran with, from its simulation.json: the content recorded there (not the file,
 * which may have changed since), under the file's name and the sha256 of its text as it was.
 */
export function configOfManifest(manifest: SimulationManifest): LoadedSimulationConfig {
  const text = JSON.stringify(manifest.config.content);
  // parsed under the file's own path: the config's name is its file name
  const { config } = parseSimulationConfig(text, manifest.config.path);
  return { config, text, sha256: manifest.config.sha256, path: manifest.config.path };
}
