import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RELAY_GRACE_MS } from '../../harness/cli/stopSignals.js';
import { checkOutputs } from '../../harness/output/outputsCheck.js';
import { PROJECT_ROOT } from '../../harness/replicate/projectPaths.js';
import { comparableOutputs } from './support/resultsComparison.js';
import { journalLines, runNode, runNpm, SMALL_CONFIG } from './support/harnessCli.js';

/**
 * Ctrl-C and SIGTERM through `npm run replicate`, sent to the whole process group as a terminal
 * or a batch system does (npm and node both get it, and npm relays it again): at ten moments —
 * at start-up, after 1 … 18 finished trials, and while the outputs and figures are written —
 * every stop is clean and every resume ends equal to an uninterrupted run.
 */

// several CLI runs per test: on a busy machine (CI shares its two cores) one run can take 10 s
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });
const scratch = mkdtempSync(join(tmpdir(), 'schedlab-signals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const configPath = join(scratch, 'small.json');
writeFileSync(configPath, JSON.stringify(SMALL_CONFIG, null, 2));
const PLANNED = 24;

/** `started`: the folder is locked and no trial has finished; a number: that many trials are journaled; `end`: all are (outputs and figures being written). */
type Moment = 'started' | number | 'end';
const MOMENTS: readonly [NodeJS.Signals, Moment][] = [
  ['SIGINT', 'started'], ['SIGTERM', 1], ['SIGINT', 3], ['SIGTERM', 5], ['SIGINT', 8],
  ['SIGTERM', 11], ['SIGINT', 14], ['SIGTERM', 18], ['SIGINT', 'end'], ['SIGTERM', 'end'],
];
const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

const reached = (out: string, moment: Moment) => () => {
  const lines = journalLines(out).length;
  if (moment === 'started') return existsSync(join(out, '.lock-owner.json'));
  if (moment === 'end') return lines >= PLANNED;
  return lines >= moment;
};

beforeAll(async () => {
  const reference = await runNode('harness/cli/replicate.ts', ['--config', configPath, '--out', join(scratch, 'reference'), '--no-figures']);
  expect(reference.code, reference.stderr).toBe(0);
});

/** What a clean stop leaves: manifest `interrupted`, outputs that are the journal's, nothing temporary, no lock. */
function expectCleanStop(out: string): void {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  expect(manifest.status).toBe('interrupted');
  expect(checkOutputs(out)).toEqual({ status: 'consistent', journalChecked: existsSync(join(out, 'journal.jsonl')) });
  const rows = readFileSync(join(out, 'trials.csv'), 'utf8').trim().split('\n').length - 1;
  expect(rows).toBe(journalLines(out).length);
  expect(manifest.trials.recorded).toBe(rows);
  expect(readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  expect(existsSync(join(out, '.lock'))).toBe(false);
}

describe('stopping npm run replicate with a signal to its process group', () => {
  it.each(MOMENTS.map(([signal, moment], i) => ({ signal, moment, i })))('$signal at $moment: a clean stop, then a resume equal to an uninterrupted run', async ({ signal, moment, i }) => {
    const out = join(scratch, `stop-${i}`);
    const figures = moment === 'end' ? [] : ['--no-figures'];
    const stopped = await runNpm('replicate', ['--config', configPath, '--out', out, '--workers', '1', ...figures], {
      group: true,
      when: reached(out, moment),
      act: (pid) => process.kill(-pid, signal),
    });
    expect(stopped.code, stopped.stderr).toBe(EXIT_CODES[signal]);
    expect(stopped.stderr).toContain(`${signal}: stopping`);
    expect(stopped.stderr).not.toMatch(/again: stopped at once/); // npm's relayed copy is not a second Ctrl-C
    expect(stopped.stderr).toMatch(/interrupted: \d+ of 24 selected trials are in .*journal\.jsonl; run the same command again to resume/);
    expectCleanStop(out);

    const resumed = await runNode('harness/cli/replicate.ts', ['--config', configPath, '--out', out, '--no-figures']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const ids = journalLines(out).map((line) => JSON.parse(line).trial.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(PLANNED);
    expect(comparableOutputs(out)).toEqual(comparableOutputs(join(scratch, 'reference')));
  });

  it('SIGTERM to npm alone (a container runtime, a batch scheduler) stops node too: no orphan keeps writing', async () => {
    const out = join(scratch, 'npm-alone');
    const stopped = await runNpm('replicate', ['--config', configPath, '--out', out, '--workers', '1', '--no-figures'], {
      when: reached(out, 3),
      act: (pid) => process.kill(pid, 'SIGTERM'),
    });
    expect(stopped.code, stopped.stderr).toBe(143);
    expectCleanStop(out);
    const lines = journalLines(out).length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(journalLines(out)).toHaveLength(lines);
  });

  it('copies of the signal within the grace period are ignored; a second Ctrl-C after it quits at once', async () => {
    const probe = join(scratch, 'probe.ts');
    const ready = join(scratch, 'probe-ready');
    writeFileSync(probe, [
      `import { writeFileSync } from 'node:fs';`,
      `import { installStopSignals } from ${JSON.stringify(join(PROJECT_ROOT, 'harness/cli/stopSignals.ts'))};`,
      `const stop = installStopSignals((signal) => signal + ': stopping');`,
      `stop.onForce(() => process.stderr.write('flushed\\n'));`,
      `writeFileSync(${JSON.stringify(ready)}, '');`,
      `setInterval(() => {}, 1000);`,
    ].join('\n'));
    const run = await runNode(probe, [], {
      root: PROJECT_ROOT,
      when: () => existsSync(ready),
      act: (pid) => {
        process.kill(pid, 'SIGINT');
        setTimeout(() => process.kill(pid, 'SIGINT'), 30); // tsx's relay re-sends after 30 ms
        setTimeout(() => process.kill(pid, 'SIGTERM'), 200);
        setTimeout(() => process.kill(pid, 'SIGINT'), RELAY_GRACE_MS + 300);
      },
    });
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr.match(/stopping/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/flushed\n\nSIGINT again: stopped at once/);
    expect(run.seconds).toBeGreaterThan(RELAY_GRACE_MS / 1000);
  });
});
