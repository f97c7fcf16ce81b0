import { pathToFileURL } from 'node:url';
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
    await page.screenshot({ path: outPath, fullPage: true });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    return { width, height, blocked };
  } finally {
    await browser.close();
  }
}
