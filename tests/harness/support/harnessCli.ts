import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../../harness/replicate/projectPaths.js';

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly seconds: number;
}

export interface CliOptions {
  /** project checkout to run in (default: this one) */
  readonly root?: string;
  /** polled every 5 ms; once true, `act(child)` runs (default: SIGINT to the child) */
  readonly when?: () => boolean;
  readonly act?: (pid: number) => void;
  /** start the child as the leader of its own process group (to signal the whole group) */
  readonly group?: boolean;
}

/** Runs `node --import tsx <root>/<script> …args` (what `npm run` runs), in `root`. */
export function runNode(script: string, args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const root = options.root ?? PROJECT_ROOT;
  return run(process.execPath, ['--import', 'tsx', resolve(root, script), ...args], root, options);
}

/** Runs `npm run <script> -- …args` in `root`, as a user or a batch system would. */
export function runNpm(script: string, args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const root = options.root ?? PROJECT_ROOT;
  return run('npm', ['run', '--silent', script, '--', ...args], root, options);
}

function run(command: string, args: readonly string[], cwd: string, options: CliOptions): Promise<CliRun> {
  const started = Date.now();
  const child = spawn(command, args, { cwd, detached: options.group ?? false, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.resume();
  let poller: NodeJS.Timeout | undefined;
  if (options.when) {
    poller = setInterval(() => {
      if (!options.when!()) return;
      clearInterval(poller);
      (options.act ?? ((pid) => process.kill(pid, 'SIGINT')))(child.pid!);
    }, 5);
  }
  return new Promise((resolve) => child.on('close', (code, signal) => {
    clearInterval(poller);
    resolve({ code, signal, stderr, seconds: (Date.now() - started) / 1000 });
  }));
}

export const journalLines = (folder: string): string[] =>
  (existsSync(join(folder, 'journal.jsonl')) ? readFileSync(join(folder, 'journal.jsonl'), 'utf8').split('\n').filter((line) => line !== '') : []);

/** A small scaling study (24 trials, about a second of CPU): big enough to be stopped midway. */
export const SMALL_CONFIG = {
  description: 'integrity tests: a small study',
  baseSeed: 7,
  studies: [{
    name: 'scaling', sizes: [10, 15], ress: ['mid'], repetitions: 3,
    algorithms: [
      { name: 'random-sampling' },
      { name: 'genetic', params: { populationSize: 10, generations: 10 } },
      { name: 'local-search', params: { iterations: 300 } },
      { name: 'simulated-annealing', params: { iterations: 300 } },
    ],
  }],
};
