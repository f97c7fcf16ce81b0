// `npm run replicate`. The stop signals are handled before anything else is loaded, so a Ctrl-C
// or SIGTERM that arrives while the command starts is a clean stop too.
import { installStopSignals } from './stopSignals.js';

const stop = installStopSignals((signal, graceMs) =>
  `${signal}: stopping — running trials are abandoned, finished ones are in the journal (${signal === 'SIGINT' ? 'Ctrl-C' : 'signal'} again after ${graceMs / 1000} s to quit at once)`);
const { replicateCommand } = await import('./replicateCommand.js');
await replicateCommand(stop);
