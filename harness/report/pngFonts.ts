import { existsSync } from 'node:fs';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/**
 * resvg draws text only with fonts it can load; with none, a PNG silently loses every
 * label. The figures ask for DejaVu Sans (Debian `fonts-dejavu-core`); it is loaded by path
 * when present, and the system fonts (fontconfig) are searched as well.
 */
const dejaVuCandidates = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf',
  '/Library/Fonts/DejaVuSans.ttf',
];

export const dejaVuFontFiles = (): string[] => dejaVuCandidates.filter((path) => existsSync(path));

export function pngFontOptions(): NonNullable<ResvgRenderOptions['font']> {
  return {
    fontFiles: dejaVuFontFiles(),
    loadSystemFonts: true,
    defaultFontFamily: 'DejaVu Sans',
    sansSerifFamily: 'DejaVu Sans',
  };
}

/** A one-line warning when DejaVu Sans is missing (text in PNGs may then fall back or vanish). */
export function fontWarning(): string | undefined {
  return dejaVuFontFiles().length > 0 ? undefined
    : 'DejaVu Sans not found: PNG text uses whatever system font resvg finds (install Debian fonts-dejavu-core for the intended look)';
}
