import { join, relative, resolve } from 'node:path';
import { InputError } from '../../algorithms/problem/inputError.js';
import { runSimulationStudy, type SimulationStudyResult } from '../simulation/runSimulationStudy.js';
import { configOfManifest, isSimulationFolder, MANIFEST_FILE, readSimulationManifest } from '../simulation/simulationManifest.js';

/**
 * Combines the folders of one simulation study (its shards, or partial runs) into `out`: the union
 * of their journals (harness/simulation/runSimulationStudy mergeJournals: two records of one run
 * must agree, records of other code are refused), then — when every run of the plan is there —
 * every table, the report and the figures, byte for byte those of one machine running the whole
 * study (timings.csv and simulation.json aside). With runs missing only the journal and a partial
 * simulation.json are written, and the summary says how many. Nothing is simulated.
 */
export async function mergeSimulations(inputs: readonly string[], out: string, options: { figures?: boolean; log?: (line: string) => void } = {}): Promise<SimulationStudyResult & { folder: string }> {
  const folder = resolve(out);
  const sources = [...new Set(inputs.map((input) => resolve(input)))];
  if (sources.length === 0) throw new InputError('merge', undefined, 'name at least one results folder to merge');
  const manifests = sources.map(readSimulationManifest);
  const reference = manifests[0];
  const shown = (source: string) => relative(process.cwd(), source) || '.';
  const check = (manifest: typeof reference, source: string) => {
    if (manifest.config.sha256 !== reference.config.sha256) {
      throw new InputError(join(source, MANIFEST_FILE), 'config.sha256', `${shown(source)} ran another config than ${shown(sources[0])} (${manifest.config.name} ${manifest.config.sha256.slice(0, 12)} vs ${reference.config.name} ${reference.config.sha256.slice(0, 12)}): only runs of one config can be merged`);
    }
    if (manifest.data !== reference.data) throw new InputError(join(source, MANIFEST_FILE), 'data', `data source ${manifest.data} of ${shown(source)} differs from ${reference.data}`);
  };
  manifests.forEach((manifest, i) => check(manifest, sources[i]));
  if (isSimulationFolder(folder) && !sources.includes(folder)) check(readSimulationManifest(folder), folder);
  const result = await runSimulationStudy(configOfManifest(reference), {
    out: folder,
    data: reference.data,
    mergeFrom: sources.filter((source) => source !== folder),
    simulateMissing: false,
    figures: options.figures ?? true,
    command: 'npm run merge',
    // nothing dropped silently: damaged lines and records the plan cannot use are said, with their count
    onResume: (resume) => {
      const notes = [
        resume.damaged > 0 ? `${resume.damaged} damaged journal line${resume.damaged === 1 ? '' : 's'} skipped (their runs count as missing)` : '',
        resume.stale > 0 ? `${resume.stale} record${resume.stale === 1 ? '' : 's'} of ${shown(folder)} made with another scenario, data source or code not used` : '',
        resume.tornBytes > 0 ? `a torn last line of ${shown(folder)}'s journal (${resume.tornBytes} bytes) cut off` : '',
      ].filter(Boolean);
      if (notes.length > 0) options.log?.(`warning: ${notes.join('; ')}`);
    },
  });
  return { ...result, folder };
}
