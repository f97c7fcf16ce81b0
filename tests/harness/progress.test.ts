import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgressReporter, formatSeconds } from '../../harness/run/progressReporter.js';
import { RemainingTime } from '../../harness/run/remainingTime.js';
import { REPO_ROOT } from '../support/referenceData.js';

describe('RemainingTime: the ETA from estimated costs', () => {
  it('measures the rate from the first finished trial on (start-up is not work)', () => {
    const estimate = new RemainingTime(100);
    estimate.record(10, 5_000); // first trial after 5 s of worker start-up
    expect(estimate.secondsLeft(5_000)).toBeUndefined();
    estimate.record(30, 7_000); // 30 cost units in 2 s → 15 per s; 60 left → 4 s
    expect(estimate.shareDone).toBeCloseTo(0.4);
    expect(estimate.secondsLeft(7_000)).toBeCloseTo(4);
    // one second later, with nothing new finished, one second less is left
    expect(estimate.secondsLeft(8_000)).toBeCloseTo(3);
    estimate.record(60, 11_000);
    expect(estimate.secondsLeft(11_000)).toBe(0);
    expect(estimate.shareDone).toBe(1);
  });

  it('weighs trials by cost, not count: one long trial done is most of the work', () => {
    const estimate = new RemainingTime(1_000);
    estimate.record(1, 1_000);
    estimate.record(900, 10_000); // 900 units in 9 s → 100 per s; 99 left → 0.99 s
    expect(estimate.secondsLeft(10_000)).toBeCloseTo(0.99);
  });
});

describe('progress lines in logs', () => {
  it('write done trials, share of the estimated work, elapsed time and the ETA with units at each further 10 %', () => {
    let clock = 0;
    const lines: string[] = [];
    const stream = { isTTY: false, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
    const reporter = createProgressReporter(4, 10, stream, () => clock);
    clock = 2_000;
    reporter.advance(1, false); // 10 %
    clock = 3_000;
    reporter.advance(4, true); // 50 %: 4 units per s → 5 units in 1.25 s
    clock = 4_000;
    reporter.advance(0, false); // still 50 %: no line
    clock = 5_000;
    reporter.advance(5, false);
    reporter.stop();
    expect(lines).toEqual([
      '  1/4 trials, 10 % of the estimated work, 2.0 s elapsed, ETA …\n',
      '  2/4 trials, 50 % of the estimated work, 3.0 s elapsed, ETA 1.3 s | 1 failed\n',
      '  4/4 trials, 100 % of the estimated work, 5.0 s elapsed, ETA 0.0 s | 1 failed\n',
    ]);
  });

  it('formats durations with units', () => {
    expect([0.04, 9.96, 42.4, 61, 3599, 3600, 7384].map(formatSeconds)).toEqual(['0.0 s', '10.0 s', '42 s', '1 min 01 s', '59 min 59 s', '1 h 00 min', '2 h 03 min']);
    // rounded before splitting: never "11 min 60 s" (npm run simulate printed 11m60s for 719.6 s)
    expect([59.6, 719.6, 3599.6].map(formatSeconds)).toEqual(['1 min 00 s', '12 min 00 s', '1 h 00 min']);
  });
});

/** Lines a terminal would show, from a pseudo-terminal's byte stream: escape sequences dropped, one redraw per line. */
const redraws = (text: string) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]/g, '\n').split(/[\r\n]+/).filter((line) => line.trim() !== '');

describe('progress bar on a terminal (a pseudo-terminal through script(1))', () => {
  it('shows the cost-based ETA in time units, within 2× of the truth at 50 % of the quick config, and closes with wall time and results', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'schedlab-progress-')), 'quick');
    const command = `${process.execPath} --import tsx harness/cli/replicate.ts --quick --no-figures --workers 2 --out ${out}`;
    const child = spawn('script', ['-qefc', command, '/dev/null'], { cwd: REPO_ROOT, env: { ...process.env, COLUMNS: '160', LINES: '40' } });
    const chunks: { at: number; text: string }[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push({ at: performance.now(), text: chunk.toString('utf8') }));
    child.stderr.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);

    const bar = /(\d+)% of the work \| (\d+)\/(\d+) trials \| .+? elapsed \| ETA (…|\d+\.\d s|\d+ s|\d+ min \d+ s)/;
    const draws = chunks.flatMap(({ at, text }) => redraws(text).flatMap((line) => {
      const match = bar.exec(line);
      return match ? [{ at, work: Number(match[1]), eta: match[4], line }] : [];
    }));
    expect(draws.length).toBeGreaterThan(2);
    expect(draws.every((draw) => draw.eta === '…' || /\d (s|min)/.test(draw.eta)), draws.map((d) => d.line).join('\n')).toBe(true);
    const half = draws.find((draw) => draw.work >= 50 && draw.eta !== '…');
    const end = draws.find((draw) => draw.work === 100);
    expect(half && end, draws.map((d) => d.line).join('\n')).toBeTruthy();
    const etaSeconds = Number(/[\d.]+/.exec(half!.eta)![0]) * (half!.eta.includes('min') ? 60 : 1);
    const truth = (end!.at - half!.at) / 1000;
    // a floor of 0.2 s for the bar's own redraw throttling on very fast machines
    expect(etaSeconds, `ETA ${half!.eta} at ${half!.work} %, truth ${truth.toFixed(2)} s`).toBeLessThanOrEqual(Math.max(0.2, 2 * truth));
    expect(etaSeconds, `ETA ${half!.eta} at ${half!.work} %, truth ${truth.toFixed(2)} s`).toBeGreaterThanOrEqual(truth / 2 - 0.2);
    const all = chunks.map(({ text }) => text).join('');
    expect(all).toMatch(/done: 141 trial\(s\) run, 0 failed, .+? wall time \(complete\); tables in .+\/quick\/tables\//);
  });
});
