import type { StudyConfig } from '../config/studyConfig.js';

/** The config's `note` fields (its deviations from the paper), for the manifest. */
export function configNotes(config: StudyConfig): string[] {
  return [
    ...(config.note ? [config.note] : []),
    ...config.studies.flatMap((study) => (study.note ? [`${study.name}: ${study.note}`] : [])),
  ];
}
