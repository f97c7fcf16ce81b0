import { z } from 'zod';
import { greedySchedule } from './greedy.js';
import type { Individual } from './problem/individual.js';
import type { Problem } from './problem/problem.js';

/**
 * How a search starts: from the random population (`random`, the paper's set-up) or with the
 * greedy schedule in it (`greedy`), so "GA + greedy start" is one parameter:
 * `{"name": "genetic", "params": {"initialization": "greedy"}}` or `--param initialization=greedy`.
 */
export const INITIALIZATIONS = ['random', 'greedy'] as const;
export type Initialization = (typeof INITIALIZATIONS)[number];

export const initializationParam = {
  initialization: z.enum(INITIALIZATIONS).default('random'),
};

/**
 * The starting population of a search of `size`: the random one as given, or (greedy) the greedy
 * schedule followed by the first `size − 1` random individuals. The caller's individuals are not
 * modified (the greedy one is new).
 */
export function initialPopulationOf(
  problem: Problem,
  random: readonly Individual[],
  size: number,
  initialization: Initialization,
): Individual[] {
  if (initialization === 'random') return random.slice(0, size);
  return [greedySchedule(problem), ...random.slice(0, Math.max(0, size - 1))];
}
