import { describe, expect, it } from 'vitest';
import { namespaceSvgIds, renumberSvgIds } from '../../harness/report/svgInline.js';

describe('SVG ids', () => {
  const svg = '<svg><defs><clipPath id="clip7"><rect/></clipPath><linearGradient id="gradient_3"/></defs><g clip-path="url(#clip7)"><path fill="url(#gradient_3)"/><use href="#clip7"/></g></svg>';

  it('renames Vega\'s process-wide counters in order of appearance, so a figure has the same bytes whenever it is drawn', () => {
    expect(renumberSvgIds(svg)).toBe('<svg><defs><clipPath id="a"><rect/></clipPath><linearGradient id="b"/></defs><g clip-path="url(#a)"><path fill="url(#b)"/><use href="#a"/></g></svg>');
    expect(renumberSvgIds(svg.replace(/clip7/g, 'clip12').replace(/gradient_3/g, 'gradient_9'))).toBe(renumberSvgIds(svg));
  });

  it('prefixes ids and their references for inlining several figures in one page', () => {
    expect(namespaceSvgIds(svg, 'fig-a b')).toBe('<svg><defs><clipPath id="fig-a_b-clip7"><rect/></clipPath><linearGradient id="fig-a_b-gradient_3"/></defs><g clip-path="url(#fig-a_b-clip7)"><path fill="url(#fig-a_b-gradient_3)"/><use href="#fig-a_b-clip7"/></g></svg>');
  });

  it('keeps text and attributes as they are (entities are XML-equivalent)', () => {
    const text = '<svg><text x="1" font-family="DejaVu Sans, sans-serif">Grey: the group\'s requests &amp; more</text></svg>';
    expect(namespaceSvgIds(text, 'f')).toBe('<svg><text x="1" font-family="DejaVu Sans, sans-serif">Grey: the group&apos;s requests &amp; more</text></svg>');
  });
});
