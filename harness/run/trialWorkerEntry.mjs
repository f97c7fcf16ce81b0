// Tinypool worker entry. Worker threads of Node 20 do not inherit tsx's loader from
// `--import tsx` in execArgv, so this plain module loads the TypeScript worker through tsx's API.
import { tsImport } from 'tsx/esm/api';

const { runTrialTask } = await tsImport('./trialWorker.ts', import.meta.url);

export default runTrialTask;
