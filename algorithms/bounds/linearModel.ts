import type { Highs } from 'highs';

/** A small row-wise model builder for HiGHS (variables with bounds, costs and integrality; rows with bounds). */
export class LinearModel {
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly cost: number[] = [];
  private readonly integer: number[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];
  offset = 0;

  get variables(): number {
    return this.cost.length;
  }

  variable(lower: number, upper: number, cost = 0, integer = false): number {
    this.lower.push(lower);
    this.upper.push(upper);
    this.cost.push(cost);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  binary(cost = 0): number {
    return this.variable(0, 1, cost, true);
  }

  addCost(variable: number, cost: number): void {
    this.cost[variable] += cost;
  }

  /** lower ≤ Σ coefficient·variable ≤ upper; repeated variables are summed */
  row(terms: ReadonlyMap<number, number> | readonly (readonly [number, number])[], lower: number, upper: number): void {
    const merged = new Map<number, number>();
    for (const [variable, coefficient] of terms instanceof Map ? terms.entries() : terms) merged.set(variable, (merged.get(variable) ?? 0) + coefficient);
    for (const [variable, coefficient] of [...merged.entries()].sort((a, b) => a[0] - b[0])) {
      if (coefficient === 0) continue;
      this.indices.push(variable);
      this.values.push(coefficient);
    }
    this.starts.push(this.indices.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }

  /**
   * Solves as a maximisation; returns status, objective, dual bound and the variables' values.
   * `stopAt`: interrupt as soon as an incumbent reaches this value (a bound known from elsewhere).
   */
  maximise(highs: Highs, options: Record<string, number | string | boolean>, stopAt = Infinity): { status: number; objective: number; dualBound: number; values: Float64Array; seconds: number; stoppedAtTarget: boolean } {
    const model = highs.createModel({
      numCols: this.variables,
      numRows: this.rowLower.length,
      sense: highs.constants.objectiveSense.maximize,
      offset: this.offset,
      colCost: this.cost, colLower: this.lower, colUpper: this.upper,
      rowLower: this.rowLower.map((value) => (value === -Infinity ? -highs.infinity : value)),
      rowUpper: this.rowUpper.map((value) => (value === Infinity ? highs.infinity : value)),
      matrix: { format: 'csr', numRows: this.rowLower.length, numCols: this.variables, starts: this.starts, indices: this.indices, values: this.values },
      integrality: Int32Array.from(this.integer),
    });
    try {
      model.options.set({ output_flag: false, ...options });
      let stoppedAtTarget = false;
      model.run({
        [highs.constants.callbackType.mipInterrupt](event) {
          if ((event.data.mip_primal_bound ?? -Infinity) >= stopAt) {
            stoppedAtTarget = true;
            event.interrupt();
          }
        },
      });
      const status = model.getModelStatus();
      const info = model.info;
      const hasSolution = info.get('primal_solution_status') === 2;
      return {
        status,
        objective: hasSolution ? model.getObjectiveValue() : -Infinity,
        dualBound: Number(info.get('mip_dual_bound')),
        values: hasSolution ? model.getSolution().colValue : new Float64Array(this.variables),
        seconds: model.getRunTime(),
        stoppedAtTarget,
      };
    } finally {
      model.dispose();
    }
  }
}
