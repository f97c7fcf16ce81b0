import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { InputError } from '../../algorithms/problem/inputError.js';
import { dataOption } from '../../datasets/dataSource.js';
import { defaultRunFolder } from '../replicate/projectPaths.js';
import { formatDuration } from '../run/progressReporter.js';
import { CapacityOverrunError } from '../simulation/capacityCheck.js';
import { runSimulationStudy, type SimulationStudyOptions, type SimulationStudyResult } from '../simulation/runSimulationStudy.js';
import { SimulationRunError } from '../simulation/simulationRunError.js';
import { loadSimulationConfig } from '../simulation/simulationConfig.js';
import { planSimulationRuns } from '../simulation/simulationPlan.js';
import { loadSimulationInputs } from '../simulation/simulationInputs.js';
import { runCli } from './runCli.js';

/** `npm run simulate`: a simulation study — rolling re-planning under uncertainty (harness/simulation/). */
async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('npm run simulate --')
    .usage('$0 --config FILE [--out DIR] [options]\n\n' +
      'Simulates scheduling under uncertainty hour by hour: the world sends its true traffic while the planner sees a forecast, ' +
      'experiments keep arriving, canaries fail and are rolled back once a Mann–Whitney canary analysis of their latency notices, ' +
      'and the plan is re-made every k hours with a registered algorithm (spec §10 re-scheduling). Runs every scenario of the ' +
      'config\'s sweep and repetitions, and writes simulations.csv (one row per run), experiments.csv, events.csv, summary.csv, ' +
      'replanning-gain.csv, best-algorithm.csv, report.md, timings.csv, simulation.json, runs.jsonl (the journal of finished runs: an interrupted study goes on from it) and figures/ (outcome vs re-planning policy, ' +
      'outcome vs forecast, the timeline of one run) into DIR.')
    .option('config', { type: 'string', demandOption: true, describe: 'simulation config (configs/simulation*.json)' })
    .option('out', { type: 'string', describe: 'output folder (default results/runs/<config name>, ignored by git); files in it are replaced' })
    .options(dataOption)
    .option('workers', { type: 'number', default: availableParallelism(), describe: 'worker threads (the outputs do not depend on it)' })
    .option('figures', { type: 'boolean', default: true, describe: 'render figures/ (Vega-Lite → SVG, PNG, PDF); --no-figures writes only the tables and the report' })
    .option('fresh', { type: 'boolean', default: false, describe: `delete the journal of finished runs (DIR/runs.jsonl) and run everything; by default a study goes on from the runs it holds` })
    .option('dry-run', { type: 'boolean', default: false, describe: 'list the runs and stop' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress lines on stderr' })
    .example('$0 --config configs/simulation-quick.json', 'the smoke study (seconds)')
    .example('$0 --config configs/simulation.json', 'the full study: algorithm × re-planning interval × forecast error')
    .wrap(Math.min(120, process.stdout.columns ?? 100))
    .fail((message, error) => {
      throw error ?? new InputError('arguments', undefined, message.replace(/\s*\n\s*/g, ' '));
    })
    .strict()
    .help()
    .parseAsync();
  const loaded = loadSimulationConfig(args.config);
  const out = resolve(args.out ?? defaultRunFolder(loaded.config.name));
  const data = process.argv.some((arg) => arg === '--data' || arg.startsWith('--data=')) ? args.data : undefined;
  if (args['dry-run']) {
    loadSimulationInputs(loaded.config, loaded.path, data);
    const runs = planSimulationRuns(loaded.config, loaded.path);
    process.stdout.write(`${runs.length} runs of ${loaded.path}:\n${runs.map((run) => `  ${run.id}`).join('\n')}\n`);
    return;
  }
  const tty = process.stderr.isTTY === true;
  let lastLine = 0;
  if (!Number.isInteger(args.workers) || args.workers < 1) throw new InputError('--workers', undefined, `expected a whole number ≥ 1, got ${args.workers}`);
  const options: SimulationStudyOptions = {
    out,
    workers: args.workers,
    figures: args.figures,
    ...(data !== undefined ? { data } : {}),
    fresh: args.fresh,
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
      if (!args.quiet) process.stderr.write(`${runs.length} simulated runs of ${loaded.path} → ${out}\n`);
    },
    onRun: (done, total, run, seconds) => {
      if (args.quiet) return;
      const now = Date.now();
      // a terminal shows every run in place; a log gets a line every 5 s and the last one
      if (!tty && done < total && now - lastLine < 5000) return;
      lastLine = now;
      process.stderr.write(`${tty ? '\r\x1b[2K' : ''}[${done}/${total}] ${run.id} (${seconds.toFixed(1)} s)${tty && done < total ? '' : '\n'}`);
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
  const overruns = result.runs.reduce((sum, finished) => sum + finished.outcome.capacityOverruns, 0);
  process.stdout.write(`${result.runs.length} runs in ${formatDuration(result.seconds)}, ${overruns} capacity overruns → ${out}\n` +
    `  ${result.files.join(', ')}\n`);
}

await runCli(main);
