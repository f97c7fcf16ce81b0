// Tinypool worker entry of `npm run simulate` (see harness/run/trialWorkerEntry.mjs: Node 20 worker
// threads do not inherit tsx's loader, so the TypeScript task is loaded through tsx's API).
import { tsImport } from 'tsx/esm/api';

const { runSimulationTask } = await tsImport('./simulationTask.ts', import.meta.url);

export default runSimulationTask;
