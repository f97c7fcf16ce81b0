import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/referenceData.js';

// The README's worked example for release engineers, run exactly as written: the commands are
// read from the README (between the worked-example markers), so the doc and this test cannot drift.

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const section = /<!-- worked-example:begin[^>]*-->\n```bash\n([\s\S]*?)```\n<!-- worked-example:end -->/.exec(readme);

/** The block's commands, continuation lines joined. */
export function readmeCommands(block: string): string[] {
  return block.replace(/\\\n\s*/g, '').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}

/** The `text` blocks after the example: what the README says the commands print. */
const shownOutput = readme.slice(readme.indexOf('<!-- worked-example:end -->')).split('## ')[0]
  .match(/```text\n[\s\S]*?```/g)?.flatMap((block) => block.split('\n').slice(1, -1)) ?? [];

describe('the README\'s worked example', () => {
  // a checkout of the repository without results/, so the example writes into a fresh folder
  const sandbox = mkdtempSync(join(tmpdir(), 'schedlab-readme-'));
  for (const entry of readdirSync(REPO_ROOT)) {
    if (entry === 'results' || entry === '.git') continue;
    symlinkSync(join(REPO_ROOT, entry), join(sandbox, entry));
  }
  const commands = section ? readmeCommands(section[1]) : [];
  const outputs: { command: string; status: number | null; stdout: string; stderr: string }[] = [];

  beforeAll(() => {
    for (const command of commands) {
      const result = spawnSync('bash', ['-c', command], { cwd: sandbox, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
      outputs.push({ command, status: result.status, stdout: result.stdout, stderr: result.stderr });
      if (result.status !== 0) break;
    }
  }, 300_000);

  it('is in the README: schedule, evaluate, figures, then re-schedule, evaluate and figures again', () => {
    expect(section, 'README.md lacks the <!-- worked-example:begin … --> ```bash … ``` <!-- worked-example:end --> block').not.toBeNull();
    expect(commands.map((command) => command.split(' ').slice(0, 3).join(' '))).toEqual([
      'npm run schedule', 'npm run evaluate', 'npm run figures', 'npm run schedule', 'npm run evaluate', 'npm run figures',
    ]);
    expect(commands[3]).toMatch(/--restart-from \S+ .*--at \d+ --discard \d+ --add datasets\/examples\/\S+/);
    expect(commands.join(' ')).not.toMatch(/shared\/data|fenrir/); // not the paper's data
  });

  it('every command runs as written and exits 0', () => {
    expect(outputs.map((output) => [output.command, output.status])).toEqual(commands.map((command) => [command, 0]));
    for (const output of outputs) expect(output.stderr, output.command).not.toMatch(/error/i);
  });

  it('writes what the README says: schedules, reports with figures, a re-scheduled plan in the profile\'s hours', () => {
    const runs = join(sandbox, 'results/runs');
    for (const run of ['shop', 'shop-at-30']) {
      for (const file of ['schedule.json', 'trace.csv', 'consumption.csv', 'gantt.txt', 'run.json', 'report.html', 'report.md',
        'figures/schedule-gantt.svg', 'figures/traffic-consumption.png', 'figures/convergence.vl.json']) {
        expect(existsSync(join(runs, run, file)), `${run}/${file}`).toBe(true);
      }
      expect(readFileSync(join(runs, run, 'report.html'), 'utf8')).toContain('3 of 3 figures rendered');
    }
    const plan = JSON.parse(readFileSync(join(runs, 'shop-at-30/schedule.json'), 'utf8'));
    expect(plan.rescheduling).toMatchObject({ atHour: 30, timeFrame: 'original' });
    expect(plan.profile).toMatchObject({ file: 'datasets/examples/profile.csv', groups: ['staff', 'beta', 'everyone'] });
    const ids = plan.scheduledExperiments.map(([experiment]: [{ id: number }]) => experiment.id);
    expect(ids).toContain(7);
    expect(ids).not.toContain(2);
    // evaluate scores each plan exactly as its run did
    for (const [run, evaluation] of [['shop', outputs[1]], ['shop-at-30', outputs[4]]] as const) {
      const { fitness } = JSON.parse(readFileSync(join(runs, run, 'run.json'), 'utf8'));
      expect(evaluation.stdout).toContain('valid     yes');
      expect(evaluation.stdout).toContain(`total ${fitness.fitness.toFixed(7)}`);
    }
    expect(outputs[4].stdout).toContain('frame     re-scheduled at hour 30: hours of the profile');
  });

  it('prints what the README shows (apart from the timing and the absolute output folder)', () => {
    expect(shownOutput.length).toBeGreaterThanOrEqual(4);
    const printed = [outputs[0], outputs[3]].flatMap((output) => output?.stdout.split('\n') ?? []);
    const comparable = (line: string) => line.replace(/, [\d.]+ s → .*?(;|$)/, ', … s →$1');
    for (const line of shownOutput) {
      expect(printed.map(comparable), 'the README\'s example output is out of date: rerun its commands and update it').toContain(comparable(line));
    }
    // the prose's claim about another algorithm on the same files
    const claim = /`--algorithm (\S+)` with seed (\d+) does \(all at hour 0, F (\d\.\d{6})\)/.exec(readme);
    expect(claim, 'README: the claim about another algorithm on the example is gone; update this test').not.toBeNull();
    const other = spawnSync('bash', ['-c', commands[0].replace('--algorithm genetic', `--algorithm ${claim![1]}`).replace('--seed 1', `--seed ${claim![2]}`)
      .replace('results/runs/shop', 'results/runs/shop-other')], { cwd: sandbox, encoding: 'utf8', timeout: 120_000 });
    expect(other.stdout).toContain(`${claim![1]} seed ${claim![2]}: F ${claim![3]} (D 1.0000, U 1.0000, S 1.0000), valid yes`);
    for (const total of readme.match(/`total \d\.\d{7}`/g) ?? []) {
      expect([outputs[1].stdout, outputs[4].stdout].join('\n'), `README claims ${total}`).toContain(total.slice(1, -1));
    }
  });
});
