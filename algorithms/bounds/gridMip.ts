import type { Highs } from 'highs';
import { minTrafficAt } from '../problem/experiment.js';
import { consumedRequestsInt32 } from '../problem/fractions.js';
import { Individual } from '../problem/individual.js';
import type { Problem } from '../problem/problem.js';
import { aloneCapacities } from './aloneCapacity.js';
import { LinearModel } from './linearModel.js';
import { durationScore, objectiveTerms, shortestDuration } from './objectiveTerms.js';

export interface GridMipOptions {
  /** the fraction grid: every per-mille is a multiple of this (a divisor of 1000; 1 is the full model) */
  readonly gridPermille: number;
  /** HiGHS time limit in seconds (default 60) */
  readonly timeLimitSeconds?: number;
  /**
   * A certified upper bound on F (e.g. upperBound()): the search stops as soon as a grid schedule
   * reaches it (within 1e-9), which proves that schedule optimal without HiGHS closing its own gap.
   */
  readonly knownUpperBound?: number;
}

export interface GridMipResult {
  /** `optimal`: `best` is the optimum over grid schedules; `time-limit`: best found and bound; `infeasible`: no grid schedule is valid */
  readonly status: 'optimal' | 'time-limit' | 'infeasible' | 'other';
  /** F of the best grid schedule found (−∞ if none): a valid schedule, so a lower bound on the true optimum */
  readonly best: number;
  /** HiGHS's dual bound: no *grid* schedule scores more (not a bound on schedules off the grid) */
  readonly bound: number;
  /** the best grid schedule, evaluated by the model */
  readonly schedule?: Individual;
  readonly seconds: number;
  readonly variables: number;
}

/** Which groups experiment e's hours may use, and whether that set is one fixed mask for all its hours. */
export function groupChoice(problem: Problem, e: number): { allowed: number; fixedMask: boolean } {
  const everyGroup = (1 << problem.profile.groups.length) - 1;
  if (problem.fixedGroupMask[e] !== 0) return { allowed: problem.fixedGroupMask[e], fixedMask: true };
  return { allowed: everyGroup, fixedMask: problem.business[e] === 1 };
}

/** Every (start, duration) that could be valid alone: the candidates of the MIP and of the brute force. */
export function candidatePatterns(problem: Problem, e: number): { start: number; duration: number }[] {
  const experiment = problem.experiments[e];
  const { hours } = problem.profile;
  const capacity = aloneCapacities(problem)[e];
  const patterns: { start: number; duration: number }[] = [];
  for (let duration = shortestDuration(experiment.minDuration); duration <= hours; duration++) {
    const lastStart = problem.running[e] === 1 ? 0 : hours - duration;
    for (let start = 0; start <= lastStart; start++) {
      let possible = true;
      for (let k = 0; k < duration && possible; k++) possible = minTrafficAt(experiment, k, duration) <= capacity.total[start + k];
      if (possible) patterns.push({ start, duration });
    }
  }
  return patterns;
}

/**
 * Exact optimum over *grid schedules* by a MIP solved with HiGHS (bound (c) of the README).
 *
 * The search space: every schedule the model accepts whose per-mille values are multiples of
 * `gridPermille`; a regression experiment's groups in an hour are those with a positive
 * fraction (a group present at 0 ‰ never helps one); a business experiment (or one with fixed
 * groups) has one group set for all its hours, whose members may be at 0 ‰ in some hours.
 * Consumption is exact: per group and grid value the model's own rounded requests are a
 * coefficient. With gridPermille = 1 this is the whole model; coarser grids give a valid
 * schedule (a lower bound on the true optimum), and the MIP's bound holds for grid schedules only.
 *
 * Variables: x[e,s,d] (e runs from s for d hours), y[e,h,g,v] (group g at v·grid ‰), z[e,g]
 * (fixed-mask group set), cov[e,h] (covered hour) with w[e,h,g] (g is the primary preferred
 * group), c[e,d,h] (covered hour counted at 1/d when e runs d hours).
 */
export function solveGridMip(problem: Problem, highs: Highs, options: GridMipOptions): GridMipResult {
  const grid = options.gridPermille;
  if (!Number.isInteger(grid) || grid < 1 || 1000 % grid !== 0) throw new Error(`gridPermille must divide 1000, got ${grid}`);
  const levels = 1000 / grid;
  const terms = objectiveTerms(problem);
  const { hours, requests, groups } = problem.profile;
  const width = groups.length;
  const n = problem.experiments.length;
  const model = new LinearModel();
  model.offset = terms.constant;

  let largestConsumption = 0;
  for (let i = 0; i < requests.length; i++) largestConsumption = Math.max(largestConsumption, consumedRequestsInt32(requests[i], 1000));
  const big = largestConsumption + 2;

  const patterns = problem.experiments.map((_, e) => candidatePatterns(problem, e));
  const x = patterns.map((list, e) => list.map(({ start, duration }) =>
    model.binary(terms.duration[e] * durationScore(problem.experiments[e].minDuration, duration) + terms.start[e] / (1 + start))));
  // y[e][h][g][v − 1], z[e][g]
  const y: (number[] | undefined)[][][] = [];
  const z: number[][] = [];
  const capacityTerms = new Map<number, [number, number][]>();
  for (let e = 0; e < n; e++) {
    const experiment = problem.experiments[e];
    model.row(x[e].map((variable) => [variable, 1] as const), 1, 1);
    const { allowed, fixedMask } = groupChoice(problem, e);
    z.push(Array.from({ length: width }, (_, g) => {
      const inMask = ((allowed >>> g) & 1) === 1;
      if (!fixedMask) return -1;
      return problem.fixedGroupMask[e] !== 0 ? model.variable(inMask ? 1 : 0, inMask ? 1 : 0, 0, true) : inMask ? model.binary() : -1;
    }));
    const active: [number, number][][] = Array.from({ length: hours }, () => []);
    const needs: [number, number][][] = Array.from({ length: hours }, () => []);
    const byDuration = new Map<number, number[]>();
    patterns[e].forEach(({ start, duration }, p) => {
      for (let k = 0; k < duration; k++) {
        active[start + k].push([x[e][p], 1]);
        const need = minTrafficAt(experiment, k, duration);
        if (need !== 0) needs[start + k].push([x[e][p], -need]);
      }
      if (!byDuration.has(duration)) byDuration.set(duration, []);
      byDuration.get(duration)!.push(x[e][p]);
    });
    const covers = terms.coverage[e] > 0;
    const preferred = problem.preferredMask[e] & allowed;
    y.push([]);
    for (let h = 0; h < hours; h++) {
      y[e].push([]);
      if (active[h].length === 0) continue;
      const negativeActive = active[h].map(([variable]) => [variable, -1] as [number, number]);
      const consumption: [number, number][][] = [];
      const presence: [number, number][][] = [];
      const enough: [number, number][] = [...needs[h]];
      const anyPositive: [number, number][] = [...negativeActive];
      for (let g = 0; g < width; g++) {
        if (((allowed >>> g) & 1) === 0) {
          y[e][h].push(undefined);
          consumption.push([]);
          presence.push([]);
          continue;
        }
        const values: number[] = [];
        for (let v = 1; v <= levels; v++) values.push(model.binary());
        y[e][h].push(values);
        const used = values.map((variable) => [variable, 1] as [number, number]);
        model.row([...used, ...negativeActive], -Infinity, 0);
        if (fixedMask) model.row([...used, [z[e][g], -1]], -Infinity, 0);
        const requestsOfGroup = requests[h * width + g];
        const groupConsumption = values.map((variable, i) => [variable, consumedRequestsInt32(requestsOfGroup, (i + 1) * grid)] as [number, number]);
        consumption.push(groupConsumption);
        presence.push(fixedMask ? [[z[e][g], 1]] : used);
        enough.push(...groupConsumption);
        anyPositive.push(...used);
        const service = problem.serviceOf[e];
        const cell = (service * hours + h) * width + g;
        if (!capacityTerms.has(cell)) capacityTerms.set(cell, []);
        capacityTerms.get(cell)!.push(...values.map((variable, i) => [variable, (i + 1) * grid] as [number, number]));
      }
      model.row(enough, 0, Infinity); // rule 2
      model.row(anyPositive, 0, Infinity); // rule 3
      if (!covers || preferred === 0) continue;
      const covered = model.binary();
      model.row([[covered, 1], ...negativeActive], -Infinity, 0);
      const primaries: [number, number][] = [];
      for (let g = 0; g < width; g++) {
        if (((preferred >>> g) & 1) === 0) continue;
        const primary = model.binary();
        primaries.push([primary, -1]);
        model.row([[primary, 1], ...presence[g].map(([variable, c]) => [variable, -c] as [number, number])], -Infinity, 0);
        for (let o = 0; o < width; o++) {
          if (o === g || ((allowed >>> o) & 1) === 0) continue;
          // C_g − C_o ≥ 1 − big·(1 − primary) − big·(1 − present_o)
          model.row([...consumption[g], ...consumption[o].map(([variable, c]) => [variable, -c] as [number, number]),
            [primary, -big], ...presence[o].map(([variable, c]) => [variable, -big * c] as [number, number])], 1 - 2 * big, Infinity);
        }
      }
      model.row([[covered, 1], ...primaries], -Infinity, 0);
      const counted: [number, number][] = [[covered, -1]];
      for (const [duration, variables] of byDuration) {
        const share = model.variable(0, 1, terms.coverage[e] / duration);
        model.row([[share, 1], ...variables.map((variable) => [variable, -1] as [number, number])], -Infinity, 0);
        counted.push([share, 1]);
      }
      model.row(counted, -Infinity, 0);
    }
  }
  for (const entries of capacityTerms.values()) model.row(entries, -Infinity, 1000); // rule 5

  const target = options.knownUpperBound === undefined ? Infinity : options.knownUpperBound - 1e-9;
  const solved = model.maximise(highs, { time_limit: options.timeLimitSeconds ?? 60, mip_rel_gap: 0, mip_abs_gap: 1e-12 }, target);
  const { optimal, infeasible, timeLimit } = highs.constants.modelStatus;
  const status = solved.status === optimal || solved.stoppedAtTarget ? 'optimal'
    : solved.status === infeasible ? 'infeasible' : solved.status === timeLimit ? 'time-limit' : 'other';
  if (solved.objective === -Infinity) {
    return { status, best: -Infinity, bound: status === 'infeasible' ? -Infinity : solved.dualBound, seconds: solved.seconds, variables: model.variables };
  }
  const schedule = new Individual(problem);
  const value = (variable: number) => Math.round(solved.values[variable]);
  for (let e = 0; e < n; e++) {
    const p = x[e].findIndex((variable) => value(variable) === 1);
    const { start, duration } = patterns[e][p];
    const { allowed, fixedMask } = groupChoice(problem, e);
    schedule.beginEdit(e);
    const target = schedule.schedules[e];
    target.reset(start, duration);
    for (let k = 0; k < duration; k++) {
      for (let g = 0; g < width; g++) {
        const values = y[e][start + k][g];
        if (!values) continue;
        const level = values.findIndex((variable) => value(variable) === 1);
        const permille = level < 0 ? 0 : (level + 1) * grid;
        if (permille > 0 || (fixedMask && ((allowed >>> g) & 1) === 1 && value(z[e][g]) === 1)) target.setGroup(k, g, permille);
      }
    }
    schedule.endEdit(e);
  }
  schedule.evaluateFromScratch();
  const bound = solved.stoppedAtTarget ? Math.min(solved.dualBound, options.knownUpperBound!) : solved.dualBound;
  return { status, best: schedule.fitness, bound, schedule, seconds: solved.seconds, variables: model.variables };
}
