import type { Config } from 'vega-lite';

/**
 * The report's look: one font, sizes readable at 100 % zoom, light grid. The font is DejaVu
 * Sans because PNG rendering (resvg) needs a real font file and DejaVu is on Debian machines
 * (`fonts-dejavu-core`); browsers fall back to the generic family.
 */
export const figureFont = 'DejaVu Sans, Helvetica, Arial, sans-serif';

export const figureTheme: Config = {
  font: figureFont,
  background: '#ffffff',
  padding: 8,
  view: { stroke: '#d0d0d0' },
  title: { fontSize: 15, fontWeight: 'bold', anchor: 'start', subtitleFontSize: 12, subtitleColor: '#444444', offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e6e6e6', domainColor: '#888888', tickColor: '#888888' },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', symbolStrokeWidth: 2 },
  header: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', labelFontWeight: 'bold' },
  line: { strokeWidth: 2 },
  boxplot: { size: 28 },
};

/** Colour-blind-safe palette for user groups (Paul Tol's "muted"), distinct in role from the algorithm colours. */
export const groupPalette = ['#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255', '#AA4499'];

/** Schema URL written into every spec (only a label: nothing is fetched). */
export const vegaLiteSchema = 'https://vega.github.io/schema/vega-lite/v6.json';
