import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { InputError } from '../../algorithms/problem/inputError.js';
import { COMPARE_COLUMNS, compareResults, comparisonRows } from '../compare/compareResults.js';
import { toCsv } from '../output/csv.js';
import { writeFileAtomically } from '../io/writeFileAtomically.js';
import { markdownTable } from '../report/markdownTable.js';
import { formatCell } from '../report/tableFormatting.js';
import { parseTrialRows } from '../tables/trialRows.js';
import { runCli } from './runCli.js';

/** `npm run compare -- DIR_A DIR_B`: every cell of two results folders, B against A, flagged when significant. */
async function main(): Promise<void> {
  const args = await yargs(hideBin(process.argv))
    .scriptName('npm run compare --')
    .usage(`$0 DIR_A DIR_B [options]

Compares two results folders cell by cell (study, algorithm, size, set, setting) from their trials.csv: per metric (fitness, runtime_s) the difference of means B − A, a two-sided Mann–Whitney test of B's runs against A's, Holm-adjusted over all cells of the metric, and Vargha–Delaney Â12 = P(B's value > A's). Flags a cell "B better" or "B worse" when its adjusted p < α. Prints the flagged cells (all with --all); --out writes every cell as CSV.`)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .option('alpha', { type: 'number', default: 0.05, describe: 'significance level of the flags (after Holm)' })
    .option('metric', { type: 'string', choices: ['fitness', 'runtime_s', 'all'], default: 'all', describe: 'which metric to print' })
    .option('all', { type: 'boolean', default: false, describe: 'print every cell, not only the flagged ones' })
    .option('out', { type: 'string', requiresArg: true, describe: 'write every compared cell to this CSV file' })
    .check((argv) => {
      if (!(argv.alpha > 0 && argv.alpha < 1)) throw new Error('--alpha must be between 0 and 1');
      return true;
    })
    .demandCommand(2, 2, 'give two results folders: DIR_A DIR_B', 'give exactly two results folders: DIR_A DIR_B')
    .example('$0 results/runs/quick results/runs/quick-run-seed-2', 'the quick config against a run of it with --run-seed 2 (same instances, other random streams)')
    .strict()
    .help()
    .parseAsync();
  const [folderA, folderB] = args._.map(String);
  const read = (folder: string) => {
    const path = join(folder, 'trials.csv');
    if (!existsSync(path)) throw new InputError(path, undefined, 'not found: give results folders of npm run replicate');
    return parseTrialRows(readFileSync(path, 'utf8'));
  };
  const describeFolder = (folder: string) => {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { config?: { name?: string; sha256?: string; content?: { baseSeed?: number } }; data?: string; runSeed?: number; git?: { commit?: string; dirty?: boolean } };
      const seed = manifest.runSeed !== undefined ? `run seed ${manifest.runSeed}` : `baseSeed ${manifest.config?.content?.baseSeed ?? '?'}`;
      return `${folder}: config ${manifest.config?.name ?? '?'} (${manifest.config?.sha256?.slice(0, 12) ?? '?'}), data ${manifest.data ?? '?'}, ${seed}, commit ${manifest.git?.commit?.slice(0, 12) ?? '?'}${manifest.git?.dirty ? ' (dirty)' : ''}`;
    } catch {
      return `${folder}: no readable manifest.json`;
    }
  };
  const comparison = compareResults(read(folderA), read(folderB), args.alpha);
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`A = ${describeFolder(folderA)}`);
  out(`B = ${describeFolder(folderB)}`);
  for (const metric of ['fitness', 'runtime_s']) {
    const cells = comparison.cells.filter((cell) => cell.metric === metric);
    const flagged = cells.filter((cell) => cell.flag !== '');
    out(`${metric}: ${cells.length} cells compared, ${flagged.length} flagged at α = ${args.alpha} after Holm (${flagged.filter((cell) => cell.flag === 'B better').length} B better, ${flagged.filter((cell) => cell.flag === 'B worse').length} B worse)${metric === 'runtime_s' ? '; wall time: machine load alone can flag it' : ''}`);
  }
  if (comparison.onlyInA.length > 0) out(`only in A (${comparison.onlyInA.length}): ${comparison.onlyInA.slice(0, 8).join(', ')}${comparison.onlyInA.length > 8 ? ', …' : ''}`);
  if (comparison.onlyInB.length > 0) out(`only in B (${comparison.onlyInB.length}): ${comparison.onlyInB.slice(0, 8).join(', ')}${comparison.onlyInB.length > 8 ? ', …' : ''}`);
  const shown = comparison.cells.filter((cell) => (args.all || cell.flag !== '') && (args.metric === 'all' || cell.metric === args.metric));
  if (shown.length > 0) {
    out();
    out(markdownTable(['study', 'algorithm', 'experiments', 'set', 'setting', 'metric', 'n A', 'n B', 'mean A', 'mean B', 'B − A', 'p (Holm)', 'Â12', 'flag'],
      shown.map((cell) => [cell.study, cell.algorithm, String(cell.experiments), cell.ress, cell.setting, cell.metric, String(cell.nA), String(cell.nB),
        formatCell(cell.meanA.toFixed(6)), formatCell(cell.meanB.toFixed(6)), formatCell(cell.difference.toFixed(6)), formatCell(String(cell.pHolm)), formatCell(cell.a12.toFixed(4)), cell.flag])));
  }
  if (args.out) {
    writeFileAtomically(args.out, toCsv(COMPARE_COLUMNS, comparisonRows(comparison)));
    out();
    out(`wrote ${relative(process.cwd(), args.out) || args.out} (${comparison.cells.length} rows)`);
  }
}

await runCli(main);
