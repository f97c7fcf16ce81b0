import { optimize } from 'svgo';

/**
 * Makes a standalone SVG safe to inline next to others in one HTML page: Vega names clip
 * paths and gradients alike in every figure, and inlined ids share one document namespace, so
 * figure B's `url(#a)` would pick figure A's clip. svgo's prefixIds prefixes every id and
 * reference (url(#…), href, xlink:href, style) with the figure's name.
 */
export function namespaceSvgIds(svg: string, prefix: string): string {
  const safe = prefix.replace(/[^A-Za-z0-9_-]/g, '_');
  return optimize(svg, { plugins: [{ name: 'prefixIds', params: { prefix: safe, delim: '-', prefixClassNames: false } }] }).data;
}

/** Strips an XML declaration or doctype, which are not allowed inside HTML. */
export const svgElementOnly = (svg: string): string => svg.replace(/^\s*<\?xml[^>]*>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');

/**
 * Renames ids in order of appearance (svgo's cleanupIds, minified: `a`, `b`, …). Vega numbers
 * clip paths and gradients with process-wide counters, so the same figure rendered second in a
 * process would otherwise come out with `gradient_1` instead of `gradient_0`, breaking
 * byte-identical output.
 */
export function renumberSvgIds(svg: string): string {
  return optimize(svg, { plugins: [{ name: 'cleanupIds', params: { minify: true } }] }).data;
}
