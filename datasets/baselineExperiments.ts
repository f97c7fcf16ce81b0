import type { Experiment, ExperimentBaseType, ExperimentType } from '../algorithms/problem/experiment.js';

/**
 * The paper's 10-experiment baselines (spec §11) and the 5 experiments added in the
 * re-evaluation scenario (spec §10), transcribed from the replication package's
 * experiments_10_{low,mid,high}.json and restart/new_experiments.json. The three RESS
 * variants (required experiment sample size) share ids and mostly types and priorities; they
 * differ in traffic and duration, experiment 5's priority is 1 / 0 / 3, experiment 4 prefers
 * only group3 in the high variant, and experiment 8 is a gradual business test in the low one.
 */
export type Ress = 'low' | 'mid' | 'high';
export const RESS_VARIANTS: readonly Ress[] = ['low', 'mid', 'high'];

/** R = REGRESSION (canary), B = BUSINESS (A/B test); "ramp" = GradualExperiment. */
type Row = readonly [
  id: number,
  kind: 'R' | 'B',
  shape: 'flat' | 'ramp',
  minDurationHours: number,
  requiredTotalTraffic: number,
  /** requests in the first hour, ramps only (0 otherwise) */
  startTraffic: number,
  priority: number,
  preferredGroups: string,
];

const M = 1_000_000;
const K = 1_000;

// id  kind shape    hours  total traffic  start  prio  preferred groups
const LOW: readonly Row[] = [
  [1,  'R', 'ramp',  240,   10 * M,        10 * K, 6, 'group3'],
  [2,  'R', 'flat',  360,    1 * M,        0,      2, 'group1 group4'],
  [3,  'B', 'flat',   96,  500 * K,        0,      3, ''],
  [4,  'R', 'ramp',  168,    1 * M,         1 * K, 8, 'group3 group5'],
  [5,  'B', 'flat',  120,  100 * K,        0,      1, 'group3 group5'],
  [6,  'R', 'flat',   24,   30 * K,        0,      7, 'group1 group4'],
  [7,  'B', 'flat',   48,  300 * K,        0,      8, 'group2'],
  [8,  'B', 'ramp',   96,    1 * M,         1 * K, 4, ''],
  [9,  'R', 'flat',  120,  300 * K,        0,      3, ''],
  [10, 'B', 'flat',   72,  500 * K,        0,      9, ''],
];

const MID: readonly Row[] = [
  [1,  'R', 'ramp',  240,   15 * M,        15 * K, 6, 'group3'],
  [2,  'R', 'flat',  432,    5 * M,        0,      2, 'group1 group4'],
  [3,  'B', 'flat',  120,    2 * M,        0,      3, ''],
  [4,  'R', 'ramp',  240,    3 * M,         3 * K, 8, 'group3 group5'],
  [5,  'B', 'flat',  168,  500 * K,        0,      0, 'group3 group5'],
  [6,  'R', 'flat',   24,   30 * K,        0,      7, 'group1 group4'],
  [7,  'B', 'flat',   72,  300 * K,        0,      8, 'group2'],
  [8,  'R', 'flat',   96,  2.5 * M,        0,      8, ''],
  [9,  'R', 'flat',  144,  500 * K,        0,      3, ''],
  [10, 'B', 'flat',   72,  800 * K,        0,      9, ''],
];

const HIGH: readonly Row[] = [
  [1,  'R', 'ramp',  240,   20 * M,        20 * K, 6, 'group3'],
  [2,  'R', 'flat',  432,   10 * M,        0,      2, 'group1 group4'],
  [3,  'B', 'flat',  168,    5 * M,        0,      3, ''],
  [4,  'R', 'ramp',  264,   10 * M,        10 * K, 8, 'group3'],
  [5,  'B', 'flat',  168,    1 * M,        0,      3, 'group3 group5'],
  [6,  'R', 'flat',   24,   50 * K,        0,      7, 'group1 group4'],
  [7,  'B', 'flat',   96,    1 * M,        0,      8, 'group2'],
  [8,  'R', 'flat',  144,    5 * M,        0,      8, ''],
  [9,  'R', 'flat',  144,    1 * M,        0,      3, ''],
  [10, 'B', 'flat',  240,    2 * M,        0,      9, ''],
];

/** Added at the re-scheduling point of the re-evaluation scenario (spec §10). */
const NEW: readonly Row[] = [
  [51, 'R', 'ramp',  240,   15 * M,        15 * K, 6,  'group3'],
  [52, 'R', 'flat',   96,  500 * K,        0,      6,  ''],
  [53, 'B', 'flat',  240,    2 * M,        0,      8,  ''],
  [54, 'R', 'ramp',  120,    5 * M,         3 * K, 4,  'group1'],
  [55, 'B', 'flat',  168,    1 * M,        0,      10, 'group5'],
];

/** All experiments of the paper target one service. */
const SERVICE = 'service1';

function toExperiment([id, kind, shape, minDuration, requiredTotalTraffic, startTraffic, priority, preferred]: Row): Experiment {
  const type: ExperimentType = kind === 'R' ? 'REGRESSION' : 'BUSINESS';
  const baseType: ExperimentBaseType = shape === 'ramp' ? 'GradualExperiment' : 'Experiment';
  return {
    id,
    type,
    baseType,
    targetService: SERVICE,
    minDuration,
    requiredTotalTraffic,
    priority,
    preferredUserGroup: preferred === '' ? [] : preferred.split(' '),
    // held as a 32-bit float, as the loader does
    ...(shape === 'ramp' ? { startTraffic: Math.fround(startTraffic) } : {}),
  };
}

const TABLES: Record<Ress, readonly Row[]> = { low: LOW, mid: MID, high: HIGH };

/** The 10 baseline experiments of one RESS variant, ids 1–10 in order. */
export function baselineExperiments(ress: Ress): Experiment[] {
  return TABLES[ress].map(toExperiment);
}

/** The 5 experiments (ids 51–55) added in the re-evaluation scenario. */
export function newExperiments(): Experiment[] {
  return NEW.map(toExperiment);
}
