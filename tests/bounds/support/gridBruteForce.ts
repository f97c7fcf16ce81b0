import { minTrafficAt } from '../../../algorithms/problem/experiment.js';
import { consumedRequestsInt32 } from '../../../algorithms/problem/fractions.js';
import type { Problem } from '../../../algorithms/problem/problem.js';

/**
 * The optimum over grid schedules (the MIP's search space, see gridMip.ts) by plain enumeration,
 * written independently of the MIP: every start and duration of every experiment (no filter),
 * every group set of a business experiment, and in every hour every grid fraction of every
 * group of every running experiment. Given the experiments' starts, durations and group sets,
 * the hours are independent (rules 2, 3, 5 and coverage are per hour), so each hour is solved
 * by enumeration on its own; the starts and durations are enumerated with a bound-based cut-off
 * (the start and duration scores are known exactly, coverage counted as full).
 */
export function gridBruteForce(problem: Problem, gridPermille: number): number {
  const levels = 1000 / gridPermille;
  const { hours, requests, groups } = problem.profile;
  const width = groups.length;
  const n = problem.experiments.length;
  const { weights, prioritySum, preferredPrioritySum } = problem;
  const durationWeight = (e: number) => (weights.duration * problem.experiments[e].priority) / prioritySum;
  const startWeight = (e: number) => (weights.start * problem.experiments[e].priority) / prioritySum;
  const coverageWeight = (e: number) => (problem.preferredMask[e] !== 0 && preferredPrioritySum > 0 ? (weights.userGroup * problem.experiments[e].priority) / preferredPrioritySum : 0);
  const constant = preferredPrioritySum > 0 ? 0 : weights.userGroup;
  const everyGroup = (1 << width) - 1;

  interface Choice { start: number; duration: number; mask: number; term: number }
  const choices: Choice[][] = problem.experiments.map((experiment, e) => {
    const fixedMask = problem.fixedGroupMask[e] !== 0 || problem.business[e] === 1;
    const masks = problem.fixedGroupMask[e] !== 0 ? [problem.fixedGroupMask[e]]
      : fixedMask ? Array.from({ length: everyGroup }, (_, i) => i + 1) : [0];
    const list: Choice[] = [];
    for (let duration = Math.max(1, experiment.minDuration); duration <= hours; duration++) {
      for (let start = 0; start + duration <= hours && (problem.running[e] === 0 || start === 0); start++) {
        const term = durationWeight(e) * (experiment.minDuration / duration) + startWeight(e) / (1 + start);
        for (const mask of masks) list.push({ start, duration, mask, term });
      }
    }
    return list.sort((a, b) => b.term - a.term);
  });

  /** one experiment's options in one hour: per-mille per group and whether a preferred group is primary */
  const optionCache = new Map<string, { permille: number[]; covered: boolean }[]>();
  const optionsOf = (e: number, h: number, need: number, mask: number) => {
    const key = `${e}/${h}/${need}/${mask}`;
    let options = optionCache.get(key);
    if (options) return options;
    options = [];
    const permille = new Array<number>(width).fill(0);
    const walk = (g: number) => {
      if (g === width) {
        const consumed = permille.map((value, group) => consumedRequestsInt32(requests[h * width + group], value));
        const total = consumed.reduce((sum, value) => sum + value, 0);
        if (total < need || permille.every((value) => value === 0)) return;
        const present = permille.map((value, group) => (mask !== 0 ? ((mask >>> group) & 1) === 1 : value > 0));
        const presentGroups = present.flatMap((isPresent, group) => (isPresent ? [group] : []));
        let covered: boolean;
        if (presentGroups.length === 1) covered = ((problem.preferredMask[e] >>> presentGroups[0]) & 1) === 1;
        else {
          const top = Math.max(...presentGroups.map((group) => consumed[group]));
          const atTop = presentGroups.filter((group) => consumed[group] === top);
          covered = atTop.length === 1 && ((problem.preferredMask[e] >>> atTop[0]) & 1) === 1;
        }
        options!.push({ permille: [...permille], covered });
        return;
      }
      const allowed = mask === 0 || ((mask >>> g) & 1) === 1;
      for (let level = 0; level <= (allowed ? levels : 0); level++) {
        permille[g] = level * gridPermille;
        walk(g + 1);
      }
      permille[g] = 0;
    };
    walk(0);
    optionCache.set(key, options);
    return options;
  };

  /** best coverage value of one hour given each running experiment's need, duration and group set (−∞: infeasible) */
  const hourCache = new Map<string, number>();
  const hourValue = (h: number, running: { e: number; need: number; duration: number; mask: number }[]): number => {
    const key = `${h}:${running.map((r) => `${r.e},${r.need},${r.duration},${r.mask}`).join(';')}`;
    const cached = hourCache.get(key);
    if (cached !== undefined) return cached;
    const load = new Map<string, number>();
    let best = -Infinity;
    const walk = (i: number, value: number) => {
      if (i === running.length) {
        best = Math.max(best, value);
        return;
      }
      const { e, need, duration, mask } = running[i];
      for (const option of optionsOf(e, h, need, mask)) {
        let fits = true;
        for (let g = 0; g < width && fits; g++) fits = (load.get(`${problem.serviceOf[e]}/${g}`) ?? 0) + option.permille[g] <= 1000;
        if (!fits) continue;
        for (let g = 0; g < width; g++) load.set(`${problem.serviceOf[e]}/${g}`, (load.get(`${problem.serviceOf[e]}/${g}`) ?? 0) + option.permille[g]);
        walk(i + 1, value + (option.covered ? coverageWeight(e) / duration : 0));
        for (let g = 0; g < width; g++) load.set(`${problem.serviceOf[e]}/${g}`, load.get(`${problem.serviceOf[e]}/${g}`)! - option.permille[g]);
      }
    };
    walk(0, 0);
    hourCache.set(key, best);
    return best;
  };

  const bestTerm = choices.map((list) => (list.length ? list[0].term : -Infinity));
  const fullCoverage = problem.experiments.reduce((sum, _, e) => sum + coverageWeight(e), 0);
  let best = -Infinity;
  const picked: Choice[] = [];
  const search = (e: number, termSum: number) => {
    let optimistic = termSum + fullCoverage + constant;
    for (let later = e; later < n; later++) optimistic += bestTerm[later];
    if (optimistic <= best) return;
    if (e === n) {
      let value = termSum + constant;
      for (let h = 0; h < hours; h++) {
        const running = picked.flatMap((choice, i) => (choice.start <= h && h < choice.start + choice.duration
          ? [{ e: i, need: minTrafficAt(problem.experiments[i], h - choice.start, choice.duration), duration: choice.duration, mask: choice.mask }] : []));
        if (running.length === 0) continue;
        const hour = hourValue(h, running);
        if (hour === -Infinity) return;
        value += hour;
      }
      best = Math.max(best, value);
      return;
    }
    for (const choice of choices[e]) {
      // choices are sorted by term: once one cannot beat the best, none of the later ones can
      if (optimistic - bestTerm[e] + choice.term <= best) break;
      picked.push(choice);
      search(e + 1, termSum + choice.term);
      picked.pop();
    }
  };
  search(0, 0);
  return best;
}
