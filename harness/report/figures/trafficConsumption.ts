/**
 * Figure — the set-up figure: the traffic profile of one user group over time, with the
 * requests that the best GA schedule of each RESS level takes from it (consumption per hour
 * = Σ over experiments of round(requests[h][g] × fraction), spec §3). One panel per RESS
 * level, both on one axis so the share of the group's traffic the schedule takes is visible.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ScheduleFile } from '../../../algorithms/problem/scheduleFormat.js';
import type { TrafficProfile } from '../../../algorithms/problem/trafficProfile.js';
import { algorithmLabel, algorithmStyle } from '../algorithmColors.js';
import { figure, skipped, themed, type FigureDefinition } from '../figureDefinition.js';
import { consumptionByGroup, groupConsumptionPerHour, scheduleEndHour } from '../scheduleConsumption.js';
import { ressLabel } from '../trials.js';
import { chooseBestSchedules, scheduleAlgorithmOf } from './bestScheduleChoice.js';

export interface ConsumptionRow {
  /** the panel the row belongs to (a RESS level here; a user group in a single run's figure) */
  readonly panel: string;
  readonly hour: number;
  readonly requests: number;
  readonly consumed: number;
}

/** The group the schedules use most, so the figure shows where the action is (first group on ties). */
export function busiestGroup(schedules: readonly ScheduleFile[], profile: TrafficProfile): string {
  const totals = profile.groups.map(() => 0);
  for (const schedule of schedules) consumptionByGroup(schedule, profile).forEach((total, g) => { totals[g] += total; });
  return profile.groups[totals.indexOf(Math.max(...totals))];
}

/** Per RESS level and hour: the group's requests and what the schedule consumed, up to the last scheduled hour. */
export function consumptionRows(schedules: readonly { ress: string; schedule: ScheduleFile }[], profile: TrafficProfile, group: string): ConsumptionRow[] {
  const g = profile.groups.indexOf(group);
  const hours = Math.min(profile.hours, Math.max(...schedules.map(({ schedule }) => scheduleEndHour(schedule))) + 12);
  return schedules.flatMap(({ ress, schedule }) => {
    const consumed = groupConsumptionPerHour(schedule, profile, group, hours);
    return consumed.map((value, hour) => ({ panel: ressLabel(ress), hour, requests: profile.requests[hour * profile.groups.length + g], consumed: value }));
  });
}

export function trafficConsumptionSpec(rows: readonly ConsumptionRow[], options: { group: string; algorithm: string; subtitle: string | string[] }): TopLevelSpec {
  return consumptionPanelsSpec(rows, {
    title: `Traffic of ${options.group} and the requests the ${algorithmLabel(options.algorithm)} schedules consume`,
    subtitle: options.subtitle,
    algorithm: options.algorithm,
  });
}

/**
 * One layered panel per distinct `panel` value, top to bottom in row order: the requests per hour
 * in grey, the part of them consumed in the algorithm's colour, on one hour axis.
 */
export function consumptionPanelsSpec(rows: readonly ConsumptionRow[], options: { title: string; subtitle: string | string[]; algorithm: string; xTitle?: string }): TopLevelSpec {
  const color = algorithmStyle(options.algorithm).color;
  const x = { field: 'hour', type: 'quantitative', title: options.xTitle ?? 'Hour of the traffic profile (h)', scale: { nice: false } } as const;
  return themed({
    title: { text: options.title, subtitle: options.subtitle },
    data: { values: rows as unknown as Record<string, unknown>[] },
    // one layered chart per panel, each with its own title
    vconcat: [...new Set(rows.map((row) => row.panel))].map((panel) => ({
      title: { text: panel, fontSize: 12, subtitle: '' },
      transform: [{ filter: { field: 'panel', equal: panel } }],
      width: 640,
      height: 110,
      layer: [
        {
          mark: { type: 'area', color: '#c8c8c8', interpolate: 'step-after' },
          encoding: { x, y: { field: 'requests', type: 'quantitative', title: 'Requests per hour', axis: { format: '~s' } } },
        },
        {
          mark: { type: 'area', color, opacity: 0.8, interpolate: 'step-after' },
          encoding: { x, y: { field: 'consumed', type: 'quantitative' } },
        },
      ],
    })),
  } as TopLevelSpec);
}

export const trafficConsumptionFigure: FigureDefinition = {
  name: 'traffic-consumption',
  title: 'Traffic profile and schedule consumption',
  async build(results) {
    const algorithm = scheduleAlgorithmOf(results.trials(), results.scheduleAlgorithm);
    const choice = algorithm === undefined ? undefined : chooseBestSchedules(results.trials(), algorithm);
    if (!choice || algorithm === undefined) return skipped(`no successful ${algorithm ?? ''} run in the scaling study`.replace('  ', ' '));
    const label = algorithmLabel(algorithm);
    const schedules = choice.trials.map((trial) => ({ ress: trial.ress, schedule: results.bestSchedule(trial.trial_id) }));
    const profile = await results.profile();
    const group = busiestGroup(schedules.map(({ schedule }) => schedule), profile);
    const rows = consumptionRows(schedules, profile, group);
    const trialsText = choice.trials.map((trial) => `${trial.ress}: F = ${trial.fitness!.toFixed(3)}`).join(', ');
    return figure(trafficConsumptionSpec(rows, {
      group,
      algorithm,
      subtitle: [`Best ${label} schedule per RESS level, ${choice.experiments} experiments (${trialsText})`, 'Grey: the group\'s requests per hour; colour: the part of them the schedule\'s experiments consume'],
    }), `Set-up figure: the hourly traffic of ${group} (the group the schedules use most) with the requests the best ${label} schedule of each RESS level takes from it.`);
  },
};
