import { join, resolve } from 'node:path';
import { InputError } from '../../algorithms/problem/inputError.js';
import { resolveDataSpec } from '../../datasets/dataSource.js';
import { inShard, shardFolder, shardText, type Shard } from '../plan/shard.js';
import { defaultRunFolder } from '../replicate/projectPaths.js';
import { formatSeconds } from '../run/progressReporter.js';
import { RemainingTime } from '../run/remainingTime.js';
import { CapacityOverrunError } from '../simulation/capacityCheck.js';
import { runSimulationStudy, type SimulationStudyOptions, type SimulationStudyResult } from '../simulation/runSimulationStudy.js';
import { JOURNAL_FILE } from '../simulation/simulationJournal.js';
import { SimulationRunError } from '../simulation/simulationRunError.js';
import { loadSimulationConfig } from '../simulation/simulationConfig.js';
import { planSimulationRuns } from '../simulation/simulationPlan.js';
import { loadSimulationInputs } from '../simulation/simulationInputs.js';

/** What `npm run simulate` and `npm run replicate` (given a simulation config) ask of a simulation study. */
export interface SimulationCommandOptions {
  readonly configPath: string;
  /** default results/runs/<config name> (a shard: …/shard-i-of-N) */
  readonly out?: string;
  /** overrides the config's data source */
  readonly data?: string;
  readonly workers: number;
  readonly figures: boolean;
  readonly fresh: boolean;
  readonly dryRun: boolean;
  readonly quiet: boolean;
  readonly shard?: Shard;
  /** a stop signal (npm run replicate's Ctrl-C handling): ends the study with the journal kept, exit code `stopExitCode` */
  readonly signal?: AbortSignal;
  readonly stopExitCode?: () => number | undefined;
  /** the command the folder lock and the messages name */
  readonly command: string;
}

/**
 * Runs a simulation study from the command line: progress on stderr (in place on a terminal, a line
 * every 5 s in a log), the files written on stdout; a capacity overrun or a run that throws is an
 * `error:` line and exit code 1.
 */
export async function simulationCommand(args: SimulationCommandOptions): Promise<void> {
  const loaded = loadSimulationConfig(args.configPath);
  const defaultOut = defaultRunFolder(loaded.config.name);
  const out = resolve(args.out ?? shardFolder(defaultOut, args.shard));
  // "fenrir-if-present" (a config's or --data's) becomes what it resolves to, so the journal and simulation.json record the real source
  const given = args.data ?? loaded.config.data;
  const resolved = resolveDataSpec(given);
  const data = args.data !== undefined || resolved !== given ? resolved : undefined;
  if (resolved !== given && !args.quiet) process.stderr.write(`data: ${given} → ${resolved}\n`);
  if (!Number.isInteger(args.workers) || args.workers < 1) throw new InputError('--workers', undefined, `expected a whole number ≥ 1, got ${args.workers}`);
  if (args.dryRun) {
    loadSimulationInputs(loaded.config, loaded.path, data);
    const runs = planSimulationRuns(loaded.config, loaded.path);
    const selected = runs.filter((_, index) => inShard(index, args.shard));
    process.stdout.write(`${selected.length} ${args.shard ? `of ${runs.length} runs (shard ${shardText(args.shard)})` : 'runs'} of ${loaded.path}:\n${selected.map((run) => `  ${run.id}`).join('\n')}\n`);
    return;
  }
  const tty = process.stderr.isTTY === true;
  let lastLine = 0;
  let started = Date.now();
  // runs of a study cost alike (one scenario, a few planners): each counts 1 towards the ETA
  let remaining: RemainingTime | undefined;
  const options: SimulationStudyOptions = {
    out,
    workers: args.workers,
    figures: args.figures,
    ...(data !== undefined ? { data } : {}),
    fresh: args.fresh,
    command: args.command,
    ...(args.signal ? { signal: args.signal } : {}),
    ...(args.shard ? { shard: args.shard } : {}),
    onResume: (resume) => {
      if (args.quiet) return;
      const notes = [
        resume.stale > 0 ? `${resume.stale} made with another scenario, data source or code run again` : '',
        resume.foreign > 0 ? `${resume.foreign} of runs this config no longer has are left unused` : '',
        resume.damaged > 0 ? `${resume.damaged} damaged line${resume.damaged === 1 ? '' : 's'} ignored` : '',
        resume.tornBytes > 0 ? `a torn last line (${resume.tornBytes} bytes, a write cut short) cut off` : '',
      ].filter(Boolean);
      process.stderr.write(`journal ${resume.journal}: ${resume.reused} of ${resume.total} runs done already${resume.reused === resume.total ? ' (writing the outputs again)' : ''}` +
        `${notes.length ? `; ${notes.join('; ')}` : ''}\n`);
    },
    onPlan: (runs) => {
      started = Date.now();
      if (!args.quiet) process.stderr.write(`${runs.length} simulated runs of ${loaded.path}${args.shard ? ` (shard ${shardText(args.shard)}, runs dealt round-robin)` : ''} → ${out}\n`);
    },
    onRun: (done, total, run, seconds) => {
      if (args.quiet) return;
      const now = Date.now();
      remaining ??= new RemainingTime(total);
      remaining.record(1, now);
      // a terminal shows every run in place; a log gets a line every 5 s and the last one
      if (!tty && done < total && now - lastLine < 5000) return;
      lastLine = now;
      const elapsed = (now - started) / 1000;
      const left = done < total ? remaining.secondsLeft(now) : undefined;
      const eta = left !== undefined ? `, ETA ${formatSeconds(left)}` : '';
      process.stderr.write(`${tty ? '\r\x1b[2K' : ''}[${done}/${total}] ${formatSeconds(elapsed)} elapsed${eta} · ${run.id} (${seconds.toFixed(1)} s)${tty && done < total ? '' : '\n'}`);
    },
  };
  let result: SimulationStudyResult;
  try {
    result = await runSimulationStudy(loaded, options);
  } catch (error) {
    if (error instanceof CapacityOverrunError) {
      // the invariant of the study failed: every offending run on its own line, exit 1
      process.stderr.write(`${tty ? '\n' : ''}${error.message.split('\n').map((line) => `error: ${line}`).join('\n')}\n`);
      process.exitCode = 1;
      return;
    }
    if (error instanceof SimulationRunError) {
      // a bug met by one run: the line naming it, then the stack of what it threw
      const cause = error.cause instanceof Error ? error.cause.stack ?? '' : '';
      process.stderr.write(`${tty ? '\n' : ''}error: ${error.message}\n${cause}${cause ? '\n' : ''}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  if (result.status === 'interrupted') {
    process.stderr.write(`${tty ? '\n' : ''}interrupted: ${result.runs.length} of ${result.planned} runs are in ${join(out, JOURNAL_FILE)}; run the same command again to resume\n`);
    process.exitCode = args.stopExitCode?.() ?? 130;
    return;
  }
  const overruns = result.runs.reduce((sum, finished) => sum + finished.outcome.capacityOverruns, 0);
  process.stdout.write(`${result.runs.length} runs in ${formatSeconds(result.seconds)}, ${overruns} capacity overruns → ${out}\n` +
    `  ${result.files.join(', ')}\n`);
  if (result.status === 'partial') {
    // a shard: the tables need every run, so they come from merging the shards
    const parent = args.out === undefined && args.shard ? defaultOut : '<folder of the shards>';
    process.stdout.write(`  shard ${args.shard ? shardText(args.shard) : ''}: ${result.missing === 0 ? 'done' : `${result.missing} runs missing`}; ` +
      `once every shard is done: npm run merge -- ${parent}/shard-* --out ${parent}\n`);
  }
}

