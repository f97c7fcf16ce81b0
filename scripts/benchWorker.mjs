// Worker thread of `npm run bench` (see scripts/benchCases.ts for why the cases run here).
// Worker threads of Node 20 do not inherit tsx's loader, so this plain module loads the cases through tsx's API.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { runBenchCases } = await tsImport('./benchCases.ts', import.meta.url);
await runBenchCases(workerData.filters, (result) => parentPort.postMessage(result));
