/**
 * What a study is, as opposed to what it is called. The derived tables, the report's sections and
 * the figures select trials by kind (calibration-ga.csv reads the calibration studies, the scaling
 * figures the scaling studies, …), so one config can hold two studies of a kind under free names
 * ("scaling" and "scaling-low-budget", both of kind scaling).
 *
 * The paper's evaluation (spec §11), plus `sensitivity` (parameter sweeps beyond the paper,
 * configs/sensitivity.json) and `benchmark` (every algorithm at equal budgets on the benchmark
 * families, configs/benchmark.json).
 */
export const STUDY_KINDS = ['calibration', 'max-fitness', 'scaling', 'reevaluation', 'sensitivity', 'benchmark'] as const;
export type StudyKind = (typeof STUDY_KINDS)[number];

export const isStudyKind = (value: string): value is StudyKind => (STUDY_KINDS as readonly string[]).includes(value);

/**
 * The kind a study has when it names none: its name, when the name is a kind (every config written
 * before kinds existed, and trials.csv files without a `kind` column); otherwise none.
 */
export const kindOfName = (name: string): StudyKind | undefined => (isStudyKind(name) ? name : undefined);

/** A study name: it starts every trial id and, with `/` → `__`, the names of the best-schedule files. */
export const STUDY_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;
