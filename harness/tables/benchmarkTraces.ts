import { parse } from 'csv-parse/sync';
import type { BenchmarkTracePoint } from './benchmarkTables.js';

/**
 * The curves of the benchmark study's trials from the text of traces.csv, by trial id, in file
 * order (change points). Rows of other studies are dropped before they are parsed: a paper
 * run's traces hold ~150 k rows the benchmark tables do not need.
 */
export function benchmarkTraces(tracesCsvText: string, study: string): Map<string, BenchmarkTracePoint[]> {
  const lines = tracesCsvText.split('\n');
  const header = lines[0] ?? '';
  const marker = `,${study},`;
  const kept = lines.slice(1).filter((line) => line.includes(marker));
  const curves = new Map<string, BenchmarkTracePoint[]>();
  if (kept.length === 0) return curves;
  const records = parse([header, ...kept].join('\n'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  for (const record of records) {
    if (record.study !== study) continue;
    let curve = curves.get(record.trial_id);
    if (!curve) curves.set(record.trial_id, (curve = []));
    curve.push({
      fitness: Number(record.fitness),
      evaluations: record.evaluations ? Number(record.evaluations) : undefined,
      elapsedMs: record.elapsed_ms ? Number(record.elapsed_ms) : undefined,
    });
  }
  return curves;
}
