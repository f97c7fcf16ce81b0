// The part of jstat (no bundled types) that harness/stats uses.
declare module 'jstat' {
  interface Distribution {
    cdf(x: number, ...parameters: number[]): number;
  }
  export const jStat: {
    readonly chisquare: Distribution;
    readonly centralF: Distribution;
  };
}
