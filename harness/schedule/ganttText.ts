import { consumedRequests } from '../../algorithms/problem/fractions.js';
import type { Individual } from '../../algorithms/problem/individual.js';
import { scheduleEnd } from './consumptionCsv.js';

export interface GanttOptions {
  /** hours per column; 24 = one column per day */
  readonly hoursPerColumn: number;
  /** first line, e.g. "genetic, seed 1" */
  readonly title: string;
  /** added to every hour shown: a re-scheduled plan drawn in the original time frame (its re-scheduling hour) */
  readonly hourShift?: number;
}

const TICK_EVERY = 10;

/**
 * A text Gantt chart of a schedule: one row per experiment with its type, priority, start,
 * duration and groups, then a bar over time compressed to `hoursPerColumn` hours per column.
 * A bar cell names the group that gives the experiment the most requests in that window
 * (1 = first group, …), so group changes show in the bar; '.' = not running.
 */
export function formatGantt(individual: Individual, options: GanttOptions): string {
  const { problem } = individual;
  const { groups } = problem.profile;
  const resolution = Math.max(1, Math.floor(options.hoursPerColumn));
  const shift = options.hourShift ?? 0;
  const end = Math.max(scheduleEnd(individual), 1) + shift;
  // columns stay aligned to the profile's hour 0, so a re-scheduled plan's days are the profile's days
  const firstColumn = Math.floor(shift / resolution);
  const columns = Math.ceil(end / resolution) - firstColumn;
  const unit = resolution === 24 ? 'day' : resolution === 1 ? 'hour' : `${resolution} h`;
  const lines = [
    `${options.title}: ${problem.experiments.length} experiments, hours ${shift}–${end - 1}, one column = ${unit}`,
    `F ${individual.fitness.toFixed(6)}  D ${individual.durationScore.toFixed(6)}  U ${individual.userGroupScore.toFixed(6)}  ` +
      `S ${individual.startScore.toFixed(6)}  valid ${individual.valid ? 'yes' : 'NO'}`,
    `type: R regression (canary), B business (A/B test), ~ gradual ramp; * preferred groups; ` +
      `bar: group giving the most requests in that ${unit} (${groups.map((name, g) => `${groupMark(g)}=${name}`).join(' ')}), . not running`,
    '',
  ];
  const head = `${'id'.padStart(4)} type ${'prio'.padStart(4)} ${'start'.padStart(6)} ${'hours'.padStart(5)}  ${'groups'.padEnd(groups.length * 3 + 1)}`;
  lines.push(`${head}|${axis(firstColumn, columns, resolution)}`);
  problem.experiments.forEach((experiment, e) => {
    const schedule = individual.schedules[e];
    if (!individual.placed[e]) {
      lines.push(`${String(experiment.id).padStart(4)} (not scheduled)`);
      return;
    }
    const type = `${experiment.type === 'BUSINESS' ? 'B' : 'R'}${problem.gradual[e] ? '~' : ' '}`;
    let used = 0;
    for (let offset = 0; offset < schedule.duration; offset++) used |= schedule.groupMask[offset];
    const groupList = groups.map((_, g) => ((used >>> g) & 1 ? `${groupMark(g)}${(problem.preferredMask[e] >>> g) & 1 ? '*' : ' '}` : ''))
      .filter(Boolean).join(' ');
    const label = `${String(experiment.id).padStart(4)} ${type.padEnd(4)} ${String(experiment.priority).padStart(4)} ` +
      `${String(schedule.start + shift).padStart(6)} ${String(schedule.duration).padStart(5)}  ${groupList.padEnd(groups.length * 3 + 1)}`;
    lines.push(`${label}|${bar(individual, e, { firstColumn, columns, resolution, shift })}`);
  });
  return `${lines.join('\n')}\n`;
}

/** 1…9, then a…z: one character per group. */
function groupMark(g: number): string {
  return g < 9 ? String(g + 1) : String.fromCharCode(97 + g - 9);
}

/** Tick labels at the first column and every TICK_EVERY columns (day numbers, or hours), counted from the profile's hour 0. */
function axis(firstColumn: number, columns: number, resolution: number): string {
  const cells = Array.from({ length: columns }, () => ' ');
  for (let i = 0; i < columns; i++) {
    const column = firstColumn + i;
    // the first label, unless a tick follows too closely to leave it room
    const label = String(column * (resolution === 24 ? 1 : resolution));
    const first = i === 0 && (TICK_EVERY - (column % TICK_EVERY)) % TICK_EVERY > label.length;
    if (column % TICK_EVERY !== 0 && !first) continue;
    for (let k = 0; k < label.length && i + k < columns; k++) cells[i + k] = label[k];
  }
  return cells.join('');
}

interface Columns {
  readonly firstColumn: number;
  readonly columns: number;
  readonly resolution: number;
  /** frame hour − plan hour */
  readonly shift: number;
}

function bar(individual: Individual, e: number, { firstColumn, columns, resolution, shift }: Columns): string {
  const schedule = individual.schedules[e];
  const { profile } = individual.problem;
  const width = profile.groups.length;
  const cells: string[] = [];
  const perGroup = new Float64Array(width);
  for (let i = 0; i < columns; i++) {
    // the column's window in plan hours
    const column = firstColumn + i;
    const from = Math.max(column * resolution - shift, schedule.start);
    const to = Math.min((column + 1) * resolution - shift, schedule.end, profile.hours);
    if (from >= to) {
      cells.push('.');
      continue;
    }
    perGroup.fill(0);
    for (let hour = from; hour < to; hour++) {
      const offset = hour - schedule.start;
      for (let g = 0; g < width; g++) {
        if ((schedule.groupMask[offset] >>> g) & 1) {
          // +1: a present group with fraction 0 still beats an absent one
          perGroup[g] += 1 + consumedRequests(profile.requests[hour * width + g], schedule.fractionPermille(offset, g));
        }
      }
    }
    let top = -1;
    for (let g = 0; g < width; g++) if (perGroup[g] > 0 && (top < 0 || perGroup[g] > perGroup[top])) top = g;
    cells.push(top < 0 ? '?' : groupMark(top));
  }
  return cells.join('');
}
