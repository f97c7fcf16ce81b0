import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { criticalDifferenceFigure, diagramLayout } from '../../harness/report/figures/criticalDifference.js';
import { renderAll } from '../../harness/cli/figures.js';
import { scheduleGanttFigure } from '../../harness/report/figures/scheduleGantt.js';
import { trafficConsumptionFigure } from '../../harness/report/figures/trafficConsumption.js';
import { writeSyntheticResults } from './syntheticResults.js';

const scratch = mkdtempSync(join(tmpdir(), 'schedlab-statfigures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('critical-difference diagram', () => {
  it('lays out Demšar\'s example: better half labelled left, one bar for the group within CD', () => {
    const layout = diagramLayout({
      study: 'demsar', instances: 14, criticalDifference: 1.25, pValue: 0.03,
      ranks: [{ algorithm: 'C4.5+m+cf', rank: 1.964 }, { algorithm: 'C4.5+m', rank: 2 }, { algorithm: 'C4.5+cf', rank: 2.893 }, { algorithm: 'C4.5', rank: 3.143 }],
    });
    expect(layout.lines.map((line) => [line.label, line.edge])).toEqual([['C4.5+m+cf (1.96)', 1], ['C4.5+m (2.00)', 1], ['C4.5+cf (2.89)', 4], ['C4.5 (3.14)', 4]]);
    expect(layout.bars).toHaveLength(1);
    expect(layout.cd).toEqual({ from: 1, to: 2.25 });
  });

  it('renders deterministically from the tables derived from trials.csv (same bytes twice)', async () => {
    const run = writeSyntheticResults(join(scratch, 'cd'));
    const first = await renderAll(run.directory, { loadProfile: () => run.profile, figures: [criticalDifferenceFigure] });
    expect(first.errors).toEqual([]);
    const svg = readFileSync(join(run.directory, 'figures', 'critical-difference.svg'), 'utf8');
    const png = readFileSync(join(run.directory, 'figures', 'critical-difference.png'));
    await renderAll(run.directory, { loadProfile: () => run.profile, figures: [criticalDifferenceFigure] });
    expect(readFileSync(join(run.directory, 'figures', 'critical-difference.svg'), 'utf8')).toBe(svg);
    expect(readFileSync(join(run.directory, 'figures', 'critical-difference.png')).equals(png)).toBe(true);
    // the scaling study's four algorithms, best (GA) first, with the critical difference in the panel title
    expect(svg).toContain('GA (');
    expect(svg).toMatch(/scaling: 15 instances, Friedman p = [\d.e-]+, CD = \d\.\d\d/);
  });
});

describe('schedule figures of any algorithm', () => {
  it('draw the GA by default and another algorithm\'s best schedules when asked', async () => {
    const run = writeSyntheticResults(join(scratch, 'schedules'));
    const figures = [scheduleGanttFigure, trafficConsumptionFigure];
    await renderAll(run.directory, { loadProfile: () => run.profile, figures });
    const gaSpec = readFileSync(join(run.directory, 'figures', 'schedule-gantt.vl.json'), 'utf8');
    expect(gaSpec).toContain('"GA, 30 experiments');
    const result = await renderAll(run.directory, { loadProfile: () => run.profile, figures, scheduleAlgorithm: 'local-search' });
    expect(result.errors).toEqual([]);
    expect(readFileSync(join(run.directory, 'figures', 'schedule-gantt.vl.json'), 'utf8')).toContain('"LS, 30 experiments');
    expect(readFileSync(join(run.directory, 'figures', 'traffic-consumption.vl.json'), 'utf8')).toContain('Best LS schedule per RESS level');
    const none = await renderAll(run.directory, { loadProfile: () => run.profile, figures, scheduleAlgorithm: 'no-such-algorithm' });
    expect(none.skipped[0]).toContain('no successful no-such-algorithm run in the scaling study');
  });
});
