import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { launchChromium } from './headlessChromium.js';

export interface Screenshot {
  readonly width: number;
  /** the page's full height, CSS px */
  readonly height: number;
  /** requests other than the report's own file, which were blocked */
  readonly blocked: readonly string[];
}

/**
 * A full-page PNG of a report.html in headless Chromium. Requests other than file: URLs are
 * blocked (the page must be self-contained) and returned, so the caller can warn about them.
 * Stored as a 256-colour palette PNG (sharp, libimagequant): text and the figures' few colours
 * survive it, and a paper run's 1280 × 17 000 px page takes 1.1 MB instead of 2.7 MB.
 */
export async function screenshotReport(reportPath: string, outPath: string, width = 1280): Promise<Screenshot> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const blocked: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(reportPath).href, { waitUntil: 'load' });
    const shot = await page.screenshot({ fullPage: true });
    writeFileAtomically(outPath, await sharp(shot).png({ palette: true, colors: 256, effort: 7 }).toBuffer());
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    return { width, height, blocked };
  } finally {
    await browser.close();
  }
}
