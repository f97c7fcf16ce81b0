import { constantMinTraffic, minTrafficAt } from '../problem/experiment.js';
import type { Problem } from '../problem/problem.js';
import type { AloneCapacity } from './aloneCapacity.js';
import { durationScore, shortestDuration, type ObjectiveTerms } from './objectiveTerms.js';

/** The best one experiment can score if it had the profile's whole capacity to itself. */
export interface AloneOptimum {
  /** its largest term of F over every schedule valid alone; −∞ if it has none */
  readonly value: number;
  /** a schedule reaching `value` (start, duration, covered hours); undefined when none was found */
  readonly start?: number;
  readonly duration?: number;
  readonly coveredHours?: number;
  /** false when the search stopped at its work limit: `value` is then an upper bound, not reached */
  readonly exact: boolean;
  /** an upper bound on covered hours / d over every schedule valid alone (1 when not proven smaller) */
  readonly coverageFraction: number;
}

/** Hour checks one experiment's search may spend before it settles for an upper bound (default). */
export const WORK_LIMIT = 20_000_000;

/**
 * Maximises experiment e's term of F (see ObjectiveTerms) over start s and duration d, when it is
 * alone: (s, d) is possible iff d ≥ max(1, minDuration), the hours fit the profile, a running
 * experiment starts at 0, and in every hour its need is ≤ `capacity.total`; an hour counts as
 * covered iff its need is ≤ `capacity.coverable` (an upper bound on the real coverage). The start
 * and duration scores fall with s and d, so the search walks s and d upwards and stops as soon as
 * no later pair can beat the best found.
 */
export function experimentAlone(problem: Problem, e: number, terms: ObjectiveTerms, capacity: AloneCapacity, workLimit = WORK_LIMIT): AloneOptimum {
  const experiment = problem.experiments[e];
  const { hours } = problem.profile;
  const minDuration = experiment.minDuration;
  const shortest = shortestDuration(minDuration);
  const lastStart = problem.running[e] === 1 ? Math.min(0, hours - shortest) : hours - shortest;
  const durationWeight = terms.duration[e];
  const startWeight = terms.start[e];
  const coverageWeight = terms.coverage[e];
  const gradual = problem.gradual[e] === 1;
  const { total, coverable } = capacity;
  let work = 0;

  /** covered hours of (s, d), or −1 when some hour cannot get its need */
  const evaluate = (start: number, duration: number): number => {
    work += duration;
    let covered = 0;
    if (!gradual) {
      const need = constantMinTraffic(experiment.requiredTotalTraffic, duration);
      for (let k = 0; k < duration; k++) {
        if (need > total[start + k]) return -1;
        if (need <= coverable[start + k]) covered++;
      }
    } else {
      for (let k = 0; k < duration; k++) {
        const need = minTrafficAt(experiment, k, duration);
        if (need > total[start + k]) return -1;
        if (need <= coverable[start + k]) covered++;
      }
    }
    return covered;
  };

  let best = -Infinity;
  let bestStart: number | undefined;
  let bestDuration: number | undefined;
  let bestCovered: number | undefined;
  let bestFullCoverage = false;
  let exact = true;
  search: for (let start = 0; start <= lastStart; start++) {
    const startTerm = startWeight / (1 + start);
    if (durationWeight * durationScore(minDuration, shortest) + startTerm + coverageWeight <= best) break;
    for (let duration = shortest; start + duration <= hours; duration++) {
      const upper = durationWeight * durationScore(minDuration, duration) + startTerm + coverageWeight;
      if (upper <= best) break;
      if (work > workLimit) {
        // the pairs not yet examined are (start, ≥ duration) and (> start, any): each scores at most
        // `upper` or the next start's shortest-duration maximum (scores fall with s and d)
        const nextStart = durationWeight * durationScore(minDuration, shortest) + startWeight / (2 + start) + coverageWeight;
        best = Math.max(best, upper, start < lastStart ? nextStart : -Infinity);
        exact = false;
        break search;
      }
      const covered = evaluate(start, duration);
      if (covered < 0) continue;
      const value = durationWeight * durationScore(minDuration, duration) + startTerm + coverageWeight * (covered / duration);
      if (value > best) {
        best = value;
        bestStart = start;
        bestDuration = duration;
        bestCovered = covered;
        bestFullCoverage = covered === duration;
      }
    }
  }
  return {
    value: best,
    ...(exact && bestStart !== undefined ? { start: bestStart, duration: bestDuration, coveredHours: bestCovered } : {}),
    exact,
    coverageFraction: coverageWeight === 0 || bestFullCoverage || !exact ? 1 : bestCoverageFraction(evaluate, shortest, lastStart, hours, () => work, 2 * workLimit),
  };
}

/** max covered/d over every pair valid alone (1 as soon as one pair is fully covered or the work limit is hit) */
function bestCoverageFraction(evaluate: (start: number, duration: number) => number, shortest: number, lastStart: number,
  hours: number, workDone: () => number, workLimit: number): number {
  let best = 0;
  for (let start = 0; start <= lastStart; start++) {
    for (let duration = shortest; start + duration <= hours; duration++) {
      if (workDone() > workLimit) return 1;
      const covered = evaluate(start, duration);
      if (covered < 0) continue;
      if (covered === duration) return 1;
      best = Math.max(best, covered / duration);
    }
  }
  return best;
}
