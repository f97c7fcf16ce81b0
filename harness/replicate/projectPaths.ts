import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root, whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CONFIGS_FOLDER = join(PROJECT_ROOT, 'configs');
export const RESULTS_FOLDER = join(PROJECT_ROOT, 'results');
/** Where runs write by default (`results/runs/<config name>/`): ignored by git, never committed. */
export const RUNS_FOLDER = join(RESULTS_FOLDER, 'runs');
/** The committed reference runs (`results/reference/<config name>/`), written only by `npm run reference`. */
export const REFERENCE_FOLDER = join(RESULTS_FOLDER, 'reference');
export const PAPER_CONFIG = join(CONFIGS_FOLDER, 'paper.json');
export const QUICK_CONFIG = join(CONFIGS_FOLDER, 'quick.json');

/** The default results folder of a config (a shard: `<that>/shard-i-of-N`). */
export const defaultRunFolder = (configName: string): string => join(RUNS_FOLDER, configName);
