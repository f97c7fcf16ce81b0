import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureCatalog } from '../../harness/report/figures/figureCatalog.js';
import { renderAll, type RenderResult } from '../../harness/cli/figures.js';
import { writeSyntheticResults, type SyntheticRun } from './syntheticResults.js';

const scratch = mkdtempSync(join(tmpdir(), 'schedlab-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function syntheticRun(name: string): SyntheticRun {
  return writeSyntheticResults(join(scratch, name));
}

describe('renderAll on a complete synthetic run', () => {
  let run: SyntheticRun;
  let result: RenderResult;
  beforeAll(async () => {
    run = syntheticRun('complete');
    result = await renderAll(run.directory, { loadProfile: () => run.profile });
  });

  it('renders every figure as .vl.json, .svg and .png, and the report, without errors', () => {
    expect(result.errors).toEqual([]);
    expect(result.skipped).toEqual([]);
    for (const { name } of figureCatalog) {
      for (const extension of ['.vl.json', '.svg', '.png']) {
        const path = join(run.directory, 'figures', `${name}${extension}`);
        expect(result.written).toContain(path);
        expect(statSync(path).size).toBeGreaterThan(500);
      }
    }
    expect(result.written).toContain(join(run.directory, 'report.html'));
    expect(result.written).toContain(join(run.directory, 'report.md'));
    expect(readFileSync(join(run.directory, 'figures', 'fitness-scaling.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('writes specs with their data inlined, so each figure can be re-rendered alone', () => {
    const spec = JSON.parse(readFileSync(join(run.directory, 'figures', 'fitness-scaling.vl.json'), 'utf8'));
    expect(spec.$schema).toContain('vega-lite');
    expect(spec.data.values.length).toBeGreaterThan(0);
    expect(spec.data.url).toBeUndefined();
  });

  it('leaves no temporary files behind', () => {
    const files = [...readdirSync(run.directory), ...readdirSync(join(run.directory, 'figures'))];
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a self-contained report.html: every figure inline, no script, no external resource', () => {
    const html = readFileSync(join(run.directory, 'report.html'), 'utf8');
    for (const { name } of figureCatalog) expect(html).toContain(`<figure data-figure="${name}">`);
    expect(html.match(/<svg\b/g)?.length).toBe(figureCatalog.length);
    expect(html).not.toMatch(/<script\b|<link\b|<img\b|<iframe\b/i);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/url\((['"]?)https?:/i);
    // ids from different figures must not collide once inlined
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const reference of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(reference[1]);
    // every table and the paper-vs-run section
    expect(html).toContain('Paper vs this run');
    expect(html).toContain('tables/comparisons.csv');
    expect(html).toContain('Vargha &amp; Delaney 2000');
    expect(html).toContain('Re-evaluation: GA best fitness');
    // the claims of the paper, one verdict each
    expect(html).toContain('<h2 id="claims">The paper&#39;s claims, each with a verdict</h2>');
    expect(html.match(/data-verdict="/g)?.length).toBe(17);
  });

  it('writes report.md linking the PNGs', () => {
    const markdown = readFileSync(join(run.directory, 'report.md'), 'utf8');
    for (const { name } of figureCatalog) expect(markdown).toContain(`(figures/${name}.png)`);
    expect(markdown).toContain('| Re-evaluation: GA best fitness | §10 | 0.730 |');
  });

  it('is deterministic: the same CSVs give byte-identical SVGs and specs', async () => {
    const again = syntheticRun('again');
    const second = await renderAll(again.directory, { loadProfile: () => again.profile });
    expect(second.errors).toEqual([]);
    for (const { name } of figureCatalog) {
      for (const extension of ['.svg', '.vl.json', '.png']) {
        const first = readFileSync(join(run.directory, 'figures', `${name}${extension}`));
        expect(readFileSync(join(again.directory, 'figures', `${name}${extension}`)).equals(first), `${name}${extension}`).toBe(true);
      }
    }
  });
});

describe('renderAll with broken inputs', () => {
  it('reports an empty trials.csv by name for every figure and still writes the report', async () => {
    const run = syntheticRun('empty-trials');
    writeFileSync(join(run.directory, 'trials.csv'), '');
    const result = await renderAll(run.directory, { loadProfile: () => run.profile });
    const trialsPath = join(run.directory, 'trials.csv');
    expect(result.errors.filter((line) => line.startsWith('figure ')).length).toBe(figureCatalog.length);
    for (const line of result.errors) expect(line).toContain(`${trialsPath}: empty file`);
    expect(existsSync(join(run.directory, 'report.html'))).toBe(true);
    expect(readFileSync(join(run.directory, 'report.html'), 'utf8')).toContain('Could not render');
  });

  it('fails only the figure whose CSV is malformed, and removes its stale files', async () => {
    const run = syntheticRun('bad-traces');
    const figures = figureCatalog.filter((f) => ['convergence', 'max-fitness'].includes(f.name));
    const first = await renderAll(run.directory, { loadProfile: () => run.profile, figures });
    expect(first.errors).toEqual([]);
    writeFileSync(join(run.directory, 'traces.csv'), 'trial_id,study\nonly,two,columns,here\n');
    const result = await renderAll(run.directory, { loadProfile: () => run.profile, figures });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^figure convergence: .*traces\.csv: /);
    expect(result.written).toContain(join(run.directory, 'figures', 'max-fitness.svg'));
    expect(existsSync(join(run.directory, 'figures', 'convergence.svg'))).toBe(false);
  });

  it('names a missing best schedule and a missing profile', async () => {
    const run = syntheticRun('no-best');
    rmSync(join(run.directory, 'best'), { recursive: true });
    const figures = figureCatalog.filter((f) => ['schedule-gantt', 'traffic-consumption', 'reevaluation'].includes(f.name));
    const result = await renderAll(run.directory, { loadProfile: () => { throw new Error('profile unavailable'); }, figures });
    expect(result.errors).toHaveLength(2);
    expect(result.errors.find((line) => line.startsWith('figure schedule-gantt'))).toMatch(/best\/scaling__genetic__30__mid__\d\.json: file not found/);
    expect(result.errors.find((line) => line.startsWith('figure traffic-consumption'))).toMatch(/file not found|profile unavailable/);
  });

  it('skips, without error, the figures of studies the run does not have', async () => {
    const run = syntheticRun('scaling-only');
    const lines = readFileSync(join(run.directory, 'trials.csv'), 'utf8').split('\n');
    writeFileSync(join(run.directory, 'trials.csv'), lines.filter((line, i) => i === 0 || line.includes(',scaling,')).join('\n'));
    const result = await renderAll(run.directory, { loadProfile: () => run.profile });
    expect(result.errors).toEqual([]);
    expect(result.skipped.map((line) => line.split(':')[0]).sort()).toEqual(['benchmark-anytime', 'benchmark-gaps', 'calibration-ga', 'calibration-ls', 'max-fitness', 'reevaluation']);
    // a run without a benchmark study has no section for it, nor its figures in the list
    const html = readFileSync(join(run.directory, 'report.html'), 'utf8');
    expect(html).not.toContain('id="benchmark"');
    expect(html).not.toContain('benchmark-gaps');
  });

  it('leaves header-only tables (studies the run does not have) out of the report, without error', async () => {
    const run = syntheticRun('empty-table');
    writeFileSync(join(run.directory, 'tables', 'sensitivity.csv'), 'algorithm,experiments,ress,setting,n,mean_fitness\n');
    const result = await renderAll(run.directory, { loadProfile: () => run.profile });
    expect(result.errors).toEqual([]);
    const markdown = readFileSync(join(run.directory, 'report.md'), 'utf8');
    expect(markdown).not.toContain('tables/sensitivity.csv');
    expect(markdown).toContain('tables/fitness.csv');
  });
});
