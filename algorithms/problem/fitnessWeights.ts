/** Weights of the total fitness F = duration·D + userGroup·U + start·S (spec §5). */
export interface FitnessWeights {
  readonly duration: number;
  readonly userGroup: number;
  readonly start: number;
}

export const PAPER_WEIGHTS: FitnessWeights = Object.freeze({ duration: 0.4, userGroup: 0.2, start: 0.4 });
