import { readFileSync } from 'node:fs';
import { parseExperiments } from '../../algorithms/problem/experimentFormat.js';
import type { Experiment } from '../../algorithms/problem/experiment.js';
import { InputError } from '../../algorithms/problem/inputError.js';
import { parseProfile } from '../../algorithms/problem/profileFormat.js';
import { parseScheduleFile, type ScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import type { TrafficProfile } from '../../algorithms/problem/trafficProfile.js';

/** Reads a text file, turning "not found" and friends into a one-line InputError. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, expected a file' : String((error as Error).message);
    throw new InputError(path, undefined, reason);
  }
}

export const readProfileFile = (path: string): TrafficProfile => parseProfile(readText(path), path);
export const readExperimentsFile = (path: string): Experiment[] => parseExperiments(readText(path), path);
export const readScheduleFile = (path: string): ScheduleFile => parseScheduleFile(readText(path), path);
