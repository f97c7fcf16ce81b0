import * as vega from 'vega';
import { averageWidth, dejaVuSansBoldWidths, dejaVuSansWidths } from './textWidths.js';

/**
 * Width of `text` set in DejaVu Sans. Without a canvas, Vega guesses every character at
 * 0.8 em, which makes long titles and axis titles claim far too much room (wide margins,
 * gaps above the plot). Measuring with the real advance widths fixes the layout, and
 * because the table is fixed the layout is the same on every machine.
 */
export function measureText(text: string, fontSize: number, bold: boolean): number {
  const widths = bold ? dejaVuSansBoldWidths : dejaVuSansWidths;
  const fallback = bold ? averageWidth.bold : averageWidth.regular;
  let ems = 0;
  for (const char of text) ems += widths[char] ?? fallback;
  return ems * fontSize;
}

const isBold = (weight: unknown): boolean => weight === 'bold' || weight === 'bolder' || (Number(weight) >= 600);

/** Installs `measureText` as Vega's text measurer (Vega supports a user-defined `textMetrics.width`). */
export function installTextMetrics(): void {
  // not in vega's type declarations, but exported at run time (vega-scenegraph)
  const metrics = (vega as unknown as { textMetrics: unknown }).textMetrics as { width: (item: Record<string, unknown>, text?: unknown) => number };
  metrics.width = (item, text) => {
    const value = text ?? item.text;
    const fontSize = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const lines = Array.isArray(value) ? value.map(String) : [value == null ? '' : String(value)];
    return Math.max(0, ...lines.map((line) => measureText(line, fontSize, isBold(item.fontWeight))));
  };
}
