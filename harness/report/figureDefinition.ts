import type { TopLevelSpec } from 'vega-lite';
import type { StudyKind } from '../config/studyKinds.js';
import { figureTheme, vegaLiteSchema } from './theme.js';
import type { ResultsFolder } from './resultsFolder.js';

/** What a figure definition's builder returns: a spec to render, or why this run has nothing to show. */
export type FigureOutcome =
  | { readonly kind: 'figure'; readonly spec: TopLevelSpec; readonly caption: string }
  | { readonly kind: 'skipped'; readonly reason: string };

/** One figure of the report: each module of harness/report/figures/ exports one (listed in figureCatalog.ts). */
export interface FigureDefinition {
  /** file stem under figures/, e.g. `fitness-scaling` */
  readonly name: string;
  /** heading in the report */
  readonly title: string;
  /** `benchmark`: shown in the section "How good are these algorithms?" instead of the figure list */
  readonly section?: 'benchmark';
  /**
   * one figure per study of this kind: `build` gets each study's name in turn. The figure of a
   * study named after its kind keeps `name`; any other study's is `<name>--<study>` (its title
   * adds the study). A run without a study of the kind gets one call without a study (to skip).
   */
  readonly perStudy?: StudyKind;
  /** `study`: the study to draw (perStudy figures); undefined: the kind's main study (trials.ts `mainStudyOf`) */
  build(results: ResultsFolder, study?: string): Promise<FigureOutcome>;
}

export const skipped = (reason: string): FigureOutcome => ({ kind: 'skipped', reason });
export const figure = (spec: TopLevelSpec, caption: string): FigureOutcome => ({ kind: 'figure', spec, caption });

/** Adds the schema label and the report theme, so figure definitions only describe their data and marks. */
export function themed(spec: TopLevelSpec): TopLevelSpec {
  return { $schema: vegaLiteSchema, ...spec, config: { ...figureTheme, ...(spec.config ?? {}) } } as TopLevelSpec;
}

/** A figure's file stem for one study (see `perStudy`). */
export const studyFigureName = (definition: Pick<FigureDefinition, 'name' | 'perStudy'>, study: string | undefined): string =>
  study === undefined || study === definition.perStudy ? definition.name : `${definition.name}--${study}`;
