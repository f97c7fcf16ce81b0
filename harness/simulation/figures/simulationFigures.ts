import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { CsvValue } from '../../output/csv.js';
import { renderFigureFiles } from '../../report/renderFigure.js';
import { forecastLabel, replanningLabel } from '../simulationPlan.js';
import type { FinishedRun } from '../simulationSummary.js';
import { outcomeVsForecastSpec, outcomeVsReplanningSpec } from './outcomeFigures.js';
import { runTimelineSpec, timelineRun } from './runTimeline.js';

type Row = Record<string, CsvValue>;

/** A figure of a simulation study: rendered into figures/, or skipped with a reason (the report says which). */
export interface SimulationFigure {
  readonly name: string;
  readonly title: string;
  readonly caption?: string;
  readonly skipped?: string;
  /** paths written (spec, SVG, PNG, PDF) */
  readonly files: readonly string[];
}

interface FigurePlan {
  readonly name: string;
  readonly title: string;
  readonly build: () => { spec: TopLevelSpec; caption: string } | { skipped: string };
}

/**
 * The study's figures, rendered by the project's figure machinery (harness/report/renderFigure:
 * Vega-Lite → `<name>.vl.json`, `.svg`, `.png`, `.pdf`, each written atomically) into
 * `<out>/figures/`, which is emptied first (a figure this study skips leaves no old file behind).
 * Everything is a function of the runs' outcomes and rows: the same seed gives the same SVG.
 */
export async function renderSimulationFigures(out: string, runs: readonly FinishedRun[], experiments: readonly Row[], events: readonly Row[]): Promise<SimulationFigure[]> {
  const directory = join(out, 'figures');
  rmSync(directory, { recursive: true, force: true });
  const distinct = (values: readonly string[]) => new Set(values).size;
  const policies = distinct(runs.map(({ run }) => replanningLabel(run.replanEveryHours, run.replanOnEvents)));
  const forecasts = distinct(runs.map(({ run }) => forecastLabel(run.forecast)));
  const plans: FigurePlan[] = [
    {
      name: 'outcome-vs-replanning',
      title: 'Outcome vs re-planning policy',
      build: () => (policies < 2 ? { skipped: 'the study has one re-planning policy' } : {
        spec: outcomeVsReplanningSpec(runs),
        caption: 'Priority-weighted time to decision and under-powered experiments per run, for every re-planning policy and planner (one column per forecast, one row per outcome and arrival rate). The spread is that of the worlds of the repetitions; the paired comparisons of the tables above are tighter.',
      }),
    },
    {
      name: 'outcome-vs-forecast',
      title: 'Outcome vs forecast error',
      build: () => (forecasts < 2 ? { skipped: 'the study has one forecast' } : {
        spec: outcomeVsForecastSpec(runs),
        caption: 'The same outcomes against the forecast the planner sees (truth, noisy, seasonal-naive, …), one column per re-planning policy.',
      }),
    },
    {
      name: 'run-timeline',
      title: 'Timeline of one simulated run',
      build: () => {
        const withArrivals = new Set(experiments.filter((row) => row.origin === 'arrival').map((row) => String(row.run_id)));
        const chosen = timelineRun(runs, (id) => withArrivals.has(id));
        if (!chosen) return { skipped: 'the study has no run' };
        const id = chosen.run.id;
        const { outcome } = chosen;
        return {
          spec: runTimelineSpec({
            runId: id,
            subtitle: `${outcome.experiments} experiments: ${outcome.completed} completed, ${outcome.rolledBack} rolled back, ${outcome.underpowered} under-powered, ${outcome.unfinished} unfinished; ${outcome.replans} re-plans, ${outcome.repairs} repairs; weighted time to decision ${outcome.weightedTimeToDecision.toFixed(1)} h`,
            experiments: experiments.filter((row) => row.run_id === id),
            events: events.filter((row) => row.run_id === id),
          }),
          caption: `Run ${id} (the first re-planning run of the study with a rollback and arrivals): each experiment waits (grey) from its arrival (▲) to its first hour, then runs until its decision, coloured by its fate; • marks the hour a canary's defect showed, + its rollback; vertical rules are the plans made.`,
        };
      },
    },
  ];
  const figures: SimulationFigure[] = [];
  for (const plan of plans) {
    const built = plan.build();
    if ('skipped' in built) {
      figures.push({ name: plan.name, title: plan.title, skipped: built.skipped, files: [] });
      continue;
    }
    const rendered = await renderFigureFiles(directory, plan.name, built.spec);
    figures.push({ name: plan.name, title: plan.title, caption: built.caption, files: rendered.files });
  }
  return figures;
}
