/**
 * Every combination of a parameter grid, in a stable order (the first key varies slowest):
 * `{populationSize: [30, 40], generations: [50]}` → `[{populationSize: 30, generations: 50}, {populationSize: 40, generations: 50}]`.
 * No grid → one empty combination.
 */
export function gridCombinations(grid: Readonly<Record<string, readonly number[]>> | undefined): Record<string, number>[] {
  let combinations: Record<string, number>[] = [{}];
  for (const [key, values] of Object.entries(grid ?? {})) {
    combinations = combinations.flatMap((combination) => values.map((value) => ({ ...combination, [key]: value })));
  }
  return combinations;
}

/** A grid combination as trials.csv shows it, e.g. `populationSize=40 generations=90`. */
export function gridSetting(combination: Readonly<Record<string, number>>): string {
  return Object.entries(combination).map(([key, value]) => `${key}=${value}`).join(' ');
}

/** The id segment naming one grid combination, e.g. `populationSize40-generations90`. */
export function gridTag(combination: Readonly<Record<string, number>>): string {
  return Object.entries(combination).map(([key, value]) => `${key}${value}`).join('-');
}
