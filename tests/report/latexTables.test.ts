import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../harness/report/csvTable.js';
import { escapeLatex, latexTable, LONGTABLE_AFTER_ROWS } from '../../harness/report/latexTable.js';
import { renderAll } from '../../harness/cli/figures.js';
import { writeSyntheticResults } from './syntheticResults.js';

/** Checks what a LaTeX compiler would choke on, without one: balanced environments and braces, no unescaped specials, columns per row. */
function checkLatex(tex: string): void {
  const body = tex.split('\n').filter((line) => !line.startsWith('%'));
  const environments: string[] = [];
  for (const line of body) {
    for (const [, kind, name] of line.matchAll(/\\(begin|end)\{(\w+)\}/g)) {
      if (kind === 'begin') environments.push(name);
      else expect(environments.pop(), `\\end{${name}}`).toBe(name);
    }
  }
  expect(environments).toEqual([]);
  const text = body.join('\n').replace(/\\[\\{}&%$#_]/g, ''); // escaped specials and row ends
  let depth = 0;
  for (const char of text) {
    depth += char === '{' ? 1 : char === '}' ? -1 : 0;
    expect(depth).toBeGreaterThanOrEqual(0);
  }
  expect(depth).toBe(0);
  expect(text.replace(/\$[^$]*\$/g, '')).not.toMatch(/[_%#^~]/);
  const spec = /\\begin\{(?:tabular|longtable)\}\{([lr]+)\}/.exec(tex)![1];
  for (const line of body.filter((row) => row.endsWith('\\\\') && !row.startsWith('\\caption'))) {
    expect(line.replace(/\\&/g, '').split('&').length, line).toBe(spec.length);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'schedlab-latex-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('LaTeX tables', () => {
  it('escape every special character of text mode', () => {
    expect(escapeLatex('a_b & 50 % of #1 {x} ~ ^ \\ $')).toBe('a\\_b \\& 50 \\% of \\#1 \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\$');
    expect(escapeLatex('Â12 ≥ 0.71, α = 0.05')).toBe('$\\hat{A}_{12}$ $\\geq$ 0.71, $\\alpha$ = 0.05');
  });

  it('a small table: booktabs rules, numbers right-aligned and shortened, caption and label', () => {
    const table = parseCsvText('study,algorithm,n,mean_fitness\nmax-fitness,genetic+greedy,20,0.912345678\nscaling,local_search,5,0.5\n', 'tables/x.csv');
    const tex = latexTable(table, { caption: 'Fitness: descriptive statistics', label: 'tab:x', source: 'tables/x.csv' });
    checkLatex(tex);
    expect(tex).toContain('\\begin{tabular}{llrr}');
    expect(tex).toContain('max-fitness & genetic+greedy & 20 & 0.9123 \\\\');
    expect(tex).toContain('scaling & local\\_search & 5 & 0.5 \\\\');
    expect(tex).toMatch(/\\toprule\nstudy & algorithm & n & mean\\_fitness \\\\\n\\midrule/);
    expect(tex).toContain('\\caption{Fitness: descriptive statistics}\\label{tab:x}');
  });

  it('a long table becomes a longtable with its header repeated on every page', () => {
    const rows = Array.from({ length: LONGTABLE_AFTER_ROWS + 1 }, (_, i) => `scaling,${i},${i / 7}`).join('\n');
    const tex = latexTable(parseCsvText(`study,experiments,p_value\n${rows}\n`, 't'), { caption: 'c', label: 'tab:t', source: 't' });
    checkLatex(tex);
    expect(tex).toContain('\\begin{longtable}{lrr}');
    expect(tex).toContain('\\endhead');
  });

  it('renderAll writes latex/<table>.tex for every table of a run, each passing the checks', async () => {
    const run = writeSyntheticResults(join(scratch, 'run'));
    const result = await renderAll(run.directory, { loadProfile: () => run.profile, figures: [] });
    expect(result.errors).toEqual([]);
    const files = readdirSync(join(run.directory, 'latex')).sort();
    expect(files).toEqual(expect.arrayContaining(['fitness.tex', 'pairwise.tex', 'friedman.tex', 'comparisons.tex']));
    for (const file of files) checkLatex(readFileSync(join(run.directory, 'latex', file), 'utf8'));
  });
});
