import { join } from 'node:path';
import { formatExperiments } from '../algorithms/problem/experimentFormat.js';
import { formatGroupTable } from '../algorithms/problem/profileFormat.js';
import { writeFileAtomically } from '../harness/io/writeFileAtomically.js';
import { RESS_VARIANTS, type Ress } from './baselineExperiments.js';
import type { DataSource } from './dataSource.js';
import { experimentSetFileName, FENRIR_LAYOUT } from './fenrirDataSource.js';
import { SCALING_SIZES } from './scaleExperiments.js';

export interface ExportOptions {
  /** seed of the scaled experiment sets' priorities, per RESS variant */
  setSeed: (ress: Ress) => number;
  /** set sizes to write; default 10, 15, …, 70 */
  sizes?: readonly number[];
  /** extra fields for provenance.json (generator, version, …) */
  provenance?: Record<string, unknown>;
}

/**
 * Writes a data source's datasets into `outDir` in the replication package's layout and
 * formats, so the folder can be read back with `--data fenrir:<outDir>` or by the original
 * tool. Every file is written atomically. Returns the paths written, relative to `outDir`.
 */
export function exportDatasets(source: DataSource, outDir: string, options: ExportOptions): string[] {
  const sizes = options.sizes ?? SCALING_SIZES;
  const written: string[] = [];
  const write = (relative: string, text: string): void => {
    writeFileAtomically(join(outDir, relative), text);
    written.push(relative);
  };
  write(FENRIR_LAYOUT.gitlabProfile, formatGroupTable(source.profile()));
  write(FENRIR_LAYOUT.constantProfile, formatGroupTable(source.constantProfile()));
  for (const ress of RESS_VARIANTS) {
    for (const size of sizes) {
      write(join(FENRIR_LAYOUT.experiments, experimentSetFileName(size, ress)), formatExperiments(source.experimentSet(size, ress, options.setSeed(ress))));
    }
  }
  write(FENRIR_LAYOUT.newExperiments, formatExperiments(source.newExperiments()));
  const provenance = {
    ...options.provenance,
    dataSource: source.name,
    setSeeds: Object.fromEntries(RESS_VARIANTS.map((ress) => [ress, options.setSeed(ress)])),
    sizes: [...sizes],
    files: [...written],
  };
  write('provenance.json', `${JSON.stringify(provenance, null, 2)}\n`);
  return written;
}
