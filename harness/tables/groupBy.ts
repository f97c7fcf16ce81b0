/** Groups items by a key, groups in order of first appearance (so tables follow plan order). */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => readonly (string | number | undefined)[]): { key: readonly (string | number | undefined)[]; items: T[] }[] {
  const groups = new Map<string, { key: readonly (string | number | undefined)[]; items: T[] }>();
  for (const item of items) {
    const key = keyOf(item);
    const text = JSON.stringify(key);
    let group = groups.get(text);
    if (!group) groups.set(text, (group = { key, items: [] }));
    group.items.push(item);
  }
  return [...groups.values()];
}
