/** Display formatting shared by the HTML and Markdown reports. */

/** A CSV cell for display: long decimals shortened (4 decimals; scientific below 0.001), text untouched. */
export function formatCell(text: string): string {
  const trimmed = text.trim();
  if (!/^-?\d+\.\d+(e-?\d+)?$/i.test(trimmed) && !/^-?\d+(\.\d+)?e-?\d+$/i.test(trimmed)) return text;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return text;
  if (value !== 0 && Math.abs(value) < 0.001) return value.toExponential(2);
  return String(Number(value.toFixed(4)));
}

/** Digits per unit of the "paper vs this run" table. */
const digits: Record<string, number> = { fitness: 3, min: 2, '%': 1, '×': 2 };

export function formatQuantity(value: number | string | null, unit: string): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (unit === 'min') return formatMinutes(value);
  const shown = value.toFixed(digits[unit] ?? 3);
  return unit && unit !== 'fitness' ? `${shown} ${unit}` : shown;
}

/** Minutes as the paper gives them (one decimal), and short times in s or ms so they do not show as 0.0 min. */
export function formatMinutes(minutes: number): string {
  const size = Math.abs(minutes);
  if (size >= 0.1 || size === 0) return `${Number(minutes.toFixed(1))} min`;
  if (size >= 1 / 60) return `${Number((minutes * 60).toFixed(1))} s`;
  return `${Number((minutes * 60_000).toPrecision(3))} ms`;
}

export function formatDifference(value: number | null, unit: string): string {
  if (value === null) return '—';
  const shown = formatQuantity(Math.abs(value), unit);
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${shown}`;
}

/** The "what is compared" cell: the comparison, then any note. */
export const comparisonText = (row: { compared: string; note: string }): string => (row.note ? `${row.compared}. ${row.note}` : row.compared);

export const formatRatio = (value: number | null): string => (value === null ? '—' : `${value < 0.01 ? value.toExponential(1) : value.toFixed(2)}×`);

/** Human titles for the harness's tables; unknown files keep their name. */
const tableTitles: Record<string, string> = {
  'fitness.csv': 'Fitness: descriptive statistics',
  'runtime.csv': 'Execution time: descriptive statistics',
  'calibration-ga.csv': 'GA calibration',
  'calibration-ls.csv': 'Local-search calibration',
  'max-fitness.csv': 'Maximum fitness',
  'reevaluation.csv': 'Re-evaluation',
  'sensitivity.csv': 'Sensitivity sweeps',
  'comparisons.csv': 'Pairwise comparisons: Mann–Whitney U and Vargha–Delaney Â12',
  'gaps.csv': 'Gap to the certified upper bound: (bound − fitness) / bound',
  'pairwise.csv': 'All pairs of algorithms per instance: Mann–Whitney U (Holm-adjusted) and Vargha–Delaney Â12',
  'win-tie-loss.csv': 'Wins, ties and losses over the instances (Holm-adjusted Mann–Whitney, α = 0.05)',
  'friedman.csv': 'Friedman test over the instances of each study, Iman–Davenport F, Nemenyi critical difference',
  'ranks.csv': 'Average rank over the instances of each study (1 = best)',
  'ga-advantage.csv': 'GA fitness advantage over the best of RS, LS and SA per cell of each scaling study (95 % bootstrap intervals)',
};

export const tableTitle = (file: string): string => tableTitles[file] ?? file.replace(/\.csv$/, '');

/** STATISTICS.md: say which Â12 thresholds are used wherever Â12 is shown. */
export const a12Note = 'Â12 = probability that a run of the first algorithm beats one of the second (ties count ½). Magnitude (Vargha & Delaney 2000): |Â12 − 0.5| < 0.06 negligible, < 0.14 small, < 0.21 medium, otherwise large.';

export const tableNote = (header: readonly string[]): string | undefined =>
  header.some((column) => /a12|â12/i.test(column)) ? a12Note : undefined;
