import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { REPO_ROOT } from './referenceData.js';

/** Runs a project CLI (a TypeScript file) with tsx, as `npm run <script> --` would. */
export function runTsx(script: string, args: string[], options: { cwd?: string; timeout?: number } = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', resolve(REPO_ROOT, script), ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
