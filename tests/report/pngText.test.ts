import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { dejaVuFontFiles, pngFontOptions } from '../../harness/report/pngFonts.js';
import { measureText } from '../../harness/report/textMeasure.js';

/** Dark pixels in a rendered RGBA image. */
function darkPixels(svg: string): number {
  const image = new Resvg(svg, { font: pngFontOptions(), background: '#ffffff' }).render();
  let dark = 0;
  for (let i = 0; i < image.pixels.length; i += 4) if (image.pixels[i] < 128) dark++;
  return dark;
}

describe('text in PNGs', () => {
  it('draws text: resvg finds a font (Debian fonts-dejavu-core)', () => {
    if (dejaVuFontFiles().length === 0) console.warn('DejaVu Sans not found; relying on system fonts. Install fonts-dejavu-core.');
    const text = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="28" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#000">Fitness 0.73</text></svg>';
    const empty = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"></svg>';
    expect(darkPixels(empty)).toBe(0);
    expect(darkPixels(text), 'no text was drawn: resvg found no font; install Debian fonts-dejavu-core').toBeGreaterThan(100);
  });

  it('measures text with DejaVu Sans advance widths for the layout', () => {
    expect(measureText('W', 10, false)).toBeCloseTo(9.89, 2);
    expect(measureText('ii', 10, false)).toBeCloseTo(5.56, 2);
    expect(measureText('W', 10, true)).toBeGreaterThan(measureText('W', 10, false));
  });
});
