/**
 * The time a run still needs, from the estimated costs of its trials (harness/plan/estimateCost.ts)
 * rather than their count: a 70-experiment GA trial takes a hundred times a 10-experiment RS one.
 * The rate is measured from the first finished trial on, so the workers' start-up (loading
 * TypeScript, building data) does not count as work: remaining = (total − done cost) / rate.
 */
export class RemainingTime {
  private doneCost = 0;
  private first: { at: number; cost: number } | undefined;
  private last: number | undefined;

  constructor(private readonly totalCost: number) {}

  /** One trial finished at `at` (ms) with estimated cost `cost`. */
  record(cost: number, at: number): void {
    this.doneCost += cost;
    if (!this.first) this.first = { at, cost: this.doneCost };
    this.last = at;
  }

  /** Share of the estimated work done, 0–1. */
  get shareDone(): number {
    return this.totalCost > 0 ? Math.min(1, this.doneCost / this.totalCost) : 1;
  }

  /** Seconds left at `at` (ms), or undefined until two trials have finished at different times. */
  secondsLeft(at: number): number | undefined {
    if (!this.first || this.last === undefined || this.last <= this.first.at) return undefined;
    const rate = (this.doneCost - this.first.cost) / (this.last - this.first.at); // cost per ms
    if (!(rate > 0)) return undefined;
    const left = Math.max(0, this.totalCost - this.doneCost) / rate;
    // time since the last completion already counts against what is left
    return Math.max(0, left - (at - this.last)) / 1000;
  }
}
