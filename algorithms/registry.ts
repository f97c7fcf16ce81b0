import type { Algorithm } from './algorithm.js';
import { onePlusOne } from './examples/onePlusOne.js';
import { genetic } from './genetic.js';
import { greedy } from './greedy.js';
import { localSearch } from './localSearch.js';
import { randomSampling } from './randomSampling.js';
import { simulatedAnnealing, simulatedAnnealingAsPublished } from './simulatedAnnealing.js';

/**
 * All algorithms by name. Adding one: write `algorithms/<name>.ts` exporting an `Algorithm`,
 * and add it to this list (see README, "Adding an algorithm").
 */
const algorithms: Algorithm<any>[] = [randomSampling, genetic, localSearch, simulatedAnnealing, simulatedAnnealingAsPublished, onePlusOne, greedy];

export function registerAlgorithm(algorithm: Algorithm<any>): void {
  if (algorithms.some((known) => known.name === algorithm.name)) throw new Error(`algorithm "${algorithm.name}" is already registered`);
  algorithms.push(algorithm);
}

export function algorithmNames(): string[] {
  return algorithms.map((algorithm) => algorithm.name);
}

export function getAlgorithm(name: string): Algorithm<any> {
  const algorithm = algorithms.find((known) => known.name === name);
  if (!algorithm) throw new Error(`unknown algorithm "${name}" (known: ${algorithmNames().join(', ')})`);
  return algorithm;
}
