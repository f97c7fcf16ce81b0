import type { Highs } from 'highs';
import { constantMinTraffic, gradualRampNumerator, minTrafficAt } from '../problem/experiment.js';
import type { Problem } from '../problem/problem.js';
import type { AloneCapacity } from './aloneCapacity.js';
import { aloneCapacities } from './aloneCapacity.js';
import type { AloneOptimum } from './experimentAlone.js';
import { durationScore, objectiveTerms, ROUNDING_MARGIN, shortestDuration, type ObjectiveTerms } from './objectiveTerms.js';

export interface CapacityRelaxationOptions {
  /** capacity rows cover hours [0, windowHours) (default: the longest minimum duration + 48, at most 2000) */
  readonly windowHours?: number;
  /** most column-generation rounds (default 100) */
  readonly maxRounds?: number;
  /**
   * wall-time limit in ms of the column generation (default none). Every round's bound is valid,
   * but a time limit makes the result depend on the machine: the studies stop by rounds only.
   */
  readonly timeLimitMs?: number;
}

export interface CapacityRelaxation {
  /** an upper bound on F of every valid schedule (the best Lagrangian bound of all rounds) */
  readonly bound: number;
  /** the restricted LP's value in the last round (not a bound by itself) */
  readonly lpValue: number;
  readonly rounds: number;
  /** the last round added no column: `bound` is the LP relaxation's optimum (up to solver tolerances) */
  readonly converged: boolean;
  readonly rows: number;
  readonly columns: number;
}

/** One (start, duration) choice of one experiment, or the aggregate "starts at or after the window" (start = window). */
interface Pattern {
  readonly experiment: number;
  readonly start: number;
  readonly duration: number;
  /** term_e(s, d), the LP column's cost */
  readonly term: number;
  /** term − the multipliers' penalty */
  readonly value: number;
}

/**
 * Bound (b), with capacity: a Lagrangian relaxation of rule 5 summed over groups.
 *
 * In a valid individual, in every hour h and for every service σ, the experiments of σ running at
 * h consume at least their need (rule 2) and at most what σ's groups send: Σ_g cons(req, k_eg) ≤
 * req_hg·(1 + 2^-22) + ½ per experiment (Σ_e k_eg ≤ 1000 ‰; see `supply`). So
 *     Σ_{e of σ running at h} need_e(h) ≤ supply_σ(h).                                    (C)
 * For any multipliers λ_σh ≥ 0, every valid individual satisfies
 *     F ≤ Σ_σh λ_σh·supply_σ(h) + Σ_e max_{(s,d)} [ term_e(s, d) − Σ_h λ_σh·need_e(h; s, d) ]
 * (add λ·(supply − load) ≥ 0 to F, then let each experiment pick its best pair). This is valid
 * for *every* λ ≥ 0; λ only decides how tight it is. The λ come from HiGHS: the LP over
 * columns (experiment, s, d) with rows (C) and one "pick one pair" row per experiment, grown by
 * column generation (each round adds each experiment's best pair under the current duals).
 * The max is taken over all pairs, not the LP's columns, so the result is certified whatever
 * the LP solver does; it equals the LP relaxation's optimum when column generation converges.
 *
 * term_e(s, d) = duration·minDuration/d + start/(1+s) + coverage·(e's best covered fraction alone)
 * (ObjectiveTerms), and pairs that cannot be valid even alone are left out (constant experiments:
 * need > the hour's total capacity somewhere; gradual: in the first or last hour).
 */
export function capacityRelaxation(problem: Problem, alone: readonly AloneOptimum[], highs: Highs,
  options: CapacityRelaxationOptions = {}): CapacityRelaxation {
  const started = performance.now();
  const terms = objectiveTerms(problem);
  const capacities = aloneCapacities(problem);
  const { hours } = problem.profile;
  const n = problem.experiments.length;
  const longest = Math.max(...problem.experiments.map((experiment) => shortestDuration(experiment.minDuration)));
  const window = Math.max(1, Math.min(hours, options.windowHours ?? Math.min(2000, longest + 48)));
  const maxRounds = options.maxRounds ?? 100;
  const timeLimitMs = options.timeLimitMs ?? Infinity;

  const pricing = problem.experiments.map((_, e) => new ExperimentPricing(problem, e, terms, capacities[e], alone[e].coverageFraction, window));

  // capacity rows: per service, the hours of the window where the experiments' largest needs could exceed the supply
  const services = problem.services.length;
  const supply = serviceSupply(problem, window);
  const rowOf = new Int32Array(services * window).fill(-1);
  const rowHours: number[] = [];
  const largestNeed = new Float64Array(services);
  for (let e = 0; e < n; e++) largestNeed[problem.serviceOf[e]] += pricing[e].largestNeed;
  for (let service = 0; service < services; service++) {
    for (let h = 0; h < window; h++) {
      if (largestNeed[service] > supply[service * window + h]) rowOf[service * window + h] = n + rowHours.push(service * window + h) - 1;
    }
  }
  const rows = n + rowHours.length;

  const lambda = new Float64Array(services * window);
  const evaluate = (): { bound: number; best: Pattern[] } => {
    let bound = terms.constant;
    for (let cell = 0; cell < lambda.length; cell++) if (lambda[cell] > 0) bound += lambda[cell] * supply[cell];
    const best = pricing.map((price, e) => price.best(lambda.subarray(problem.serviceOf[e] * window, (problem.serviceOf[e] + 1) * window)));
    for (const pattern of best) bound += pattern.value;
    return { bound, best };
  };

  let { bound, best } = evaluate();
  if (rowHours.length === 0 || best.some((pattern) => pattern.value === -Infinity)) {
    return { bound: bound + ROUNDING_MARGIN, lpValue: bound, rounds: 0, converged: true, rows: 0, columns: 0 };
  }

  const model = highs.createModel({
    numCols: 0,
    numRows: rows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: [], colLower: [], colUpper: [],
    rowLower: [...new Array<number>(n).fill(1), ...new Array<number>(rowHours.length).fill(-highs.infinity)],
    // capacity rows scaled by 1/supply: coefficients ≈ need/supply, right-hand side 1
    rowUpper: [...new Array<number>(n).fill(1), ...new Array<number>(rowHours.length).fill(1)],
    matrix: { format: 'csc', numRows: rows, numCols: 0, starts: [0], indices: [], values: [] },
  });
  let columns = 0;
  let rounds = 0;
  let converged = false;
  let lpValue = Number.NaN;
  try {
    model.options.set({ output_flag: false });
    const seen = new Set<string>();
    const addColumns = (patterns: readonly Pattern[]) => {
      const starts = [0];
      const indices: number[] = [];
      const values: number[] = [];
      const costs: number[] = [];
      for (const pattern of patterns) {
        const key = `${pattern.experiment}/${pattern.start}/${pattern.duration}`;
        if (seen.has(key)) continue;
        seen.add(key);
        costs.push(pattern.term);
        indices.push(pattern.experiment);
        values.push(1);
        const service = problem.serviceOf[pattern.experiment];
        const end = Math.min(pattern.start + pattern.duration, window);
        for (let h = pattern.start; h < end; h++) {
          const row = rowOf[service * window + h];
          if (row < 0) continue;
          const need = Math.max(0, minTrafficAt(problem.experiments[pattern.experiment], h - pattern.start, pattern.duration));
          if (need === 0) continue;
          indices.push(row);
          values.push(need / supply[service * window + h]);
        }
        starts.push(indices.length);
      }
      const count = costs.length;
      if (count === 0) return 0;
      model.addCols({
        cost: new Float64Array(costs), lower: new Float64Array(count), upper: new Float64Array(count).fill(highs.infinity),
        matrix: { format: 'csc', numRows: rows, numCols: count, starts: new Int32Array(starts), indices: new Int32Array(indices), values: new Float64Array(values) },
      });
      columns += count;
      return count;
    };
    // a zero-capacity "do nothing" column per experiment keeps every restricted LP feasible; its cost −1 is below any real term
    addColumns(problem.experiments.map((_, e) => ({ experiment: e, start: -1, duration: 0, term: -1, value: -1 })));
    addColumns(pricing.flatMap((price) => price.seedPatterns()));
    addColumns(best);
    while (rounds < maxRounds && performance.now() - started < timeLimitMs) {
      rounds++;
      model.run();
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) break;
      lpValue = model.getObjectiveValue() + terms.constant;
      const { rowDual } = model.getSolution();
      lambda.fill(0);
      for (let r = 0; r < rowHours.length; r++) {
        const cell = rowHours[r];
        lambda[cell] = Math.max(0, rowDual[n + r]) / supply[cell];
      }
      const round = evaluate();
      if (round.bound < bound) bound = round.bound;
      const improving = round.best.filter((pattern, e) => pattern.value > rowDual[e] + 1e-9);
      if (addColumns(improving) === 0) {
        converged = true;
        break;
      }
    }
  } finally {
    model.dispose();
  }
  return { bound: bound + ROUNDING_MARGIN, lpValue, rounds, converged, rows: rowHours.length, columns };
}

/**
 * supply_σ(h) for the window's hours: Σ_g req_hg·(1 + 2^-22) + ½·(experiments of σ) per group.
 * Why it is an upper bound on what σ's experiments consume from the groups in hour h: one
 * experiment at k ‰ consumes round(fround(req · fround(k/1000))) ≤ req·k/1000·(1 + 2^-24)² + ½
 * (two float roundings of relative error ≤ 2^-24; req·fround(k/1000) is exact in a double), and
 * the per-mille of one cell sum to ≤ 1000 (rule 5).
 */
function serviceSupply(problem: Problem, window: number): Float64Array {
  const { requests, groups } = problem.profile;
  const width = groups.length;
  const perService = new Float64Array(problem.services.length);
  for (let e = 0; e < problem.experiments.length; e++) perService[problem.serviceOf[e]]++;
  const supply = new Float64Array(problem.services.length * window);
  for (let service = 0; service < problem.services.length; service++) {
    for (let h = 0; h < window; h++) {
      let sum = 0;
      for (let g = 0; g < width; g++) sum += requests[h * width + g] * (1 + 2 ** -22) + 0.5 * perService[service];
      supply[service * window + h] = sum;
    }
  }
  return supply;
}

/** Pricing of one experiment: its best (s, d) given multipliers λ on the window's hours. */
class ExperimentPricing {
  private readonly experiment;
  private readonly shortest: number;
  private readonly lastStart: number;
  private readonly gradual: boolean;
  private readonly coverageTerm: number;
  /** the most it can need in one hour (which capacity rows are worth having) */
  readonly largestNeed: number;
  private readonly prefix: Float64Array;
  private readonly weightedPrefix: Float64Array;

  constructor(private readonly problem: Problem, private readonly e: number, private readonly terms: ObjectiveTerms,
    private readonly capacity: AloneCapacity, coverageFraction: number, private readonly window: number) {
    this.experiment = problem.experiments[e];
    this.shortest = shortestDuration(this.experiment.minDuration);
    const hours = problem.profile.hours;
    this.lastStart = problem.running[e] === 1 ? Math.min(0, hours - this.shortest) : hours - this.shortest;
    this.gradual = problem.gradual[e] === 1;
    this.coverageTerm = terms.coverage[e] * coverageFraction;
    this.largestNeed = this.gradual
      ? Math.max(minTrafficAt(this.experiment, 0, this.shortest), minTrafficAt(this.experiment, this.shortest - 1, this.shortest))
      : constantMinTraffic(this.experiment.requiredTotalTraffic, this.shortest);
    this.prefix = new Float64Array(window + 1);
    this.weightedPrefix = new Float64Array(window + 1);
  }

  /** a few pairs to start the LP with: the shortest duration at early starts, longer durations at hour 0 */
  seedPatterns(): Pattern[] {
    const patterns: Pattern[] = [];
    for (const start of [0, 1, 2, 4, 8, 16, 32]) {
      if (start > this.lastStart || start >= this.window) break;
      if (this.possible(start, this.shortest)) patterns.push(this.pattern(start, this.shortest));
    }
    for (const factor of [1.1, 1.25, 1.5, 2, 3]) {
      const duration = Math.ceil(this.shortest * factor);
      if (this.lastStart >= 0 && duration <= this.problem.profile.hours && this.possible(0, duration)) patterns.push(this.pattern(0, duration));
    }
    return patterns;
  }

  /** the pair maximising term − Σ λ·need (the value is an upper bound on that maximum over all pairs) */
  best(lambda: Float64Array): Pattern {
    const { window, prefix, weightedPrefix } = this;
    for (let h = 0; h < window; h++) {
      prefix[h + 1] = prefix[h] + lambda[h];
      weightedPrefix[h + 1] = weightedPrefix[h] + h * lambda[h];
    }
    const hours = this.problem.profile.hours;
    const { duration: durationWeights, start: startWeights } = this.terms;
    const durationWeight = durationWeights[this.e];
    const startWeight = startWeights[this.e];
    const minDuration = this.experiment.minDuration;
    let best: Pattern = { experiment: this.e, start: -1, duration: 0, term: -Infinity, value: -Infinity };
    const consider = (start: number, duration: number) => {
      if (!this.possible(start, duration)) return;
      const term = durationWeight * durationScore(minDuration, duration) + startWeight / (1 + start) + this.coverageTerm;
      const value = term - this.penalty(start, duration);
      if (value > best.value) best = { experiment: this.e, start, duration, term, value };
    };
    const lastWindowStart = Math.min(this.lastStart, window - 1);
    // every start at or after the window: no multiplier applies; the shortest duration and start = window bound them all
    if (this.lastStart >= window) {
      const term = durationWeight * durationScore(minDuration, this.shortest) + startWeight / (1 + window) + this.coverageTerm;
      best = { experiment: this.e, start: window, duration: this.shortest, term, value: term };
    }
    for (let start = 0; start <= lastWindowStart; start++) consider(start, this.shortest);
    for (let start = 0; start <= lastWindowStart; start++) {
      const startTerm = startWeight / (1 + start);
      if (durationWeight * durationScore(minDuration, this.shortest) + startTerm + this.coverageTerm <= best.value) break;
      for (let duration = this.shortest + 1; start + duration <= hours; duration++) {
        if (durationWeight * durationScore(minDuration, duration) + startTerm + this.coverageTerm <= best.value) break;
        consider(start, duration);
      }
    }
    return best;
  }

  private pattern(start: number, duration: number): Pattern {
    const term = this.terms.duration[this.e] * durationScore(this.experiment.minDuration, duration) +
      this.terms.start[this.e] / (1 + start) + this.coverageTerm;
    return { experiment: this.e, start, duration, term, value: term };
  }

  /** necessary conditions for (s, d) to be valid alone (see the class comment of capacityRelaxation) */
  private possible(start: number, duration: number): boolean {
    if (!this.gradual) {
      return constantMinTraffic(this.experiment.requiredTotalTraffic, duration) <= this.capacity.minimumTotal(start, start + duration);
    }
    const { total } = this.capacity;
    return minTrafficAt(this.experiment, 0, duration) <= total[start] &&
      minTrafficAt(this.experiment, duration - 1, duration) <= total[start + duration - 1];
  }

  /**
   * A lower bound on Σ_{h in [s, s+d) ∩ window} λ_h·need(h − s; d). Constant experiments: exact
   * (need·Σλ). Gradual: need(k) = round(fround(N·k)/d² + start) ≥ start − ½ + k·(N − |N|·2^-23)/d² − ε
   * (N the float numerator, one float rounding of N·k), a line in k, summed with prefix sums.
   */
  private penalty(start: number, duration: number): number {
    const end = Math.min(start + duration, this.window);
    if (start >= end) return 0;
    const { prefix, weightedPrefix } = this;
    const lambdaSum = prefix[end] - prefix[start];
    if (lambdaSum === 0) return 0;
    if (!this.gradual) return Math.max(0, constantMinTraffic(this.experiment.requiredTotalTraffic, duration)) * lambdaSum;
    const numerator = gradualRampNumerator(this.experiment, duration);
    const startTraffic = this.experiment.startTraffic ?? 0;
    const squared = duration * duration;
    const slope = (numerator - Math.abs(numerator) * 2 ** -23) / squared;
    const intercept = startTraffic - 0.5 - (Math.abs(startTraffic) + Math.abs(numerator) / duration + 1) * 2 ** -48;
    const offsetSum = weightedPrefix[end] - weightedPrefix[start] - start * lambdaSum;
    return intercept * lambdaSum + slope * offsetSum;
  }
}
