/**
 * One scale measurement in a fresh process (spawned by scripts/scaleCases.ts): samples the start
 * population, runs the algorithm, and prints one JSON line with wall and CPU time of each phase,
 * the process's peak resident memory and the result. A process of its own so that the peak
 * memory is this run's alone. No yargs here: loading it under tsx slows typed arrays (benchCases.ts).
 *
 * `node --import tsx scripts/scaleRun.ts '{"algorithm":"genetic","ress":"mid","size":1000,"sampler":"robust","params":{}}'`
 */
import { resolve } from 'node:path';
import { samplePopulation } from '../algorithms/operators/samplePopulation.js';
import type { SamplerName } from '../algorithms/operators/buildIndividual.js';
import type { Individual } from '../algorithms/problem/individual.js';
import { createProblem } from '../algorithms/problem/problem.js';
import { Rng } from '../algorithms/random/rng.js';
import { getAlgorithm } from '../algorithms/registry.js';
import { openDataSource, type Ress } from '../datasets/dataSource.js';
import { cliExperimentSetSeed } from '../harness/plan/experimentSetSeed.js';

export interface ScaleRunSpec {
  readonly algorithm: string;
  readonly ress: Ress;
  readonly size: number;
  readonly sampler: SamplerName;
  /** algorithm parameters beyond its defaults */
  readonly params?: Record<string, unknown>;
  /** size of the start population GA/LS/SA get (the paper's: an RS population of 40); 0: the algorithm samples its own */
  readonly populationSize?: number;
}

export interface ScaleRunResult {
  readonly spec: ScaleRunSpec;
  readonly setSeed: number;
  readonly scheduledHours: number;
  readonly samplingSeconds: number;
  readonly runSeconds: number;
  readonly cpuSeconds: number;
  readonly peakRssBytes: number;
  readonly fitness: number;
  readonly valid: boolean;
  readonly evaluations: number;
}

const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;

export function runScaleSpec(spec: ScaleRunSpec): ScaleRunResult {
  // the builtin data: always present, and what `npm run schedule -- --set RESS:N` uses by default
  const source = openDataSource('builtin');
  const setSeed = cliExperimentSetSeed(spec.ress, undefined).seed;
  const problem = createProblem(source.profile(), source.experimentSet(spec.size, spec.ress, setSeed), { source: `builtin ${spec.ress}:${spec.size}` });
  const algorithm = getAlgorithm(spec.algorithm);
  const params = algorithm.paramsSchema.parse(spec.params ?? {});
  const populationSize = spec.populationSize ?? 40;

  const cpuStart = process.cpuUsage();
  const samplingStart = performance.now();
  // the paper's set-up: GA/LS/SA start from an RS population; RS and constructive algorithms sample (or build) their own
  const ownStart = populationSize === 0 || spec.algorithm === 'random-sampling' || algorithm.constructive === true;
  let population: Individual[] | undefined = ownStart ? undefined : samplePopulation(problem, populationSize, Rng.fromSeed(1), spec.sampler);
  const runStart = performance.now();
  const result = algorithm.run(problem, params, { rng: Rng.fromSeed(2), initialPopulation: population, sampler: spec.sampler });
  const runEnd = performance.now();
  population = undefined;
  let scheduledHours = 0;
  for (const schedule of result.best.schedules) scheduledHours += schedule.duration;
  return {
    spec,
    setSeed,
    scheduledHours,
    samplingSeconds: (runStart - samplingStart) / 1000,
    runSeconds: (runEnd - runStart) / 1000,
    cpuSeconds: cpuSeconds(process.cpuUsage(cpuStart)),
    // maxRSS is in kilobytes: the peak of the whole process (modules, data, the run)
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    fitness: result.best.fitness,
    valid: result.best.valid && result.best.complete,
    evaluations: result.counters.evaluations,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const spec = JSON.parse(process.argv[2] ?? '{}') as ScaleRunSpec;
  console.log(JSON.stringify(runScaleSpec(spec)));
}
