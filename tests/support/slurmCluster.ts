import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The programs a one-node cluster needs (Debian packages slurm-wlm and munge). */
const PROGRAMS = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'scontrol', 'scancel', 'sinfo'] as const;

/** Why no test cluster can be started here, or undefined: programs missing or not root. */
export function slurmUnavailable(): string | undefined {
  const missing = PROGRAMS.filter((program) => !commandPath(program));
  if (missing.length > 0) return `${missing.join(', ')} not installed (Debian: apt-get install slurm-wlm munge)`;
  if (process.getuid?.() !== 0) return 'slurmd must run as root to start jobs, and these tests do not run as root';
  return undefined;
}

export interface SlurmCluster {
  /** environment for Slurm's client commands and the jobs: SLURM_CONF of this cluster */
  readonly env: NodeJS.ProcessEnv;
  readonly directory: string;
  /** runs a Slurm client command (sbatch, squeue, scontrol, …) against this cluster */
  run(command: string, args: readonly string[], options?: { cwd?: string; timeoutMs?: number }): { status: number | null; stdout: string; stderr: string };
  /** the daemons' log files, last lines, for a failure message */
  logTail(lines?: number): string;
  /** cancels every job, stops the daemons it started and any process left of its jobs; idempotent */
  stop(): Promise<void>;
}

/**
 * Starts a private one-node Slurm in `directory`: a munge key and munged on its own socket, a
 * slurm.conf naming this host with its CPUs and 90 % of its memory (from `slurmd -C`), ports
 * free right now, and slurmctld and slurmd in the foreground as children of this process. Nothing
 * of the system's Slurm or munge is used or assumed running. Resolves once the node is idle;
 * rejects (after stopping whatever it started) when a daemon does not come up within `timeoutMs`.
 */
export async function startSlurmCluster(directory: string, options: { timeoutMs?: number } = {}): Promise<SlurmCluster> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  // munged wants its socket's directory reachable by all and its key private
  mkdirSync(directory, { recursive: true });
  chmodSync(directory, 0o755);
  for (const folder of ['state', 'spool', 'log']) mkdirSync(join(directory, folder), { recursive: true });
  const keyFile = join(directory, 'munge.key');
  writeFileSync(keyFile, randomBytes(1024), { mode: 0o600 });
  const socket = join(directory, 'munge.socket');
  const conf = join(directory, 'slurm.conf');
  const env: NodeJS.ProcessEnv = { ...process.env, SLURM_CONF: conf };
  for (const name of Object.keys(env)) if (name.startsWith('SBATCH_') || (name.startsWith('SLURM_') && name !== 'SLURM_CONF')) delete env[name];

  const daemons: { name: string; child: ChildProcess }[] = [];
  const startDaemon = (name: string, program: string, args: string[]) => {
    const log = openSync(join(directory, 'log', `${name}.out`), 'a');
    const child = spawn(commandPath(program)!, args, { env, stdio: ['ignore', log, log] });
    closeSync(log);
    daemons.push({ name, child });
  };
  const killAll = () => {
    for (const { child } of daemons) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    killJobProcesses(conf);
  };
  // should this process end without stop(), take the daemons along
  process.once('exit', killAll);

  let stopped = false;
  const cluster: SlurmCluster = {
    env,
    directory,
    run: (command, args, runOptions = {}) => {
      const result = spawnSync(command, args, { env, cwd: runOptions.cwd, encoding: 'utf8', timeout: runOptions.timeoutMs ?? 30_000 });
      return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? String(result.error ?? '') };
    },
    logTail: (lines = 15) => readdirSync(join(directory, 'log')).sort().map((file) => {
      const text = readFileSync(join(directory, 'log', file), 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      return `--- ${file}\n${text}`;
    }).join('\n'),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (daemons.some(({ name, child }) => name === 'slurmctld' && child.exitCode === null)) {
        cluster.run('scancel', ['--user', String(process.getuid?.() ?? 0)], { timeoutMs: 10_000 });
        await until(() => cluster.run('squeue', ['-h'], { timeoutMs: 5_000 }).stdout.trim() === '', 15_000);
      }
      for (const { child } of [...daemons].reverse()) await stopChild(child, 5_000);
      killJobProcesses(conf);
      process.removeListener('exit', killAll);
    },
  };

  try {
    const [controllerPort, nodePort] = await Promise.all([freePort(), freePort()]);
    const node = nodeHardware();
    const host = hostname().split('.')[0];
    writeFileSync(conf, [
      '# one-node test cluster written by tests/support/slurmCluster.ts',
      'ClusterName=schedlab-test',
      `SlurmctldHost=${host}(127.0.0.1)`,
      'SlurmUser=root',
      `SlurmctldPort=${controllerPort}`,
      `SlurmdPort=${nodePort}`,
      'AuthType=auth/munge',
      'CredType=cred/munge',
      `AuthInfo=socket=${socket}`,
      `StateSaveLocation=${join(directory, 'state')}`,
      `SlurmdSpoolDir=${join(directory, 'spool')}`,
      `SlurmctldPidFile=${join(directory, 'slurmctld.pid')}`,
      `SlurmdPidFile=${join(directory, 'slurmd.pid')}`,
      `SlurmctldLogFile=${join(directory, 'log', 'slurmctld.log')}`,
      `SlurmdLogFile=${join(directory, 'log', 'slurmd.log')}`,
      'MailProg=/bin/true',
      // no cgroups (containers rarely delegate them): processes tracked by parentage
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'JobAcctGatherType=jobacct_gather/none',
      'AccountingStorageType=accounting_storage/none',
      'MpiDefault=none',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_Core_Memory',
      'SchedulerType=sched/backfill',
      'ReturnToService=2',
      // seconds between SIGTERM and SIGKILL when a job is cancelled or requeued
      'KillWait=15',
      'MinJobAge=600',
      `NodeName=${host} NodeAddr=127.0.0.1 CPUs=${node.cpus} Boards=${node.boards} SocketsPerBoard=${node.sockets} CoresPerSocket=${node.cores} ThreadsPerCore=${node.threads} RealMemory=${node.realMemory} State=UNKNOWN`,
      'PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
      '',
    ].join('\n'));

    startDaemon('munged', 'munged', ['--foreground', `--key-file=${keyFile}`, `--socket=${socket}`,
      `--pid-file=${join(directory, 'munged.pid')}`, `--log-file=${join(directory, 'log', 'munged.log')}`, `--seed-file=${join(directory, 'munged.seed')}`]);
    await waitFor('munged', () => existsSync(socket), daemons, timeoutMs);
    startDaemon('slurmctld', 'slurmctld', ['-D', '-c', '-i', '-f', conf]);
    await waitFor('slurmctld', () => cluster.run('scontrol', ['ping'], { timeoutMs: 5_000 }).stdout.includes('is UP'), daemons, timeoutMs);
    startDaemon('slurmd', 'slurmd', ['-D', '-c', '-f', conf]);
    await waitFor('slurmd (node idle)', () => cluster.run('sinfo', ['-h', '-o', '%T'], { timeoutMs: 5_000 }).stdout.trim() === 'idle', daemons, timeoutMs);
    return cluster;
  } catch (error) {
    const tail = existsSync(join(directory, 'log')) ? cluster.logTail(8) : '';
    await cluster.stop();
    throw new Error(`${(error as Error).message}\n${tail}`);
  }
}

function commandPath(program: string): string | undefined {
  for (const folder of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin', '/usr/bin']) {
    if (folder !== '' && existsSync(join(folder, program))) return join(folder, program);
  }
  return undefined;
}

function nodeHardware() {
  const result = spawnSync(commandPath('slurmd')!, ['-C'], { encoding: 'utf8', timeout: 10_000 });
  const field = (name: string) => {
    const match = new RegExp(`\\b${name}=(\\d+)`).exec(result.stdout ?? '');
    if (!match) throw new Error(`slurmd -C printed no ${name}: ${result.stdout}${result.stderr}`);
    return Number(match[1]);
  };
  // a little less memory than the hardware has: slurmd drains a node that has less than configured
  return { cpus: field('CPUs'), boards: field('Boards'), sockets: field('SocketsPerBoard'), cores: field('CoresPerSocket'), threads: field('ThreadsPerCore'), realMemory: Math.floor(field('RealMemory') * 0.9) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function until(condition: () => boolean, timeoutMs: number, intervalMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (condition()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

async function waitFor(what: string, condition: () => boolean, daemons: readonly { name: string; child: ChildProcess }[], timeoutMs: number): Promise<void> {
  const ok = await until(() => {
    const dead = daemons.find(({ child }) => child.exitCode !== null || child.signalCode !== null);
    if (dead) throw new Error(`${dead.name} exited (${dead.child.exitCode ?? dead.child.signalCode}) while starting`);
    return condition();
  }, timeoutMs);
  if (!ok) throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs).unref());
  if ((await Promise.race([exited, timer])) === 'late') {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Kills what is left of this cluster's jobs (slurmstepd and the job's processes outlive slurmd):
 * exactly the processes whose environment names this cluster's slurm.conf.
 */
function killJobProcesses(conf: string): void {
  const marker = Buffer.from(`SLURM_CONF=${conf}\0`);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(join('/proc', entry, 'environ')).includes(marker)) process.kill(Number(entry), 'SIGKILL');
    } catch {
      // gone already, or not ours to read
    }
  }
}
