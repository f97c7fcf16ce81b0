import type { SimulationResult } from './simulateRun.js';

/** The outcome of one simulated run: what simulations.csv holds beside the run's settings. */
export interface RunOutcome {
  readonly hours: number;
  readonly experiments: number;
  readonly completed: number;
  readonly rolledBack: number;
  /** healthy canaries rolled back (the analysis' false alarms) */
  readonly falseRollbacks: number;
  /** canaries whose defect showed */
  readonly failures: number;
  /** failing canaries completed (promoted) without being rolled back */
  readonly missedFailures: number;
  readonly underpowered: number;
  /** requests the under-powered experiments lacked, summed */
  readonly shortfallRequests: number;
  /** that over the requests they were promised */
  readonly shortfallShare: number;
  readonly unfinished: number;
  readonly extensions: number;
  readonly fixes: number;
  /** Σ priority · (end − arrival) / Σ priority, hours; unfinished experiments censored at the run's end */
  readonly weightedTimeToDecision: number;
  readonly meanTimeToDecision: number;
  /** mean hours from a defect showing to the rollback, over rolled-back failing canaries */
  readonly meanDetectionHours: number;
  readonly exposedRequests: number;
  /** exposed requests over the traffic of one service in the hours simulated */
  readonly blastRadius: number;
  readonly capacityOverruns: number;
  readonly replans: number;
  readonly repairs: number;
  readonly plannerEvaluations: number;
}

export function runOutcome(result: SimulationResult): RunOutcome {
  const records = result.experiments;
  const count = (predicate: (record: (typeof records)[number]) => boolean): number => records.filter(predicate).length;
  const underpowered = records.filter((record) => record.status === 'underpowered');
  const shortfallRequests = underpowered.reduce((sum, record) => sum + record.shortfall, 0);
  const promised = underpowered.reduce((sum, record) => sum + record.target, 0);
  let weighted = 0;
  let weights = 0;
  let total = 0;
  for (const record of records) {
    const time = record.end - record.arrival;
    weighted += record.priority * time;
    weights += record.priority;
    total += time;
  }
  const detected = records.filter((record) => record.rolledBackAt !== undefined && record.failedAt !== undefined);
  const exposed = records.reduce((sum, record) => sum + record.exposed, 0);
  return {
    hours: result.hours,
    experiments: records.length,
    completed: count((record) => record.status === 'completed'),
    rolledBack: count((record) => record.status === 'rolled-back'),
    falseRollbacks: count((record) => record.status === 'rolled-back' && record.failedAt === undefined),
    failures: count((record) => record.failedAt !== undefined),
    missedFailures: count((record) => record.status === 'completed' && record.failedAt !== undefined),
    underpowered: underpowered.length,
    shortfallRequests,
    shortfallShare: promised > 0 ? shortfallRequests / promised : 0,
    unfinished: count((record) => record.status === 'unfinished'),
    extensions: records.reduce((sum, record) => sum + record.extensions, 0),
    fixes: count((record) => record.origin === 'fix'),
    weightedTimeToDecision: weights > 0 ? weighted / weights : Number.NaN,
    meanTimeToDecision: records.length > 0 ? total / records.length : Number.NaN,
    meanDetectionHours: detected.length > 0 ? detected.reduce((sum, record) => sum + (record.rolledBackAt! - record.failedAt!), 0) / detected.length : Number.NaN,
    exposedRequests: exposed,
    blastRadius: result.trafficRequests > 0 ? exposed / result.trafficRequests : 0,
    capacityOverruns: result.capacityOverruns,
    replans: result.replans,
    repairs: result.repairs,
    plannerEvaluations: result.plannerEvaluations,
  };
}
