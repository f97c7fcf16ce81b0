import type { Algorithm } from '../../../algorithms/algorithm.js';
import { getAlgorithm } from '../../../algorithms/registry.js';

/** Budgets that keep a test run well under a second, for any registered algorithm. */
const SMALL: Record<string, number> = { populationSize: 10, generations: 5, iterations: 200 };

/** The algorithm's defaults with its budget parameters shrunk (unknown algorithms keep their own). */
export function smallBudgetParams(name: string): unknown {
  const algorithm: Algorithm<unknown> = getAlgorithm(name);
  const defaults = algorithm.paramsSchema.parse({}) as Record<string, unknown>;
  const shrunk = Object.fromEntries(Object.keys(defaults).filter((key) => key in SMALL).map((key) => [key, SMALL[key]]));
  return algorithm.paramsSchema.parse(shrunk);
}
