// `npm run reference`. Stop signals first, as in replicate.ts: a Ctrl-C is a clean stop (the run resumes).
import { installStopSignals } from './stopSignals.js';

const stop = installStopSignals((signal, graceMs) =>
  `${signal}: stopping — finished trials are in the journal, the committed reference is untouched (${signal === 'SIGINT' ? 'Ctrl-C' : 'signal'} again after ${graceMs / 1000} s to quit at once)`);
const { referenceCommand } = await import('./referenceCommand.js');
await referenceCommand(stop);
