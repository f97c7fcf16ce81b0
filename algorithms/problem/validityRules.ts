/**
 * The validity rules of spec §4 that concern one experiment's own schedule, as bit flags
 * (capacity, rule 5, spans experiments and is counted separately in the capacity-load table).
 * Rule 3's "consecutive hours" holds by construction: a schedule is a start and a duration.
 */
export const Rule = {
  /** 1. d ≥ minDuration */
  minDuration: 1 << 0,
  /** 2. consumed(k) ≥ minTraffic(k, d) in every hour */
  enoughTraffic: 1 << 1,
  /** 3. every assignment has a fraction > 0 (and there is at least one hour) */
  uninterrupted: 1 << 2,
  /** 4. business experiments use the same groups in every hour */
  sameGroups: 1 << 3,
  /** 6. every hour lies inside the profile */
  insideProfile: 1 << 4,
  /** §10: a running experiment starts at hour 0 */
  runningPinned: 1 << 5,
  /** §10: a running business experiment keeps its groups */
  runningKeepsGroups: 1 << 6,
} as const;

export type RuleName = keyof typeof Rule | 'capacity';
