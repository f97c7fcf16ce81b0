import { describe, expect, it } from 'vitest';
import { namespaceSvgIds, renumberSvgIds } from '../../harness/report/svgInline.js';

describe('SVG ids', () => {
  const svg = '<svg><defs><clipPath id="clip7"><rect/></clipPath><linearGradient id="gradient_3"/></defs><g clip-path="url(#clip7)"><path fill="url(#gradient_3)"/><use href="#clip7"/></g></svg>';

  it('renumbers Vega\'s process-wide counters in order of appearance', () => {
    expect(renumberSvgIds(svg)).toBe('<svg><defs><clipPath id="clip0"><rect/></clipPath><linearGradient id="gradient0"/></defs><g clip-path="url(#clip0)"><path fill="url(#gradient0)"/><use href="#clip0"/></g></svg>');
  });

  it('prefixes ids and their references for inlining several figures in one page', () => {
    const namespaced = namespaceSvgIds(svg, 'fig-a b');
    expect(namespaced).toContain('id="fig-a_b-clip7"');
    expect(namespaced).toContain('url(#fig-a_b-gradient_3)');
    expect(namespaced).toContain('href="#fig-a_b-clip7"');
  });
});
