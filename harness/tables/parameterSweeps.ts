/**
 * Study kinds whose trials of one algorithm differ in parameters: their summaries are their own
 * tables (calibration-ga.csv, calibration-ls.csv, sensitivity.csv), and they are left out of
 * the per-algorithm tables and comparisons, which would otherwise mix parameter settings.
 */
export const PARAMETER_SWEEPS: ReadonlySet<string> = new Set(['calibration', 'sensitivity']);
