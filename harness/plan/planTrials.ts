import { getAlgorithm } from '../../algorithms/registry.js';
import { deriveSeed } from '../../algorithms/random/rng.js';
import type { RunBudget } from '../../algorithms/termination.js';
import type { AlgorithmEntry, Study, StudyBudget, StudyConfig } from '../config/studyConfig.js';
import { experimentSetSeed } from './experimentSetSeed.js';
import { gridCombinations, gridTag } from './gridCombinations.js';
import { trialKind, type Trial, type TrialRestart } from './trial.js';

/**
 * Expands a config into its trials, in plan order: study → size → RESS → repetition →
 * algorithm → grid combination. Pure: the same config always yields the same list, ids and seeds.
 * Benchmark trials share no initial population (initialPopulationSize 0) and carry the study's budget.
 * The runs' randomness — trial seeds and shared initial populations — derives from `config.runSeed`
 * when set (`--run-seed`), else from `baseSeed`; the problems — experiment sets and re-evaluation's
 * base schedule — always from `baseSeed`, so two run seeds solve the same instances.
 */
export function planTrials(config: StudyConfig): Trial[] {
  const trials: Trial[] = [];
  const runSeed = config.runSeed ?? config.baseSeed;
  for (const study of config.studies) {
    for (const size of study.sizes) {
      for (const ress of study.ress) {
        for (let repetition = 1; repetition <= study.repetitions; repetition++) {
          const populationSeed = deriveSeed(runSeed, `${study.name}/${ress}/n${size}/r${repetition}`);
          for (const entry of study.algorithms) {
            for (const combination of gridCombinations(entry.grid)) {
              const id = [study.name, entry.label ?? entry.name, ...(entry.grid ? [gridTag(combination)] : []), ress, `n${size}`, `r${repetition}`].join('/');
              const params = resolveParams(entry, combination);
              trials.push({
                id,
                index: trials.length,
                study: study.name,
                ...(study.kind !== study.name ? { kind: study.kind } : {}),
                algorithm: entry.name,
                ...(entry.label !== undefined ? { label: entry.label } : {}),
                params,
                ...(entry.grid ? { grid: combination } : {}),
                experiments: size,
                ress,
                repetition,
                seed: deriveSeed(runSeed, id),
                populationSeed,
                initialPopulationSize: study.kind === 'benchmark' ? 0 : typeof params.populationSize === 'number' ? params.populationSize : study.initialPopulationSize,
                ...(study.sampler === 'robust' ? { sampler: 'robust' as const } : {}),
                experimentSetSeed: experimentSetSeed(config.baseSeed, ress),
                restart: restartOf(config, study, ress, size, entry),
                ...(study.budget || entry.wallTimeCap ? { budget: budgetOf(study.budget, entry.wallTimeCap?.seconds) } : {}),
              });
            }
          }
        }
      }
    }
  }
  const ids = new Set<string>();
  for (const trial of trials) {
    if (ids.has(trial.id)) throw new Error(`two trials share the id ${trial.id}: list each algorithm once per study (use "grid" for parameter sweeps)`);
    ids.add(trial.id);
  }
  return trials;
}

/** The study's budget, with an entry's wall-time cap (the tighter of the two times). */
function budgetOf(budget: StudyBudget | undefined, capSeconds: number | undefined): RunBudget {
  const seconds = Math.min(budget?.seconds ?? Number.POSITIVE_INFINITY, capSeconds ?? Number.POSITIVE_INFINITY);
  return {
    ...(budget?.evaluations !== undefined ? { evaluations: budget.evaluations } : {}),
    ...(Number.isFinite(seconds) ? { milliseconds: seconds * 1000 } : {}),
    // a cap alone (no study budget) only adds a limit: the algorithm's own steps still apply
    ownSteps: budget?.ownSteps ?? true,
  };
}

/** The algorithm's complete parameters: defaults, then the entry's params, then the grid values. */
function resolveParams(entry: AlgorithmEntry, combination: Record<string, number>): Record<string, unknown> {
  return getAlgorithm(entry.name).paramsSchema.parse({ ...entry.params, ...combination }) as Record<string, unknown>;
}

function restartOf(config: StudyConfig, study: Study, ress: string, size: number, entry: AlgorithmEntry): TrialRestart | undefined {
  if (!study.restart) return undefined;
  const { hour, discardIds, baseSchedule } = study.restart;
  const population = entry.reschedulingPopulation;
  return {
    hour,
    discardIds,
    baseSchedule: {
      algorithm: baseSchedule.algorithm,
      params: getAlgorithm(baseSchedule.algorithm).paramsSchema.parse(baseSchedule.params) as Record<string, unknown>,
      seed: deriveSeed(config.baseSeed, `${study.name}/base-schedule/${ress}/n${size}`),
    },
    ...(population !== undefined && population !== 'sound' ? { population } : {}),
  };
}

/**
 * Keeps the trials of the named studies (`--only scaling,reevaluation`). Ids, seeds and plan
 * indices are those of the full plan, so partial runs share one journal.
 */
export function selectStudies(trials: readonly Trial[], only: readonly string[] | undefined): Trial[] {
  if (!only || only.length === 0) return [...trials];
  // a name selects that study, a kind every study of that kind ("scaling" and "scaling-low-budget")
  return trials.filter((trial) => only.includes(trial.study) || only.includes(trialKind(trial)));
}
