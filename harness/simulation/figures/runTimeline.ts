import type { TopLevelSpec } from 'vega-lite';
import type { CsvValue } from '../../output/csv.js';
import { okabeIto } from '../../report/algorithmColors.js';
import { themed } from '../../report/figureDefinition.js';
import type { FinishedRun } from '../simulationSummary.js';

type Row = Record<string, CsvValue>;

/** Colours of an experiment's fate (Okabe–Ito; "waiting" is the grey before its first hour). */
const STATUS_COLORS: Readonly<Record<string, string>> = {
  completed: okabeIto.bluishGreen,
  'rolled-back': okabeIto.vermillion,
  underpowered: okabeIto.orange,
  unfinished: okabeIto.reddishPurple,
  waiting: '#c8c8c8',
};

/**
 * The run the timeline shows: the first run in plan order that re-plans every k hours and has a
 * rollback and an experiment arriving after hour 0 (so every kind of mark occurs), else the first
 * re-planning run with a rollback, else the first re-planning run, else the first run.
 */
export function timelineRun(runs: readonly FinishedRun[], arrivalsAfterStart: (runId: string) => boolean): FinishedRun | undefined {
  const periodic = runs.filter((finished) => finished.run.replanEveryHours !== null);
  return periodic.find((finished) => finished.outcome.rolledBack > 0 && arrivalsAfterStart(finished.run.id))
    ?? periodic.find((finished) => finished.outcome.rolledBack > 0) ?? periodic[0] ?? runs[0];
}

export interface TimelineInput {
  readonly runId: string;
  readonly subtitle: string;
  /** experiments.csv rows of the run */
  readonly experiments: readonly Row[];
  /** events.csv rows of the run */
  readonly events: readonly Row[];
}

/**
 * Gantt chart of one simulated run: a row per experiment (in order of arrival), grey from its
 * arrival to its first hour, then coloured by what became of it until its decision; ▲ arrival,
 * + rollback, • the hour its defect showed; vertical rules at every full re-plan (solid), every
 * repair of the plan in force (dotted) and every re-plan that was not taken (replan-kept, dashed).
 */
export function runTimelineSpec(input: TimelineInput): TopLevelSpec {
  const experiments = [...input.experiments].sort((a, b) => Number(a.arrival) - Number(b.arrival) || Number(a.id) - Number(b.id));
  const label = (row: Row) => `E${row.id} (p${row.priority}, ${row.type === 'REGRESSION' ? 'canary' : 'A/B'}${row.origin === 'fix' ? `, fix of E${row.fix_of}` : ''})`;
  const order = experiments.map(label);
  const bars: Record<string, unknown>[] = [];
  const marks: Record<string, unknown>[] = [];
  for (const row of experiments) {
    const experiment = label(row);
    const arrival = Number(row.arrival);
    const start = row.start === undefined || row.start === '' ? undefined : Number(row.start);
    const end = Number(row.end);
    const waitEnd = start ?? end;
    if (waitEnd > arrival) bars.push({ experiment, from: arrival, to: waitEnd, state: 'waiting' });
    if (start !== undefined && end > start) bars.push({ experiment, from: start, to: end, state: String(row.status) });
    marks.push({ experiment, hour: arrival, mark: 'arrival' });
    if (row.failed_at !== undefined && row.failed_at !== '') marks.push({ experiment, hour: Number(row.failed_at), mark: 'defect shows' });
    if (row.rolled_back_at !== undefined && row.rolled_back_at !== '') marks.push({ experiment, hour: Number(row.rolled_back_at), mark: 'rollback' });
  }
  const planKinds: Readonly<Record<string, string>> = { replan: 're-plan', repair: 'repair (plan kept, insertion)', 'replan-kept': 're-plan not taken (plan kept)' };
  const plans = input.events.filter((event) => String(event.event) in planKinds).map((event) => ({ hour: Number(event.hour), plan: planKinds[String(event.event)] }));
  const hours = Math.max(1, ...bars.map((bar) => Number(bar.to)), ...plans.map((plan) => plan.hour));
  const states = Object.keys(STATUS_COLORS).filter((state) => bars.some((bar) => bar.state === state));
  const planOrder = Object.values(planKinds).filter((kind) => plans.some((plan) => plan.plan === kind));
  const markOrder = ['arrival', 'defect shows', 'rollback'].filter((kind) => marks.some((mark) => mark.mark === kind));
  const x = { type: 'quantitative' as const, title: 'Simulation hour', scale: { domain: [0, hours], nice: false }, axis: { grid: false } };
  const y = { field: 'experiment', type: 'nominal', title: null, sort: order, axis: { labelFontSize: 10, labelLimit: 220 } } as const;
  return themed({
    title: { text: `Timeline of one simulated run: ${input.runId}`, subtitle: input.subtitle },
    width: 760,
    height: Math.max(120, order.length * 14),
    layer: [
      {
        data: { values: plans },
        mark: { type: 'rule', opacity: 0.6, strokeWidth: 1.2 },
        encoding: {
          x: { ...x, field: 'hour' },
          strokeDash: { field: 'plan', type: 'nominal', title: 'Planning', sort: planOrder, scale: { domain: planOrder, range: planOrder.map((kind) => (kind === 're-plan' ? [1, 0] : kind.startsWith('repair') ? [1, 3] : [6, 3])) } },
          color: { value: okabeIto.blue },
        },
      },
      {
        data: { values: bars },
        mark: { type: 'bar', height: 10, cornerRadius: 1 },
        encoding: {
          x: { ...x, field: 'from' }, x2: { field: 'to' }, y,
          color: { field: 'state', type: 'nominal', title: 'Experiment', sort: states, scale: { domain: states, range: states.map((state) => STATUS_COLORS[state]) } },
        },
      },
      {
        data: { values: marks },
        mark: { type: 'point', filled: true, size: 36, color: okabeIto.black, opacity: 1 },
        encoding: {
          x: { ...x, field: 'hour' }, y,
          shape: { field: 'mark', type: 'nominal', title: 'Event', sort: markOrder, scale: { domain: markOrder, range: markOrder.map((kind) => (kind === 'arrival' ? 'triangle-up' : kind === 'rollback' ? 'cross' : 'circle')) } },
        },
      },
    ],
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
  } as TopLevelSpec);
}
