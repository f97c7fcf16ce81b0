import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/referenceData.js';

/** Variables of the caller's shell that the scripts read: left out so a test sets only its own. */
const SCRIPT_VARIABLES = ['CONFIG', 'RESULTS', 'DATA', 'SHARDS', 'WORKERS', 'JOB_COMPLETION_INDEX', 'MERGE_POLL_SECONDS'];

export interface StandInRun {
  readonly status: number | null;
  /** the signal that ended the process (the timeout's SIGTERM), null when it exited */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** PID of the process the test started: a command exec'd in its place has the same */
  readonly pid: number;
  /** the recorded calls of the stand-ins, one line each: `node pid=<pid> <args>`, `sbatch <args>` */
  readonly calls: string[];
}

/**
 * Stand-ins for `node` and `sbatch` on PATH that record how a script calls them. `node -e` (a
 * script's own small checks) goes to the real node; any other node call is recorded with the
 * PID it runs as and exits with FAKE_NODE_EXIT (0). sbatch prints job ids as --parsable does:
 * 4711, then 4712;cluster.
 */
export function standInCommands() {
  const scratch = mkdtempSync(join(tmpdir(), 'schedlab-stand-ins-'));
  const bin = join(scratch, 'bin');
  const calls = join(scratch, 'calls.txt');
  mkdirSync(bin);
  writeFileSync(join(bin, 'node'), `#!/usr/bin/env bash
if [[ "$1" == -e ]]; then exec "${process.execPath}" "$@"; fi
echo "node pid=$$ $*" >> "${calls}"
exit "\${FAKE_NODE_EXIT:-0}"
`);
  writeFileSync(join(bin, 'sbatch'), `#!/usr/bin/env bash
echo "sbatch $*" >> "${calls}"
n=$(grep -c '^sbatch' "${calls}")
if [[ $n -eq 1 ]]; then echo 4711; else echo "4712;cluster"; fi
`);
  chmodSync(join(bin, 'node'), 0o755);
  chmodSync(join(bin, 'sbatch'), 0o755);

  /** Runs `program args…` in the checkout with the stand-ins first on PATH and only `env` of the script variables. */
  const run = (program: string, args: readonly string[], env: Record<string, string> = {}, options: { timeoutMs?: number } = {}): StandInRun => {
    writeFileSync(calls, '');
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) =>
      !name.startsWith('SLURM_') && !name.startsWith('SBATCH_') && !SCRIPT_VARIABLES.includes(name)));
    const result = spawnSync(program, args, {
      cwd: REPO_ROOT, encoding: 'utf8', timeout: options.timeoutMs ?? 30_000,
      env: { ...inherited, PATH: `${bin}:${process.env.PATH}`, ...env },
    });
    return {
      status: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '', pid: result.pid ?? -1,
      calls: readFileSync(calls, 'utf8').split('\n').filter((line) => line !== ''),
    };
  };
  return { scratch, run, remove: () => rmSync(scratch, { recursive: true, force: true }) };
}
