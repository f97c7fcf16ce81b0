import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../../harness/report/headlessChromium.js';
import { figureCatalog } from '../../harness/report/figures/figureCatalog.js';
import { renderAll } from '../../harness/cli/figures.js';
import { writeSyntheticResults } from './syntheticResults.js';

/**
 * Opens report.html in headless Chromium (Debian's, via playwright-core) and checks that
 * every figure is there with a nonzero rendered size and that the page asks for nothing
 * from the network. Skips when no Chromium is installed (CI installs it: .ci/run).
 */
const browserPath = chromiumPath();
if (!browserPath) console.warn('reportBrowser.test.ts: SKIPPED — no Chromium at /usr/bin/chromium or $CHROMIUM_PATH (apt-get install chromium)');

const scratch = mkdtempSync(join(tmpdir(), 'schedlab-browser-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(!browserPath)('report.html in headless Chromium', () => {
  it('shows every figure at a nonzero size and loads nothing from outside', async () => {
    const run = writeSyntheticResults(join(scratch, 'run'));
    const result = await renderAll(run.directory, { loadProfile: () => run.profile });
    expect(result.errors).toEqual([]);

    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const external: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        external.push(url);
        return route.abort();
      });
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(pathToFileURL(join(run.directory, 'report.html')).href, { waitUntil: 'load' });

      const sizes = await page.$$eval('figure[data-figure]', (figures) => figures.map((figure) => {
        const svg = figure.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return { name: figure.getAttribute('data-figure'), width: box?.width ?? 0, height: box?.height ?? 0, marks: svg?.querySelectorAll('path, rect, text').length ?? 0 };
      }));
      // the benchmark section (after "paper vs this run") shows its figures before the figure list
      const pageOrder = [...figureCatalog.filter((figure) => figure.section === 'benchmark'), ...figureCatalog.filter((figure) => figure.section === undefined)];
      expect(sizes.map((size) => size.name)).toEqual(pageOrder.map((figure) => figure.name));
      for (const size of sizes) {
        expect(size.width, `${size.name} width`).toBeGreaterThan(100);
        expect(size.height, `${size.name} height`).toBeGreaterThan(100);
        expect(size.marks, `${size.name} marks`).toBeGreaterThan(10);
      }
      const rows = page.locator('h2#paper-vs-run + p + .table-wrap table tbody tr');
      expect(await rows.count()).toBeGreaterThan(10);
      // every "paper vs this run" row says what the two numbers are
      const compared = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-compared]')?.textContent ?? ''));
      for (const text of compared) expect(text).toMatch(/paper: .+; this run: /);
      // the convergence panels share one x scale: every panel's x axis has the same title and ticks
      const xAxes = await page.$$eval('figure[data-figure="convergence"] [aria-roledescription="axis"]', (axes) =>
        axes.map((axis) => axis.getAttribute('aria-label') ?? '').filter((label) => label.startsWith('X-axis')));
      expect(xAxes.length).toBeGreaterThanOrEqual(3);
      expect(new Set(xAxes).size, xAxes.join(' | ')).toBe(1);
      expect(xAxes[0]).toContain('Evaluations');
      // the claims table: a row and a verdict for every published claim
      const claims = page.locator('h2#claims + p + .table-wrap table tbody tr');
      expect(await claims.count()).toBe(17);
      expect(await page.locator('h2#claims + p + .table-wrap table tbody tr [data-verdict]').count()).toBe(17);
      expect(await page.locator('#claims').isVisible()).toBe(true);
      expect(external).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
