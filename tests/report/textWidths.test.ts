import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const fonts = '/usr/share/fonts/truetype/dejavu';
const haveFonts = existsSync(`${fonts}/DejaVuSans.ttf`) && existsSync(`${fonts}/DejaVuSans-Bold.ttf`);

describe('the committed DejaVu width table', () => {
  if (!haveFonts) console.warn(`skipped: ${fonts}/DejaVuSans*.ttf not found (Debian fonts-dejavu-core; .ci/run installs it)`);
  it.skipIf(!haveFonts)('is exactly what generateTextWidths.ts reads from the fonts with opentype.js', () => {
    const generated = execFileSync(process.execPath, ['--import', 'tsx', 'harness/report/generateTextWidths.ts', fonts], { encoding: 'utf8' });
    expect(generated).toBe(readFileSync('harness/report/textWidths.ts', 'utf8'));
    // a glyph checked by hand: DejaVu Sans 'W' advances 2025 of 2048 units (0.989 em)
    expect(generated).toContain('"W": 0.989,');
  });
});
