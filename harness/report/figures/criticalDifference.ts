/**
 * Figure — critical-difference diagrams (Demšar 2006, §3.2.2): per study, each algorithm's
 * average fitness rank over the study's instances (1 = best) on one axis; algorithms joined by a
 * thick bar are not significantly different by the Nemenyi test at α = 0.05 (their ranks differ
 * by less than the critical difference CD, drawn above the axis). Read from tables/ranks.csv and
 * tables/friedman.csv (derived from trials.csv). One panel per study with at least 2 instances.
 */
import type { TopLevelSpec } from 'vega-lite';
import { algorithmLabel } from '../algorithmColors.js';
import { figure, skipped, themed, type FigureDefinition } from '../figureDefinition.js';
import type { ResultsFolder } from '../resultsFolder.js';
import { criticalDifferenceCliques } from '../../stats/nemenyi.js';

export interface StudyRanking {
  readonly study: string;
  readonly instances: number;
  readonly criticalDifference: number;
  readonly pValue: number;
  /** sorted by average rank, best first */
  readonly ranks: { algorithm: string; rank: number }[];
}

/** The fitness rankings of ranks.csv and friedman.csv, per study, best algorithm first. */
export function studyRankings(results: ResultsFolder): StudyRanking[] {
  const files = results.tableFiles();
  if (!files.includes('ranks.csv') || !files.includes('friedman.csv')) return [];
  const column = (header: string[], name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${results.path('tables')}: column ${name} missing`);
    return index;
  };
  const friedman = results.table('friedman.csv');
  const ranks = results.table('ranks.csv');
  const [fStudy, fMetric, fInstances, fCd, fP] = ['study', 'metric', 'instances', 'critical_difference', 'p_value'].map((name) => column(friedman.header, name));
  const [rStudy, rMetric, rAlgorithm, rRank] = ['study', 'metric', 'algorithm', 'mean_rank'].map((name) => column(ranks.header, name));
  return friedman.records.filter((record) => record[fMetric] === 'fitness').map((record) => ({
    study: record[fStudy],
    instances: Number(record[fInstances]),
    criticalDifference: Number(record[fCd]),
    pValue: Number(record[fP]),
    ranks: ranks.records.filter((row) => row[rStudy] === record[fStudy] && row[rMetric] === 'fitness')
      .map((row) => ({ algorithm: row[rAlgorithm], rank: Number(row[rRank]) }))
      .sort((a, b) => a.rank - b.rank || a.algorithm.localeCompare(b.algorithm)),
  }));
}

/** The marks of one diagram, laid out as numbers: x = average rank, y = rows below the axis. */
export function diagramLayout(ranking: StudyRanking) {
  const k = ranking.ranks.length;
  const half = Math.ceil(k / 2);
  const cliques = criticalDifferenceCliques(ranking.ranks.map((item) => item.rank), ranking.criticalDifference);
  const labelTop = 1 + cliques.length * 0.35;
  // the better half is labelled on the left edge, the rest on the right, Demšar's layout
  const lines = ranking.ranks.map((item, i) => {
    const left = i < half;
    const row = labelTop + (left ? i : k - 1 - i) * 0.6;
    return { label: `${algorithmLabel(item.algorithm)} (${item.rank.toFixed(2)})`, rank: item.rank, row, edge: left ? 1 : k, align: left ? 'right' : 'left' };
  });
  const bars = cliques.map(([from, to], i) => ({ from: ranking.ranks[from].rank - 0.03, to: ranking.ranks[to].rank + 0.03, row: 0.55 + i * 0.35 }));
  return { k, lines, bars, cd: { from: 1, to: 1 + ranking.criticalDifference }, bottom: labelTop + (half - 1) * 0.6 + 0.6 };
}

export function criticalDifferenceSpec(rankings: readonly StudyRanking[]): TopLevelSpec {
  return themed({
    title: { text: 'Critical-difference diagrams: average fitness rank over the instances', subtitle: 'Nemenyi test at α = 0.05; algorithms joined by a bar are not significantly different (Demšar 2006)' },
    vconcat: rankings.map((ranking) => {
      const { k, lines, bars, cd, bottom } = diagramLayout(ranking);
      const x = { type: 'quantitative', scale: { domain: [1, k], nice: false }, axis: null } as const;
      const y = { type: 'quantitative', scale: { domain: [-1.1, bottom], reverse: true, nice: false }, axis: null } as const;
      return {
        title: { text: `${ranking.study}: ${ranking.instances} instances, Friedman p = ${ranking.pValue.toPrecision(2)}, CD = ${ranking.criticalDifference.toFixed(2)}`, fontSize: 12 },
        width: 560,
        height: Math.round(28 * (bottom + 1.1)),
        layer: [
          // the rank axis at y = 0, ticks at every integer rank
          { data: { values: [{ from: 1, to: k, row: 0 }] }, mark: { type: 'rule', color: '#333333' }, encoding: { x: { field: 'from', ...x }, x2: { field: 'to' }, y: { field: 'row', ...y } } },
          {
            data: { values: Array.from({ length: k }, (_, i) => ({ rank: i + 1 })) },
            layer: [
              { mark: { type: 'tick', orient: 'vertical', color: '#333333', size: 8 }, encoding: { x: { field: 'rank', ...x }, y: { datum: 0, ...y } } },
              { mark: { type: 'text', dy: -10, fontSize: 11 }, encoding: { x: { field: 'rank', ...x }, y: { datum: 0, ...y }, text: { field: 'rank' } } },
            ],
          },
          // the critical difference above the axis
          {
            data: { values: [cd] },
            layer: [
              { mark: { type: 'rule', strokeWidth: 2, color: '#000000' }, encoding: { x: { field: 'from', ...x }, x2: { field: 'to' }, y: { datum: -0.8, ...y } } },
              { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { x: { field: 'to', ...x }, y: { datum: -0.8, ...y }, text: { value: 'CD' } } },
            ],
          },
          // each algorithm: down from its rank, across to its edge, labelled
          {
            data: { values: lines },
            layer: [
              { mark: { type: 'rule', color: '#555555' }, encoding: { x: { field: 'rank', ...x }, y: { field: 'row', ...y }, y2: { datum: 0 } } },
              { mark: { type: 'rule', color: '#555555' }, encoding: { x: { field: 'rank', ...x }, x2: { field: 'edge' }, y: { field: 'row', ...y } } },
              { transform: [{ filter: 'datum.align === "right"' }], mark: { type: 'text', align: 'right', dx: -6, fontSize: 11 }, encoding: { x: { field: 'edge', ...x }, y: { field: 'row', ...y }, text: { field: 'label' } } },
              { transform: [{ filter: 'datum.align === "left"' }], mark: { type: 'text', align: 'left', dx: 6, fontSize: 11 }, encoding: { x: { field: 'edge', ...x }, y: { field: 'row', ...y }, text: { field: 'label' } } },
            ],
          },
          // groups with no significant difference
          { data: { values: bars }, mark: { type: 'rule', strokeWidth: 5, color: '#000000' }, encoding: { x: { field: 'from', ...x }, x2: { field: 'to' }, y: { field: 'row', ...y } } },
        ],
      };
    }),
    config: { view: { stroke: null }, concat: { spacing: 24 } },
    padding: { left: 150, right: 150, top: 8, bottom: 8 },
  } as unknown as TopLevelSpec);
}

export const criticalDifferenceFigure: FigureDefinition = {
  name: 'critical-difference',
  title: 'Critical-difference diagrams',
  async build(results) {
    results.trials(); // the tables it reads are derived from trials.csv: an unreadable trials.csv fails this figure too
    const rankings = studyRankings(results).filter((ranking) => ranking.ranks.length >= 2);
    if (rankings.length === 0) return skipped('no study with at least 2 algorithms on at least 2 instances (tables/friedman.csv)');
    return figure(criticalDifferenceSpec(rankings),
      `Average rank of each algorithm's mean fitness over the instances (size × set) of each study, 1 = best; thick bars join algorithms whose ranks differ by less than the Nemenyi critical difference (α = 0.05). From tables/ranks.csv and tables/friedman.csv.`);
  },
};
