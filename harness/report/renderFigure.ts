import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { join } from 'node:path';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { pngFontOptions } from './pngFonts.js';
import { renumberSvgIds } from './svgInline.js';
import { svgToPdf } from './svgToPdf.js';
import { installTextMetrics } from './textMeasure.js';

installTextMetrics();

/** Compiles a Vega-Lite spec and renders it headless (no browser, no canvas) to SVG text. */
export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none', logLevel: vega.Error });
  try {
    return renumberSvgIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** Rasterises SVG at `scale` × its size (2 = crisp on high-density screens and in slides). */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  return new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: pngFontOptions(), background: '#ffffff' }).render().asPng();
}

export interface RenderedFigure {
  readonly name: string;
  readonly svg: string;
  readonly files: string[];
}

/** Renders a spec and writes `<name>.vl.json`, `.svg`, `.png` and `.pdf` (vector, one page) into `directory`, each atomically. */
export async function renderFigureFiles(directory: string, name: string, spec: TopLevelSpec): Promise<RenderedFigure> {
  const svg = await specToSvg(spec);
  const png = svgToPng(svg);
  const pdf = await svgToPdf(svg, name);
  const files = [join(directory, `${name}.vl.json`), join(directory, `${name}.svg`), join(directory, `${name}.png`), join(directory, `${name}.pdf`)];
  writeFileAtomically(files[0], `${JSON.stringify(spec, null, 2)}\n`);
  writeFileAtomically(files[1], svg);
  writeFileAtomically(files[2], png);
  writeFileAtomically(files[3], pdf);
  return { name, svg, files };
}
