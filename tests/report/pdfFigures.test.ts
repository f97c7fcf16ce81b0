import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfSafeDashes, svgToPdf } from '../../harness/report/svgToPdf.js';
import { criticalDifferenceFigure } from '../../harness/report/figures/criticalDifference.js';
import { renderAll } from '../../harness/cli/figures.js';
import { maxFitnessFigure } from '../../harness/report/figures/maxFitness.js';
import { writeSyntheticResults } from './syntheticResults.js';

const scratch = mkdtempSync(join(tmpdir(), 'schedlab-pdf-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What a reader needs of a PDF: its header, its trailer, its pages (object dictionaries stay uncompressed in PDFKit's output). */
function pdfFacts(pdf: Buffer) {
  const text = pdf.toString('latin1');
  return {
    header: text.slice(0, 5),
    endsWithEof: /%%EOF\s*$/.test(text),
    pages: (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length,
    mediaBox: /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text)?.slice(1).map(Number),
    fonts: [...new Set([...text.matchAll(/\/BaseFont \/(?:[A-Z]{6}\+)?([\w-]+)/g)].map((match) => match[1]))],
  };
}

describe('PDF figures (svg-to-pdfkit into PDFKit, no browser)', () => {
  it('renderAll writes <figure>.pdf beside the SVG: one page of the SVG\'s size, valid header and trailer, the same bytes twice', async () => {
    const run = writeSyntheticResults(join(scratch, 'run'));
    const figures = [maxFitnessFigure, criticalDifferenceFigure];
    const result = await renderAll(run.directory, { loadProfile: () => run.profile, figures });
    expect(result.errors).toEqual([]);
    for (const { name } of figures) {
      const pdf = readFileSync(join(run.directory, 'figures', `${name}.pdf`));
      const svg = readFileSync(join(run.directory, 'figures', `${name}.svg`), 'utf8');
      const facts = pdfFacts(pdf);
      expect(facts.header).toBe('%PDF-');
      expect(facts.endsWithEof).toBe(true);
      expect(facts.pages).toBe(1);
      expect(pdf.length).toBeGreaterThan(2000);
      const [width, height] = [/<svg[^>]*\swidth="([\d.]+)"/, /<svg[^>]*\sheight="([\d.]+)"/].map((pattern) => Number(pattern.exec(svg)![1]));
      expect(facts.mediaBox).toEqual([width, height]);
      expect((await svgToPdf(svg, name)).equals(pdf)).toBe(true);
    }
  });

  it('embeds DejaVu Sans when it is installed (the PNGs\' font), else uses Helvetica', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="5" y="20" font-family="DejaVu Sans, sans-serif">F 0.738</text></svg>';
    const facts = pdfFacts(await svgToPdf(svg, 'text'));
    expect(facts.pages).toBe(1);
    expect(facts.fonts.some((font) => /DejaVuSans|Helvetica/.test(font)), facts.fonts.join(', ')).toBe(true);
  });

  it('turns Vega\'s zero-gap dash patterns (solid lines) into none, which PDFKit would refuse', () => {
    expect(pdfSafeDashes('<path stroke-dasharray="1,0" d="M0"/><path stroke-dasharray="5,3"/><path stroke-dasharray="0,4"/>'))
      .toBe('<path d="M0"/><path stroke-dasharray="5,3"/><path stroke-dasharray="0.01,4"/>');
  });

  it('refuses an SVG without a size, naming the figure', async () => {
    await expect(svgToPdf('<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'broken')).rejects.toThrow(/figure broken: the SVG has no width and height/);
  });
});
