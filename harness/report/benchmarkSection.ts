import { mean } from 'simple-statistics';
import { sortAlgorithms } from './algorithmColors.js';
import { readTypedCsv } from './csvTable.js';
import type { RowOf } from './csvSchema.js';
import type { ResultsFolder } from './resultsFolder.js';

/** `tables/benchmark.csv` as the report reads it (the harness writes it for a benchmark study). */
export const benchmarkTableSchema = {
  family: 'text',
  level: 'text',
  set: 'text',
  experiments: 'number',
  algorithm: 'text',
  n: 'number',
  failed: 'number',
  mean_fitness: 'optionalNumber',
  best_known: 'optionalNumber',
  mean_gap_to_best: 'optionalNumber',
  sd_gap_to_best: 'optionalNumber',
  upper_bound: 'optionalNumber',
  mean_gap: 'optionalNumber',
  sd_gap: 'optionalNumber',
  reached: 'number',
  median_evaluations_to_target: 'optionalNumber',
  mean_rank: 'optionalNumber',
  load: 'optionalNumber',
  peak_load: 'optionalNumber',
} as const;
export type BenchmarkTableRow = RowOf<typeof benchmarkTableSchema>;

/** The study kind of the benchmark (a config holds at most one such study: studyConfig.ts). */
export const BENCHMARK_KIND = 'benchmark';
export const BENCHMARK_HEADING = 'How good are these algorithms?';

export const readBenchmarkTable = (results: ResultsFolder): BenchmarkTableRow[] =>
  readTypedCsv(results.path('tables', 'benchmark.csv'), benchmarkTableSchema);

/** One algorithm on one instance (or averaged over a family's instances). */
export interface BenchmarkCell {
  /** mean relative gap to the certified bound, (bound − F) / bound; to the best known where no bound */
  readonly meanGap: number | null;
  readonly sdGap: number | null;
  readonly meanRank: number | null;
  readonly n: number;
  readonly failed: number;
}

export interface BenchmarkInstanceRow {
  readonly family: string;
  readonly level: string;
  readonly experiments: number;
  readonly peakLoad: number | null;
  readonly bestKnown: number | null;
  readonly upperBound: number | null;
  readonly cells: ReadonlyMap<string, BenchmarkCell>;
}

export interface BenchmarkFamilyRow {
  readonly family: string;
  readonly experiments: number;
  readonly instances: number;
  /** per algorithm: the mean over the family's instances of its mean gap and mean rank */
  readonly cells: ReadonlyMap<string, BenchmarkCell>;
}

/** The report's section "How good are these algorithms?" (present when the run has a benchmark study). */
export interface BenchmarkSection {
  /** what the trials were given, e.g. "10000 evaluations, 10 s cap" (from the manifest's config) */
  readonly budget: string;
  /** true when gaps are to the certified upper bound (else to the best known: no bounds in this run) */
  readonly gapsToBound: boolean;
  readonly algorithms: readonly string[];
  readonly instances: readonly BenchmarkInstanceRow[];
  readonly families: readonly BenchmarkFamilyRow[];
}

/**
 * Builds the section from tables/benchmark.csv: per instance (family level × size) the best known
 * fitness, the bound and every algorithm's mean gap ± sd, and per family and size the mean gap
 * and mean rank over its levels. Pure given the rows and the budget text.
 */
export function benchmarkSection(rows: readonly BenchmarkTableRow[], budget: string): BenchmarkSection {
  const gapsToBound = rows.some((row) => row.upper_bound !== null);
  const algorithms = sortAlgorithms(rows.map((row) => row.algorithm));
  const instanceKey = (row: BenchmarkTableRow) => `${row.set}\u0000${row.experiments}`;
  const byInstance = new Map<string, BenchmarkTableRow[]>();
  for (const row of rows) {
    const key = instanceKey(row);
    byInstance.set(key, [...(byInstance.get(key) ?? []), row]);
  }
  const instances: BenchmarkInstanceRow[] = [...byInstance.values()]
    .map((members) => ({
      family: members[0].family,
      level: members[0].level,
      experiments: members[0].experiments,
      peakLoad: members[0].peak_load,
      bestKnown: members[0].best_known,
      upperBound: members[0].upper_bound,
      cells: new Map(members.map((row) => [row.algorithm, {
        meanGap: gapsToBound ? row.mean_gap : row.mean_gap_to_best,
        sdGap: gapsToBound ? row.sd_gap : row.sd_gap_to_best,
        meanRank: row.mean_rank,
        n: row.n,
        failed: row.failed,
      }])),
    }))
    .sort((a, b) => familyOrder(rows, a.family) - familyOrder(rows, b.family) || a.experiments - b.experiments || levelOrder(rows, a) - levelOrder(rows, b));

  const familyKeys = [...new Map(instances.map((instance) => [`${instance.family}\u0000${instance.experiments}`, instance])).values()];
  const families: BenchmarkFamilyRow[] = familyKeys.map(({ family, experiments }) => {
    const members = instances.filter((instance) => instance.family === family && instance.experiments === experiments);
    const cells = new Map(algorithms.map((algorithm): [string, BenchmarkCell] => {
      const own = members.map((instance) => instance.cells.get(algorithm)).filter((cell): cell is BenchmarkCell => cell !== undefined);
      const meanOf = (pick: (cell: BenchmarkCell) => number | null) => {
        const values = own.map(pick).filter((value): value is number => value !== null);
        return values.length > 0 ? mean(values) : null;
      };
      return [algorithm, {
        meanGap: meanOf((cell) => cell.meanGap), sdGap: null, meanRank: meanOf((cell) => cell.meanRank),
        n: own.reduce((sum, cell) => sum + cell.n, 0), failed: own.reduce((sum, cell) => sum + cell.failed, 0),
      }];
    }));
    return { family, experiments, instances: members.length, cells };
  });
  return { budget, gapsToBound, algorithms, instances, families };
}

/** Families and levels in the order the table (and so the config) lists them. */
function familyOrder(rows: readonly BenchmarkTableRow[], family: string): number {
  return rows.findIndex((row) => row.family === family);
}

function levelOrder(rows: readonly BenchmarkTableRow[], instance: { family: string; level: string }): number {
  return rows.findIndex((row) => row.family === instance.family && row.level === instance.level);
}

/**
 * The benchmark study's budget as configured, from manifest.json, with any entry's own wall-time
 * cap (e.g. "10000 evaluations; random-sampling capped at 10 s wall time").
 */
export function benchmarkBudget(raw: Record<string, unknown>): string {
  type Entry = { name?: string; label?: string; wallTimeCap?: { seconds?: number } };
  type Study = { name?: string; kind?: string; budget?: { evaluations?: number; seconds?: number }; algorithms?: Entry[] };
  const config = raw.config as { content?: { studies?: Study[] } } | undefined;
  const study = config?.content?.studies?.find((candidate) => (candidate.kind ?? candidate.name) === BENCHMARK_KIND);
  const budget = study?.budget;
  if (!budget) return 'the budget in manifest.json';
  const studyWide = [budget.evaluations !== undefined ? `${budget.evaluations} evaluations` : '', budget.seconds !== undefined ? `${budget.seconds} s wall-time cap` : ''].filter(Boolean).join(', ');
  const caps = (study.algorithms ?? [])
    .filter((entry) => entry.wallTimeCap?.seconds !== undefined)
    .map((entry) => `${entry.label ?? entry.name} capped at ${entry.wallTimeCap!.seconds} s wall time`);
  return [studyWide, ...caps].filter(Boolean).join('; ');
}

/** A gap cell for display: `4.7 % ± 0.3` (percent, one decimal), `—` when absent, failures noted. */
export function formatGapCell(cell: BenchmarkCell | undefined): string {
  if (!cell || (cell.meanGap === null && cell.failed === 0)) return '—';
  const failed = cell.failed > 0 ? ` (${cell.failed} failed)` : '';
  if (cell.meanGap === null) return `failed${failed.replace(/^ \((\d+) failed\)$/, ' ×$1')}`;
  const spread = cell.sdGap !== null ? ` ± ${(100 * cell.sdGap).toFixed(1)}` : '';
  return `${(100 * cell.meanGap).toFixed(1)} %${spread}${failed}`;
}

/** A family cell: mean gap and mean rank, `4.7 % · rank 2.3`. */
export function formatFamilyCell(cell: BenchmarkCell | undefined): string {
  if (!cell || cell.meanGap === null) return cell && cell.failed > 0 ? `failed ×${cell.failed}` : '—';
  return `${(100 * cell.meanGap).toFixed(1)} %${cell.meanRank !== null ? ` · rank ${cell.meanRank.toFixed(1)}` : ''}`;
}

/** The algorithms with the smallest mean gap of a row (to highlight; ties all). */
export function bestOfRow(cells: ReadonlyMap<string, BenchmarkCell>): Set<string> {
  const gaps = [...cells].filter(([, cell]) => cell.meanGap !== null).map(([algorithm, cell]) => [algorithm, cell.meanGap!] as const);
  if (gaps.length === 0) return new Set();
  const smallest = Math.min(...gaps.map(([, gap]) => gap));
  return new Set(gaps.filter(([, gap]) => gap <= smallest + 1e-12).map(([algorithm]) => algorithm));
}

/** The section's explanation, shared by the HTML and the Markdown report. */
export function benchmarkIntro(section: BenchmarkSection): string {
  const reference = section.gapsToBound
    ? 'Gap = (certified upper bound − fitness) / bound, per run'
    : 'Gap = (best known − fitness) / best known, per run (this run has no upper bounds)';
  return `Every algorithm at an equal budget (${section.budget}) on the benchmark families (datasets/README.md: instances where capacity binds, hardness measured per instance), each run sampling and paying for its own start. ${reference}; mean ± sd over the runs. Best known = the highest fitness any run (or the greedy) reached. Bold: the smallest mean gap of the row. Rank: per instance and run, 1 = best.`;
}

/** The greedy's gap that counts as "search has room here" (issue 11's acceptance: ≥ 5 % below the bound). */
export const GREEDY_GAP_OF_NOTE = 0.05;

/**
 * The section's finding in one paragraph: on which instances the greedy is at least
 * GREEDY_GAP_OF_NOTE below the certified bound (or, plainly, that none was found and what was
 * tried), and whether any algorithm's mean beat the greedy there. Empty without a greedy or bounds.
 */
export function benchmarkFinding(section: BenchmarkSection): string {
  if (!section.gapsToBound || !section.algorithms.includes('greedy')) return '';
  const percent = (value: number) => `${(100 * value).toFixed(1)} %`;
  const withGreedy = section.instances.filter((instance) => instance.cells.get('greedy')?.meanGap != null);
  const far = withGreedy.filter((instance) => instance.cells.get('greedy')!.meanGap! >= GREEDY_GAP_OF_NOTE);
  const tried = `${withGreedy.length} instances of ${new Set(withGreedy.map((instance) => instance.family)).size} families, ${[...new Set(withGreedy.map((instance) => instance.experiments))].join(' and ')} experiments`;
  if (far.length === 0) return `No instance was found on which the greedy is ${percent(GREEDY_GAP_OF_NOTE)} or more below the certified bound (tried: ${tried}).`;
  const beaten = far.filter((instance) => {
    const greedyGap = instance.cells.get('greedy')!.meanGap!;
    return [...instance.cells].some(([algorithm, cell]) => algorithm !== 'greedy' && cell.meanGap !== null && cell.meanGap < greedyGap - 1e-12);
  });
  const list = far.map((instance) => `${instance.family}/${instance.level} at ${instance.experiments} (${percent(instance.cells.get('greedy')!.meanGap!)})`).join(', ');
  return `The greedy is ${percent(GREEDY_GAP_OF_NOTE)} or more below the certified bound on ${far.length} of ${tried}: ${list}. ` +
    `On ${beaten.length} of them some algorithm's mean gap is smaller than the greedy's; where none is, either the bound or every algorithm is loose — the instances where a new algorithm has something to show.`;
}
