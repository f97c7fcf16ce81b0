/**
 * Makes a standalone SVG safe to inline next to others in one HTML page: Vega names clip
 * paths and gradients `clip1`, `gradient_0`, … in every figure, and inlined ids share one
 * document namespace, so figure B's `url(#clip1)` would pick figure A's clip. Prefixing
 * every id and reference with the figure's name keeps them apart.
 */
export function namespaceSvgIds(svg: string, prefix: string): string {
  const safe = prefix.replace(/[^A-Za-z0-9_-]/g, '_');
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${safe}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${safe}-${id})`)
    .replace(/\b(xlink:href|href)="#([^"]+)"/g, (_, attribute: string, id: string) => `${attribute}="#${safe}-${id}"`);
}

/** Strips an XML declaration or doctype, which are not allowed inside HTML. */
export const svgElementOnly = (svg: string): string => svg.replace(/^\s*<\?xml[^>]*>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');

/**
 * Renumbers ids in order of first appearance. Vega numbers clip paths and gradients with
 * process-wide counters, so the same figure rendered second in a process would otherwise
 * come out with `gradient_1` instead of `gradient_0`, breaking byte-identical output.
 */
export function renumberSvgIds(svg: string): string {
  const renamed = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const match of svg.matchAll(/\bid="([^"]+)"|url\(#([^)]+)\)|href="#([^"]+)"/g)) {
    const id = match[1] ?? match[2] ?? match[3];
    if (renamed.has(id)) continue;
    const base = id.replace(/[_-]?\d+$/, '') || 'id';
    const next = counts.get(base) ?? 0;
    counts.set(base, next + 1);
    renamed.set(id, `${base}${next}`);
  }
  const rename = (id: string) => renamed.get(id) ?? id;
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/\b(xlink:href|href)="#([^"]+)"/g, (_, attribute: string, id: string) => `${attribute}="#${rename(id)}"`);
}
