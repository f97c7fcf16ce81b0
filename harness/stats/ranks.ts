/**
 * Ranks of the values of one block (1 = best), ties sharing the mean of the ranks they span —
 * the ranking of the Friedman test (Demšar 2006, §3.2.2). `higherIsBetter` for fitness.
 */
export function blockRanks(values: readonly number[], higherIsBetter = true): number[] {
  const order = values.map((value, i) => ({ value, i })).sort((a, b) => (higherIsBetter ? b.value - a.value : a.value - b.value));
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && order[end].value === order[start].value) end++;
    const shared = (start + 1 + end) / 2; // mean of ranks start+1 … end
    for (let j = start; j < end; j++) ranks[order[j].i] = shared;
    start = end;
  }
  return ranks;
}

/** Sizes of the groups of tied values of one block (only groups of 2 or more). */
export function tieGroups(values: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.values()].filter((count) => count > 1);
}
