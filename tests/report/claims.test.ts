import { describe, expect, it } from 'vitest';
import { claimsMarkdown, paperClaims, VERDICTS, type ClaimRow } from '../../harness/report/claims.js';
import type { Trial } from '../../harness/report/trials.js';
import { bestOfInterval, bootstrapInterval } from '../../harness/stats/bootstrap.js';

const trial = (overrides: Partial<Trial>): Trial => ({
  trial_id: 't', study: 'scaling', algorithm: 'genetic', experiments: 30, ress: 'mid', repetition: 1, seed: '1',
  population: null, generations: null, iterations: null, fitness: 0.5, duration_score: null, user_group_score: null, start_score: null,
  valid: true, runtime_ms: 1000, evaluations: null, crossovers: null, mutations: null, invalid_candidates: null, error: '', rescheduling_population: '', ...overrides,
  kind: overrides.kind ?? overrides.study ?? 'scaling',
});
const runs = (values: number[], overrides: Partial<Trial>) => values.map((fitness, repetition) => trial({ fitness, repetition, ...overrides }));
const find = (rows: ClaimRow[], prefix: string) => {
  const row = rows.find((item) => item.claim.startsWith(prefix));
  if (!row) throw new Error(`no claim "${prefix}"`);
  return row;
};

describe('bootstrap intervals', () => {
  it('are degenerate for constant samples, reproducible, and widen with the spread', () => {
    expect(bootstrapInterval([[0.5, 0.5, 0.5]], (x) => x[0])).toMatchObject({ low: 0.5, high: 0.5 });
    const sample = [0.1, 0.4, 0.5, 0.9, 0.3];
    expect(bootstrapInterval([sample], (x) => x.reduce((a, b) => a + b) / x.length)).toEqual(bootstrapInterval([sample], (x) => x.reduce((a, b) => a + b) / x.length));
    const best = bestOfInterval(sample, 5)!;
    expect(best.high).toBe(0.9);
    expect(best.low).toBeGreaterThanOrEqual(0.4);
    expect(bestOfInterval(sample, 1)).toMatchObject({ low: 0.1, high: 0.9 });
  });
});

describe('the claims table', () => {
  it('has a row for every published figure of spec §9–§11 and the abstract, all "not in this run" without trials (parity aside)', () => {
    const rows = paperClaims([]);
    expect(rows.map((row) => row.source)).toEqual(['§9', '§9', 'abstract, §11', 'abstract, §11', '§11', '§11', '§11', '§11', '§11',
      '§10', '§10', '§10', '§10', '§10', '§10', '§11', '§11']);
    expect(rows[0].verdict).toBe('reproduced');
    expect(rows.slice(1).every((row) => row.verdict === 'not in this run')).toBe(true);
    for (const row of rows) expect(VERDICTS).toContain(row.verdict);
  });

  it('GA-30: the published 0.738 is judged as a best of 5 runs', () => {
    const close = paperClaims(runs([0.66, 0.68, 0.70, 0.72, 0.74], {}));
    expect(find(close, 'GA 40 × 90').verdict).toBe('reproduced');
    const low = paperClaims(runs([0.60, 0.61, 0.62, 0.63, 0.64], {}));
    // below every best-of-5 of these runs; the package's own runs reach it, so schedlab would be at fault
    expect(find(low, 'GA 40 × 90')).toMatchObject({ verdict: 'not reproduced' });
    expect(find(low, 'GA 40 × 90').evidence).toMatch(/above this code's best-of-5 interval/);
  });

  it('19 %: GA mean over the best of RS, LS, SA per cell, the largest cell decides', () => {
    const cell = (ga: number, ls: number, experiments: number) => [
      ...runs([ga - 0.02, ga, ga + 0.02], { experiments }),
      ...runs([ls - 0.01, ls, ls + 0.01], { experiments, algorithm: 'local-search' }),
      ...runs([0.1, 0.1, 0.1], { experiments, algorithm: 'random-sampling' }),
    ];
    const at19 = find(paperClaims([...cell(0.595, 0.5, 30), ...cell(0.55, 0.5, 40)]), 'GA outperforms');
    expect(at19.verdict).toBe('reproduced');
    expect(at19.thisRun).toMatch(/^largest 19\.0 % \[1\d\.\d, 2\d\.\d\] over local-search at 30 medium RESS \(n 3\/3\); smallest 10\.0 % at 40 medium RESS; 2 cells/);
    const far = find(paperClaims([...cell(0.7, 0.5, 30), ...cell(0.45, 0.5, 10)]), 'GA outperforms');
    expect(far.verdict).toBe('not reproducible from the public code');
    expect(far.evidence).toMatch(/^GA is behind the best other in 1 of 2 cells \(e\.g\. 10 medium RESS\)/);
    expect(far.evidence).toMatch(/largest lead is 0\.200/);
  });

  it('execution times compare the order of the algorithms, not minutes', () => {
    const timed = (algorithm: string, ms: number) => runs([0.5, 0.5, 0.5], { algorithm, experiments: 10, ress: 'low', runtime_ms: ms }).map((item, i) => ({ ...item, runtime_ms: ms + i }));
    const published = paperClaims([...timed('random-sampling', 10), ...timed('genetic', 100), ...timed('local-search', 300), ...timed('simulated-annealing', 310)]);
    expect(find(published, 'Mean execution time, 10 experiments').verdict).toBe('reproduced');
    const ours = paperClaims([...timed('random-sampling', 10), ...timed('genetic', 300), ...timed('local-search', 100), ...timed('simulated-annealing', 110)]);
    expect(find(ours, 'Mean execution time, 10 experiments')).toMatchObject({ verdict: 'not reproduced' });
    expect(find(ours, 'Mean execution time, 10 experiments').evidence).toMatch(/^order differs: RS < LS < SA < GA here/);
    expect(find(ours, 'GA is up to 3×').thisRun).toMatch(/0\.37×/);
    const noisy = paperClaims([...timed('random-sampling', 10), ...runs([0.5, 0.5, 0.5], { experiments: 10, ress: 'low' }).map((item, i) => ({ ...item, runtime_ms: [100, 300, 200][i] })),
      ...timed('local-search', 190), ...timed('simulated-annealing', 210)]);
    expect(find(noisy, 'Mean execution time, 10 experiments')).toMatchObject({ verdict: 'not reproduced', evidence: expect.stringMatching(/^inconclusive at this n/) });
  });

  it('re-evaluation: the as-published start decides; the hypothesis is named when only it matches', () => {
    const reevaluation = (algorithm: string, population: string, values: number[]) => runs(values, { study: 'reevaluation', algorithm, rescheduling_population: population });
    const rows = paperClaims([
      ...reevaluation('local-search', 'sound', [0.70, 0.71, 0.69]),
      ...reevaluation('local-search.as-published', 'as-published', [0.68, 0.69, 0.70]),
      ...reevaluation('local-search.paper-means-hypothesis', 'paper-means-hypothesis', [0.49, 0.50, 0.51]),
      ...reevaluation('genetic', 'sound', [0.68, 0.68, 0.68]),
    ]);
    const lsMean = find(rows, 'Re-evaluation (t = 72, discard 4, 21, 28, add 51–55): LS mean');
    expect(lsMean.verdict).toBe('not reproducible from the public code');
    expect(lsMean.evidence).toBe('decided by the as published start; consistent only with: paper-means hypothesis');
    expect(lsMean.thisRun).toMatch(/^sound 0\.700 .*; as published 0\.690 .*; paper-means hypothesis 0\.500/);
    const gaMean = find(rows, 'Re-evaluation (t = 72, discard 4, 21, 28, add 51–55): GA mean');
    expect(gaMean).toMatchObject({ verdict: 'reproduced', evidence: 'decided by the sound start (the as-published variant is not in this run)' });
  });

  it('renders as one Markdown table row per claim', () => {
    const text = claimsMarkdown(paperClaims([]));
    expect(text.split('\n')).toHaveLength(2 + 17);
    expect(text).toContain('| **reproduced** |');
  });
});
