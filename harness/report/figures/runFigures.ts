/**
 * Figure — the figures of one `npm run schedule` run (a release engineer's own schedule):
 * its Gantt chart, the traffic each user group sends with what the schedule consumes of it,
 * and the convergence of the run. The Gantt chart and the consumption panels reuse the study
 * report's figure code (scheduleGantt.ts, trafficConsumption.ts) on the run's schedule.json.
 */
import type { TopLevelSpec } from 'vega-lite';
import { algorithmLabel, okabeIto } from '../algorithmColors.js';
import { figure, skipped, themed, type FigureOutcome } from '../figureDefinition.js';
import type { RunFolder } from '../runFolder.js';
import { groupConsumptionPerHour, scheduleEndHour } from '../scheduleConsumption.js';
import { ganttLayout, ganttSpec } from './scheduleGantt.js';
import { consumptionPanelsSpec, type ConsumptionRow } from './trafficConsumption.js';

/** One figure of a run's report. */
export interface RunFigureDefinition {
  readonly name: string;
  readonly title: string;
  build(run: RunFolder): Promise<FigureOutcome>;
}

/** What the x axis of a run's schedule figures shows, and where it starts. */
function hourAxis(run: RunFolder): { title: string; firstHour: number; note: string } {
  const { rescheduling } = run.schedule();
  if (!rescheduling) return { title: 'Hour of the traffic profile (h)', firstHour: 0, note: '' };
  if (rescheduling.timeFrame === 'original') {
    return { title: 'Hour of the traffic profile (h)', firstHour: rescheduling.atHour, note: `re-scheduled at hour ${rescheduling.atHour}` };
  }
  return { title: `Hour counted from the re-scheduling hour ${rescheduling.atHour} (h)`, firstHour: 0, note: `re-scheduled at hour ${rescheduling.atHour}, hours counted from it` };
}

function runLabel(run: RunFolder): string {
  const record = run.record();
  const { fitness } = record.fitness;
  return `${algorithmLabel(record.algorithm)}, seed ${record.seed}, F = ${fitness.toFixed(3)}${record.valid ? '' : ' (INVALID)'}`;
}

export const runGanttFigure: RunFigureDefinition = {
  name: 'schedule-gantt',
  title: 'Gantt chart of the schedule',
  async build(run) {
    const schedule = run.schedule();
    const layout = ganttLayout(schedule);
    if (layout.bars.length === 0) return skipped('schedule.json places no experiment');
    const groups = schedule.profile?.groups ?? [...new Set(layout.bars.map((bar) => bar.group))].sort();
    const axis = hourAxis(run);
    return figure(ganttSpec(layout, groups, `${runLabel(run)}${axis.note ? `; ${axis.note}` : ''}; rows: experiment id (priority)`,
      { title: 'The schedule as a Gantt chart', xTitle: axis.title, firstHour: axis.firstHour }),
    'When each experiment runs and on which user groups (one lane per group it uses); a regression experiment may change groups while it runs, a business experiment may not (spec §4 rule 4).');
  },
};

/** Per group, hour by hour from the schedule's first hour to 12 hours past its end: the group's requests and what the schedule consumes. */
export function runConsumptionRows(run: RunFolder): { rows: ConsumptionRow[]; totals: { group: string; consumed: number; sent: number }[] } {
  const schedule = run.schedule();
  const profile = run.profile();
  const from = Math.min(hourAxis(run).firstHour, profile.hours);
  const to = Math.min(profile.hours, scheduleEndHour(schedule) + 12);
  const width = profile.groups.length;
  const rows: ConsumptionRow[] = [];
  const totals = profile.groups.map((group, g) => {
    const consumed = groupConsumptionPerHour(schedule, profile, group, to);
    let sent = 0;
    let taken = 0;
    for (let hour = from; hour < to; hour++) {
      const requests = profile.requests[hour * width + g];
      rows.push({ panel: group, hour, requests, consumed: consumed[hour] });
      sent += requests;
      taken += consumed[hour];
    }
    return { group, consumed: taken, sent };
  });
  return { rows, totals };
}

export const runConsumptionFigure: RunFigureDefinition = {
  name: 'traffic-consumption',
  title: 'Traffic per user group and what the schedule consumes',
  async build(run) {
    const { rows, totals } = runConsumptionRows(run);
    if (rows.length === 0) return skipped('the schedule lies outside the profile');
    const axis = hourAxis(run);
    const shares = totals.map(({ group, consumed, sent }) => `${group} ${formatCount(consumed)} of ${formatCount(sent)} (${sent > 0 ? ((100 * consumed) / sent).toFixed(1) : '0.0'} %)`);
    return figure(consumptionPanelsSpec(rows, {
      title: 'Traffic per user group and the requests the schedule\'s experiments consume',
      subtitle: [`${runLabel(run)}${axis.note ? `; ${axis.note}` : ''}`, 'Grey: the group\'s requests per hour; colour: the part of them the experiments consume'],
      algorithm: run.record().algorithm,
      xTitle: axis.title,
    }), `Requests consumed of each group's traffic over the hours shown: ${shares.join('; ')}.`);
  },
};

const formatCount = (value: number): string => (value >= 1e6 ? `${(value / 1e6).toFixed(2)} M` : value >= 1e3 ? `${(value / 1e3).toFixed(1)} k` : String(value));

/** The run's trace as long rows: one per step and score. */
export function traceRows(run: RunFolder): { step: number; score: string; value: number }[] {
  return run.trace().flatMap((point) => [
    { step: point.step, score: 'F (total)', value: point.fitness },
    { step: point.step, score: 'D (duration)', value: point.durationScore },
    { step: point.step, score: 'U (user groups)', value: point.userGroupScore },
    { step: point.step, score: 'S (start)', value: point.startScore },
  ]);
}

export function runConvergenceSpec(rows: readonly { step: number; score: string; value: number }[], subtitle: string): TopLevelSpec {
  const scores = ['F (total)', 'D (duration)', 'U (user groups)', 'S (start)'];
  return themed({
    title: { text: 'Convergence of the run: the scores of the solution the algorithm follows, per step', subtitle },
    data: { values: rows as unknown as Record<string, unknown>[] },
    width: 560,
    height: 220,
    mark: { type: 'line', interpolate: 'step-after' },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: 'Step (GA: generation; LS, SA: iteration; RS: sample)' },
      y: { field: 'value', type: 'quantitative', title: 'Score (0–1)', scale: { domain: [0, 1] } },
      color: { field: 'score', type: 'nominal', title: 'Score', sort: scores, scale: { domain: scores, range: [okabeIto.blue, okabeIto.orange, okabeIto.bluishGreen, okabeIto.vermillion] } },
    },
  } as TopLevelSpec);
}

export const runConvergenceFigure: RunFigureDefinition = {
  name: 'convergence',
  title: 'Convergence curve',
  async build(run) {
    const trace = run.trace();
    if (trace.length < 2) return skipped('trace.csv has a single step (nothing to converge)');
    const first = trace[0];
    const last = trace[trace.length - 1];
    return figure(runConvergenceSpec(traceRows(run), `${runLabel(run)}; ${trace.length - 1} steps`),
      `From trace.csv: F ${first.fitness.toFixed(4)} at step ${first.step} → ${last.fitness.toFixed(4)} at step ${last.step} (GA, RS: best so far; LS, SA: current solution).`);
  },
};

export const runFigureCatalog: readonly RunFigureDefinition[] = [runGanttFigure, runConsumptionFigure, runConvergenceFigure];
