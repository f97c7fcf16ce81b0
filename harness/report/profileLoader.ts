import type { TrafficProfile } from '../../algorithms/problem/trafficProfile.js';
import { openDataSource } from '../../datasets/dataSource.js';

/** Loads the traffic profile of a run's data source (the manifest's `data` spec). */
export type ProfileLoader = (dataSpec: string) => TrafficProfile | Promise<TrafficProfile>;

/** The default: the run's own data source (`builtin`, `fenrir:<folder>`), as the harness opened it. */
export const dataSourceProfileLoader: ProfileLoader = (dataSpec) => openDataSource(dataSpec).profile();
