import type { TopLevelSpec } from 'vega-lite';
import { figureTheme, vegaLiteSchema } from './theme.js';
import type { ResultsFolder } from './resultsFolder.js';

/** What a notebook's figure builder returns: a spec to render, or why this run has nothing to show. */
export type FigureOutcome =
  | { readonly kind: 'figure'; readonly spec: TopLevelSpec; readonly caption: string }
  | { readonly kind: 'skipped'; readonly reason: string };

/** One figure of the report: a notebook exports one of these. */
export interface FigureDefinition {
  /** file stem under figures/, e.g. `fitness-scaling` */
  readonly name: string;
  /** heading in the report */
  readonly title: string;
  /** `benchmark`: shown in the section "How good are these algorithms?" instead of the figure list */
  readonly section?: 'benchmark';
  build(results: ResultsFolder): Promise<FigureOutcome>;
}

export const skipped = (reason: string): FigureOutcome => ({ kind: 'skipped', reason });
export const figure = (spec: TopLevelSpec, caption: string): FigureOutcome => ({ kind: 'figure', spec, caption });

/** Adds the schema label and the report theme, so notebooks only describe their data and marks. */
export function themed(spec: TopLevelSpec): TopLevelSpec {
  return { $schema: vegaLiteSchema, ...spec, config: { ...figureTheme, ...(spec.config ?? {}) } } as TopLevelSpec;
}
