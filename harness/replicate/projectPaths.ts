import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root, whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CONFIGS_FOLDER = join(PROJECT_ROOT, 'configs');
export const RESULTS_FOLDER = join(PROJECT_ROOT, 'results');
export const PAPER_CONFIG = join(CONFIGS_FOLDER, 'paper.json');
export const QUICK_CONFIG = join(CONFIGS_FOLDER, 'quick.json');
