/**
 * Figure — a Gantt chart of one best schedule: one row per experiment (sorted by start),
 * split into one lane per user group it uses (colour), regression (canary) and business
 * (A/B test) experiments in separate panels. Shows the medium-RESS schedule of the traffic
 * figure. Rows and lanes are laid out here, as numbers, so the chart needs no offset scales.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ScheduleFile } from '../../../algorithms/problem/scheduleFormat.js';
import { figure, skipped, themed, type FigureDefinition } from '../figureDefinition.js';
import { scheduleSegments } from '../scheduleSegments.js';
import { groupPalette } from '../theme.js';
import { ressLabel } from '../trials.js';
import { algorithmLabel } from '../algorithmColors.js';
import { chooseBestSchedules, scheduleAlgorithmOf } from './bestScheduleChoice.js';

export const experimentKinds = [
  { type: 'REGRESSION', label: 'Regression experiments (canary releases)' },
  { type: 'BUSINESS', label: 'Business experiments (A/B tests)' },
] as const;

export interface GanttBar {
  readonly experiment: string;
  readonly kind: string;
  readonly group: string;
  readonly start: number;
  /** exclusive */
  readonly end: number;
  /** vertical extent inside the panel: row r spans [r, r + 1) */
  readonly top: number;
  readonly bottom: number;
}

export interface GanttLayout {
  readonly bars: GanttBar[];
  /** row labels per kind, top to bottom */
  readonly rows: ReadonlyMap<string, string[]>;
}

/** Lays out the schedule: rows by start hour (then id) within each kind, lanes by group name. */
export function ganttLayout(schedule: ScheduleFile): GanttLayout {
  const segments = scheduleSegments(schedule);
  const entries = [...schedule.entries].sort((a, b) => a.startSlot - b.startSlot || a.experiment.id - b.experiment.id);
  const rows = new Map<string, string[]>();
  const rowOf = new Map<number, { kind: string; row: number; label: string; groups: string[] }>();
  for (const entry of entries) {
    const kind = experimentKinds.find((k) => k.type === entry.experiment.type)?.label ?? entry.experiment.type;
    const labels = rows.get(kind) ?? [];
    const label = `E${entry.experiment.id} (p${entry.experiment.priority})`;
    const groups = [...new Set(segments.filter((s) => s.experiment === entry.experiment.id).map((s) => s.group))].sort();
    rowOf.set(entry.experiment.id, { kind, row: labels.length, label, groups });
    rows.set(kind, [...labels, label]);
  }
  const bars = segments.map((segment) => {
    const { kind, row, label, groups } = rowOf.get(segment.experiment)!;
    const laneHeight = 0.8 / groups.length;
    const top = row + 0.1 + groups.indexOf(segment.group) * laneHeight;
    return { experiment: label, kind, group: segment.group, start: segment.startHour, end: segment.endHour, top: round3(top), bottom: round3(top + laneHeight * 0.9) };
  });
  return { bars: bars.sort((a, b) => a.kind.localeCompare(b.kind) || a.top - b.top || a.start - b.start), rows };
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

export function ganttSpec(layout: GanttLayout, groups: readonly string[], subtitle: string,
  options: { title?: string; xTitle?: string; firstHour?: number } = {}): TopLevelSpec {
  const rowHeight = 18;
  const maxHour = Math.max(...layout.bars.map((bar) => bar.end));
  const firstHour = options.firstHour ?? 0;
  const panels = experimentKinds.map((kind): string => kind.label).filter((label) => layout.rows.has(label))
    .concat([...layout.rows.keys()].filter((label) => !experimentKinds.some((kind) => kind.label === label)));
  return themed({
    title: { text: options.title ?? 'Best schedule as a Gantt chart', subtitle },
    data: { values: layout.bars as unknown as Record<string, unknown>[] },
    vconcat: panels.map((kind) => {
      const labels = layout.rows.get(kind)!;
      return {
        title: { text: kind, fontSize: 12, subtitle: '' },
        transform: [{ filter: { field: 'kind', equal: kind } }],
        width: 640,
        height: labels.length * rowHeight,
        mark: { type: 'rect', cornerRadius: 1 },
        encoding: {
          x: { field: 'start', type: 'quantitative', title: options.xTitle ?? 'Hour of the traffic profile (h)', scale: { domain: [firstHour, maxHour], nice: false } },
          x2: { field: 'end' },
          y: {
            field: 'top', type: 'quantitative', title: null,
            scale: { domain: [0, labels.length], reverse: true, nice: false, zero: true },
            axis: { values: labels.map((_, i) => i + 0.5), labelExpr: `${JSON.stringify(labels)}[floor(datum.value)]`, grid: false, ticks: false },
          },
          y2: { field: 'bottom' },
          color: { field: 'group', type: 'nominal', title: 'User group', scale: { domain: [...groups], range: groupPalette.slice(0, groups.length) } },
        },
      };
    }),
  } as TopLevelSpec);
}

export const scheduleGanttFigure: FigureDefinition = {
  name: 'schedule-gantt',
  title: 'Gantt chart of a best schedule',
  async build(results) {
    const algorithm = scheduleAlgorithmOf(results.trials(), results.scheduleAlgorithm);
    const choice = algorithm === undefined ? undefined : chooseBestSchedules(results.trials(), algorithm);
    if (!choice || algorithm === undefined) return skipped(`no successful ${algorithm ?? ''} run in the scaling study`.replace('  ', ' '));
    const trial = choice.trials.find((candidate) => candidate.ress === 'mid') ?? choice.trials[0];
    const layout = ganttLayout(results.bestSchedule(trial.trial_id));
    if (layout.bars.length === 0) return skipped(`the best schedule of ${trial.trial_id} places no experiment`);
    const groups = [...new Set(layout.bars.map((bar) => bar.group))].sort();
    return figure(ganttSpec(layout, groups, `${algorithmLabel(algorithm)}, ${trial.experiments} experiments, ${ressLabel(trial.ress)}, F = ${trial.fitness!.toFixed(3)} (trial ${trial.trial_id}); rows: experiment id (priority)`),
      'When each experiment runs and on which user groups; a regression experiment may change groups while it runs, a business experiment may not (spec §4 rule 4).');
  },
};
