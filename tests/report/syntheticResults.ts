import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../algorithms/random/rng.js';
import { createProfile, type TrafficProfile } from '../../algorithms/problem/trafficProfile.js';
import { deriveTables } from '../../harness/tables/deriveTables.js';

/**
 * A small, fully synthetic results folder that follows the harness contract (manifest,
 * trials.csv, traces.csv, best/, tables/). Values are made up but shaped like a real run
 * (GA ahead of LS/SA ahead of RS, runtimes growing with size), and fully determined by `seed`.
 */
export interface SyntheticRun {
  readonly directory: string;
  readonly profile: TrafficProfile;
  readonly bestTrialIds: string[];
}

const algorithms = ['random-sampling', 'genetic', 'local-search', 'simulated-annealing'];
const baseFitness: Record<string, number> = { 'random-sampling': 0.45, genetic: 0.7, 'local-search': 0.62, 'simulated-annealing': 0.6, greedy: 0.92, 'genetic+greedy': 0.93 };
const baseMs: Record<string, number> = { 'random-sampling': 40, genetic: 400, 'local-search': 900, 'simulated-annealing': 950, greedy: 20, 'genetic+greedy': 420 };
const groups = ['group1', 'group2', 'group3', 'group4', 'group5'];
const benchmarkSets = ['bench/load/x1', 'bench/load/x8', 'bench/groups/g1'];
const benchmarkAlgorithms = ['greedy', 'genetic', 'genetic+greedy'];
const peakLoadOf: Record<string, number> = { 'bench/load/x1': 0.22, 'bench/load/x8': 1.76, 'bench/groups/g1': 1.1 };

export const trialColumns = ['trial_id', 'study', 'algorithm', 'experiments', 'ress', 'repetition', 'seed', 'population', 'generations', 'iterations',
  'fitness', 'duration_score', 'user_group_score', 'start_score', 'valid', 'runtime_ms', 'evaluations', 'crossovers', 'mutations', 'invalid_candidates', 'error'];

/** A GitLab-like daily pattern over `hours` hours, five groups with the paper's shares. */
export function syntheticProfile(hours = 24 * 40): TrafficProfile {
  const shares = [0.4, 0.1, 0.2, 0.15, 0.15];
  const requests = new Int32Array(hours * groups.length);
  for (let h = 0; h < hours; h++) {
    const total = 1_500_000 * (1 + 0.3 * Math.sin(((h % 24) - 8) / 24 * 2 * Math.PI)) * (h % 168 >= 120 ? 0.7 : 1.1);
    shares.forEach((share, g) => { requests[h * groups.length + g] = Math.round(total * share); });
  }
  return createProfile(groups, requests);
}

interface TrialSpec { study: string; algorithm: string; experiments: number; ress: string; repetition: number; population?: number; generations?: number; iterations?: number }

function trialId(spec: TrialSpec): string {
  const setting = spec.population !== undefined ? `/p${spec.population}g${spec.generations}` : spec.iterations !== undefined ? `/i${spec.iterations}` : '';
  return `${spec.study}/${spec.algorithm}/${spec.experiments}/${spec.ress}${setting}/${spec.repetition}`;
}

function trialSpecs(sizes: readonly number[], repetitions: number): TrialSpec[] {
  const specs: TrialSpec[] = [];
  for (const population of [30, 40, 50]) for (const generations of [30, 60, 90]) for (let r = 0; r < 2; r++) {
    specs.push({ study: 'calibration', algorithm: 'genetic', experiments: 25, ress: 'mid', repetition: r, population, generations });
  }
  for (const iterations of [100, 200, 300, 400]) for (let r = 0; r < 2; r++) {
    specs.push({ study: 'calibration', algorithm: 'local-search', experiments: 25, ress: 'mid', repetition: r, iterations });
  }
  for (const algorithm of algorithms) for (let r = 0; r < 6; r++) specs.push({ study: 'max-fitness', algorithm, experiments: 15, ress: 'mid', repetition: r });
  for (const ress of ['low', 'mid', 'high']) for (const experiments of sizes) for (const algorithm of algorithms) for (let r = 0; r < repetitions; r++) {
    specs.push({ study: 'scaling', algorithm, experiments, ress, repetition: r });
  }
  for (const algorithm of ['genetic', 'local-search', 'simulated-annealing']) for (let r = 0; r < 4; r++) specs.push({ study: 'reevaluation', algorithm, experiments: 30, ress: 'mid', repetition: r });
  for (const set of benchmarkSets) for (const experiments of [10, 30]) for (const algorithm of benchmarkAlgorithms) for (let r = 1; r <= 2; r++) {
    specs.push({ study: 'benchmark', algorithm, experiments, ress: set, repetition: r });
  }
  return specs;
}

/** A valid-looking schedule of `count` experiments inside the profile, in the replication package's format. */
function syntheticSchedule(id: string, count: number, rng: Rng, hours: number): unknown {
  const scheduledExperiments = Array.from({ length: count }, (_, i) => {
    const business = i % 3 === 2;
    const duration = 24 + rng.below(72);
    const start = rng.below(Math.max(1, hours - duration - 1));
    const first = groups[rng.below(groups.length)];
    const second = rng.chance(0.4) ? groups[rng.below(groups.length)] : first;
    const fraction = (1 + rng.below(9)) / 1000;
    const assignments = Array.from({ length: duration }, (_, k) => {
      // regression experiments may switch groups part-way; business ones never do (rule 4)
      const used = business || k < duration / 2 ? [first, second] : [second];
      return { hour: start + k, trafficAssignment: Object.fromEntries([...new Set(used)].map((group) => [group, fraction])) };
    });
    const experiment = {
      baseType: i % 4 === 0 ? 'GradualExperiment' : 'Experiment', ...(i % 4 === 0 ? { startTraffic: 100 } : {}),
      id: i + 1, type: business ? 'BUSINESS' : 'REGRESSION', targetService: `service${1 + (i % 2)}`,
      minDuration: 24, requiredTotalTraffic: 30000, priority: 1 + (i % 10), preferredUserGroup: [first],
    };
    return [experiment, { startSlot: start, assignments }];
  });
  return { id, scheduledExperiments };
}

const csvLine = (cells: readonly (string | number)[]) => cells.map(String).join(',');

export interface SyntheticOptions {
  readonly seed?: number;
  readonly sizes?: number[];
  readonly repetitions?: number;
  /** LS/SA trace length (every step written, as an uncompressed trace would be) */
  readonly localSearchSteps?: number;
  /** experiments per saved schedule, at most */
  readonly maxScheduledExperiments?: number;
}

export function writeSyntheticResults(directory: string, options: SyntheticOptions = {}): SyntheticRun {
  const rng = Rng.fromSeed(options.seed ?? 7);
  const sizes = options.sizes ?? [10, 15, 20, 25, 30];
  const repetitions = options.repetitions ?? 3;
  const profile = syntheticProfile();
  mkdirSync(join(directory, 'best'), { recursive: true });
  mkdirSync(join(directory, 'tables'), { recursive: true });

  const trialLines = [trialColumns.join(',')];
  const traceLines = ['trial_id,study,algorithm,experiments,ress,repetition,step,fitness,duration_score,user_group_score,start_score,evaluations,elapsed_ms'];
  const benchmarkRows = new Map<string, { spec: TrialSpec; fitness: number[] }>();
  const bestTrialIds: string[] = [];
  for (const spec of trialSpecs(sizes, repetitions)) {
    const id = trialId(spec);
    const budget = spec.generations ?? spec.iterations ?? 1;
    const sizePenalty = (spec.experiments - 10) * 0.004 * (spec.algorithm === 'genetic' ? 0.5 : 1);
    const ressPenalty = { low: 0, mid: 0.02, high: 0.05 }[spec.ress] ?? 0;
    const fitness = Math.min(0.99, Math.max(0.05, baseFitness[spec.algorithm] - sizePenalty - ressPenalty + (rng.float() - 0.5) * 0.06 + Math.log10(budget) * 0.01));
    const runtime = Math.round(baseMs[spec.algorithm] * (spec.experiments / 10) ** 2 * (0.9 + rng.float() * 0.2));
    const failed = spec.study === 'scaling' && spec.algorithm === 'random-sampling' && spec.experiments === sizes[sizes.length - 1] && spec.repetition === 0 && spec.ress === 'high';
    trialLines.push(csvLine([id, spec.study, spec.algorithm, spec.experiments, spec.ress, spec.repetition, 1000 + trialLines.length,
      spec.population ?? '', spec.generations ?? '', spec.iterations ?? '',
      failed ? '' : fitness.toFixed(6), (fitness + 0.1).toFixed(6), '1.000000', (fitness - 0.2).toFixed(6), failed ? 'false' : 'true',
      runtime, 40 * budget, spec.algorithm === 'genetic' ? 36 * budget : 0, 20 * budget, rng.below(50), failed ? '"sampling did not converge, experiment 3"' : '']));
    if (spec.study === 'scaling' || spec.study === 'max-fitness' || spec.study === 'benchmark') {
      const steps = spec.algorithm === 'greedy' ? 1 : spec.algorithm.startsWith('genetic') ? 30 : spec.algorithm === 'random-sampling' ? 1 : options.localSearchSteps ?? 120;
      const perStep = spec.algorithm.startsWith('genetic') ? 36 : 1;
      for (let step = 0; step < steps; step++) {
        const progress = steps === 1 ? 1 : 1 - Math.exp((-4 * step) / steps);
        const value = fitness * (0.45 + 0.55 * progress);
        traceLines.push(csvLine([id, spec.study, spec.algorithm, spec.experiments, spec.ress, spec.repetition, step, value.toFixed(6), '0.5', '1', '0.2', 40 + perStep * step, step * 3]));
      }
    }
    if (spec.study === 'benchmark') {
      const key = `${spec.ress}/${spec.experiments}/${spec.algorithm}`;
      const entry = benchmarkRows.get(key) ?? { spec, fitness: [] };
      entry.fitness.push(fitness);
      benchmarkRows.set(key, entry);
    }
    const keepsBest = (spec.study === 'scaling' && (spec.algorithm === 'genetic' || spec.algorithm === 'local-search')) || spec.study === 'reevaluation' || spec.study === 'max-fitness';
    if (keepsBest && !failed) {
      writeFileSync(join(directory, 'best', `${id.replaceAll('/', '__')}.json`), JSON.stringify(syntheticSchedule(id, Math.min(spec.experiments, options.maxScheduledExperiments ?? 12), rng, profile.hours)));
      bestTrialIds.push(id);
    }
  }
  writeFileSync(join(directory, 'trials.csv'), `${trialLines.join('\n')}\n`);
  writeFileSync(join(directory, 'traces.csv'), `${traceLines.join('\n')}\n`);
  writeFileSync(join(directory, 'manifest.json'), JSON.stringify({
    name: 'synthetic', config: { data: 'builtin', studies: ['calibration', 'max-fitness', 'scaling', 'reevaluation', 'benchmark'], repetitions },
    seeds: { base: options.seed ?? 7 }, versions: { schedlab: '0.1.0', node: 'v20' }, timings: { total_ms: 1234 },
  }, null, 2));
  // the tables as the harness derives them from this trials.csv (the benchmark's, which also read the traces, made up below)
  const derivable = trialLines.filter((line) => line.split(',')[1] !== 'benchmark');
  for (const [name, text] of deriveTables(`${derivable.join('\n')}\n`)) writeFileSync(join(directory, 'tables', `${name}.csv`), text);
  // tables/benchmark.csv as the harness writes it (the columns the report reads, made-up values; bound 1)
  const benchmarkLines = ['family,level,set,experiments,algorithm,n,failed,mean_fitness,best_known,mean_gap_to_best,sd_gap_to_best,upper_bound,mean_gap,sd_gap,reached,median_evaluations_to_target,mean_rank,load,peak_load'];
  for (const { spec, fitness } of benchmarkRows.values()) {
    const [, family, level] = spec.ress.split('/');
    const meanFitness = fitness.reduce((sum, value) => sum + value, 0) / fitness.length;
    benchmarkLines.push(csvLine([family, level, spec.ress, spec.experiments, spec.algorithm, fitness.length, 0, meanFitness.toFixed(6), '0.95',
      (1 - meanFitness / 0.95).toFixed(6), '0.01', '1', (1 - meanFitness).toFixed(6), '0.01', 1, 200, spec.algorithm === 'genetic' ? 3 : 1.5, '0.3', peakLoadOf[spec.ress]]));
  }
  writeFileSync(join(directory, 'tables', 'benchmark.csv'), `${benchmarkLines.join('\n')}\n`);
  return { directory, profile, bestTrialIds };
}
