import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { dejaVuFontFiles } from './pngFonts.js';

/** A fixed creation date: the same SVG gives the same PDF bytes (PDFKit derives the file ID from it). */
const FIXED_DATE = new Date(Date.UTC(2018, 8, 23));

/**
 * A one-page vector PDF of an SVG figure, at the SVG's own size (1 SVG px = 1 pt), drawn by
 * svg-to-pdfkit into PDFKit — no browser. Text uses DejaVu Sans (embedded, as in the PNGs) when
 * the font is installed, else PDF's built-in Helvetica.
 */
export async function svgToPdf(svg: string, title: string): Promise<Buffer> {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error(`figure ${title}: the SVG has no width and height to size the PDF page`);
  const doc = new PDFDocument({ size: [width, height], margin: 0, compress: true, info: { Title: title, Producer: 'schedlab', Creator: 'schedlab', CreationDate: FIXED_DATE, ModDate: FIXED_DATE } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const [regular, bold] = [dejaVuFontFiles().find((path) => /DejaVuSans\.ttf$/.test(path)), dejaVuFontFiles().find((path) => /DejaVuSans-Bold\.ttf$/.test(path))];
  if (regular) doc.registerFont('DejaVu Sans', regular);
  if (bold) doc.registerFont('DejaVu Sans Bold', bold);
  SVGtoPDF(doc, pdfSafeDashes(svg), 0, 0, {
    width,
    height,
    assumePt: true,
    fontCallback: (_family: string, bolded: boolean) => (bolded ? (bold ? 'DejaVu Sans Bold' : 'Helvetica-Bold') : (regular ? 'DejaVu Sans' : 'Helvetica')),
  });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/**
 * PDFKit refuses dash lengths of 0, which Vega writes for solid lines (`stroke-dasharray="1,0"`):
 * a pattern without gaps is dropped (solid), and other zero lengths become a hair's width.
 */
export function pdfSafeDashes(svg: string): string {
  return svg.replace(/\sstroke-dasharray="([^"]*)"/g, (attribute, value: string) => {
    const lengths = value.split(/[\s,]+/).filter((part) => part !== '').map(Number);
    if (lengths.length === 0 || lengths.some((length) => !Number.isFinite(length))) return attribute;
    if (lengths.every((length, i) => i % 2 === 0 || length === 0)) return '';
    return ` stroke-dasharray="${lengths.map((length) => (length > 0 ? length : 0.01)).join(',')}"`;
  });
}
