/** When a search stops: after `maxSteps` steps, or once the best fitness reaches `targetFitness`. */
export class Termination {
  constructor(
    readonly maxSteps: number,
    readonly targetFitness = Number.POSITIVE_INFINITY,
  ) {}

  isDone(step: number, bestFitness: number): boolean {
    return step >= this.maxSteps || bestFitness >= this.targetFitness;
  }
}
