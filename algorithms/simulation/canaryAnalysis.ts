import { errorFunction } from 'simple-statistics';
import type { NormalDraws } from './normalDraws.js';

/** How a canary's metrics are simulated and judged (a Kayenta-style canary analysis of latency). */
export interface CanaryAnalysisParameters {
  /** mean latency of the baseline (ms) */
  readonly latencyMs: number;
  /** standard deviation of one request's latency over its mean (coefficient of variation) */
  readonly latencyCv: number;
  /** relative latency increase of a failing canary (0.05: 5 % slower) */
  readonly degradation: number;
  /** metric values per hour and side: one per analysis interval (12: Kayenta's 5-minute intervals) */
  readonly intervalsPerHour: number;
  /** each judgement compares the values of the last `windowHours` hours */
  readonly windowHours: number;
  /** no judgement before this many hours of data */
  readonly minimumHours: number;
  /** one-sided significance level of the Mann–Whitney test (canary slower than baseline) */
  readonly alpha: number;
  /** the canary's mean must also exceed the baseline's by this share (Kayenta's allowed increase) */
  readonly minimumEffect: number;
  /** failing judgements in a row that roll the canary back */
  readonly consecutiveFailures: number;
}

export interface Judgement {
  /** one-sided p-value: canary latency stochastically greater than baseline latency */
  readonly pValue: number;
  /** mean canary latency over mean baseline latency in the window */
  readonly ratio: number;
  readonly fails: boolean;
}

/**
 * The metric analysis of one running canary, the way Kayenta-style canary analysis works: every
 * analysis interval gives one latency value of the canary and one of a baseline deployment of the
 * same size (the recommended set-up: equal sizes make the two series comparable); after every hour
 * the values of the last `windowHours` hours are compared by a one-sided Mann–Whitney test and the
 * ratio of means. A judgement fails when the canary is significantly slower (p < alpha) AND slower
 * by at least `minimumEffect`; `consecutiveFailures` failing judgements in a row roll it back.
 *
 * Each interval's value is the mean latency of the requests in it: by the central limit theorem
 * normal with mean `latencyMs` (× (1 + degradation) while failing) and standard deviation
 * latencyMs · latencyCv / √(requests per interval). So a canary with more traffic has less noisy
 * values and is judged sooner: detection takes time and traffic.
 */
export class CanaryAnalysis {
  private readonly canary: Float64Array;
  private readonly baseline: Float64Array;
  private filled = 0;
  private position = 0;
  private hours = 0;
  private failingInARow = 0;

  constructor(readonly parameters: CanaryAnalysisParameters, private readonly scratch: JudgementScratch) {
    const capacity = parameters.windowHours * parameters.intervalsPerHour;
    this.canary = new Float64Array(capacity);
    this.baseline = new Float64Array(capacity);
  }

  /** hours of data seen */
  get hoursObserved(): number {
    return this.hours;
  }

  /** Adds one hour of metric values: the canary served `requests` in it, degraded when `failing`. */
  observeHour(requests: number, failing: boolean, normals: NormalDraws): void {
    const { latencyMs, latencyCv, degradation, intervalsPerHour } = this.parameters;
    this.hours++;
    if (requests <= 0) return;
    const perInterval = Math.max(1, requests / intervalsPerHour);
    const spread = (latencyMs * latencyCv) / Math.sqrt(perInterval);
    const canaryMean = failing ? latencyMs * (1 + degradation) : latencyMs;
    for (let i = 0; i < intervalsPerHour; i++) {
      this.canary[this.position] = canaryMean + spread * normals.next();
      this.baseline[this.position] = latencyMs + spread * normals.next();
      this.position = (this.position + 1) % this.canary.length;
      if (this.filled < this.canary.length) this.filled++;
    }
  }

  /** Judges the window after an hour; true when the canary is to be rolled back now. */
  judgeHour(): boolean {
    if (this.hours < this.parameters.minimumHours || this.filled < 2) return false;
    const judgement = judgeSamples(this.canary, this.baseline, this.filled, this.parameters, this.scratch);
    this.failingInARow = judgement.fails ? this.failingInARow + 1 : 0;
    return this.failingInARow >= this.parameters.consecutiveFailures;
  }
}

/** Reusable sort buffers for judgements (one per simulated run). */
export class JudgementScratch {
  canary = new Float64Array(0);
  baseline = new Float64Array(0);

  ensure(size: number): void {
    if (this.canary.length >= size) return;
    this.canary = new Float64Array(size);
    this.baseline = new Float64Array(size);
  }
}

/**
 * One judgement on the first `count` values of two equally long samples: the one-sided Mann–Whitney
 * test in its normal approximation with continuity correction (R's `wilcox.test(canary, baseline,
 * alternative = "greater", exact = FALSE)`; the values are continuous, so ties have probability 0
 * and count one half if they occur, without a variance correction) and the ratio of the means.
 */
export function judgeSamples(canary: Float64Array, baseline: Float64Array, count: number, parameters: Pick<CanaryAnalysisParameters, 'alpha' | 'minimumEffect'>, scratch = new JudgementScratch()): Judgement {
  scratch.ensure(count);
  const x = scratch.canary.subarray(0, count);
  const y = scratch.baseline.subarray(0, count);
  x.set(canary.subarray(0, count));
  y.set(baseline.subarray(0, count));
  x.sort();
  y.sort();
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < count; i++) {
    sumX += x[i];
    sumY += y[i];
  }
  // U1: pairs with canary > baseline, ties one half, by a merge of the sorted samples
  let u1 = 0;
  let below = 0;
  for (let i = 0; i < count; i++) {
    const value = x[i];
    while (below < count && y[below] < value) below++;
    let equal = 0;
    while (below + equal < count && y[below + equal] === value) equal++;
    u1 += below + equal / 2;
  }
  const mean = (count * count) / 2;
  const sd = Math.sqrt((count * count * (2 * count + 1)) / 12);
  const z = (u1 - mean - 0.5) / sd;
  const pValue = 0.5 * (1 - errorFunction(z / Math.SQRT2));
  const ratio = sumX / sumY;
  return { pValue, ratio, fails: pValue < parameters.alpha && ratio >= 1 + parameters.minimumEffect };
}
