import { describe, expect, it } from 'vitest';
import { individualOfScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import { listViolations } from '../../algorithms/problem/violations.js';
import { readProfileFile, readScheduleFile } from '../../harness/io/readInputs.js';
import { fenrirPath, hasFenrirData, warnIfFenrirMissing } from '../support/referenceData.js';

warnIfFenrirMissing('parity figures of spec §9 and the raw-trace conversion of §1');

describe.skipIf(!hasFenrirData)('parity with the replication package (spec §9)', () => {
  it('scores the saved GA schedule exactly: valid, D 0.8768850, U 0.9960526, S 0.4700905, F 0.7380007', () => {
    const profile = readProfileFile(fenrirPath('traffic_profiles/gitlab_12_months.csv'));
    const file = readScheduleFile(fenrirPath('restart/schedule_GA_mid_exp30_pop40_gen90_4.json'));
    const individual = individualOfScheduleFile(profile, file, 'saved schedule');
    expect(individual.valid).toBe(true);
    expect(listViolations(individual)).toEqual([]);
    expect(individual.durationScore).toBeCloseTo(0.876885, 6);
    expect(individual.userGroupScore).toBeCloseTo(0.9960526, 6);
    expect(individual.startScore).toBeCloseTo(0.4700905, 6);
    expect(individual.fitness).toBeCloseTo(0.7380007, 6);
  });

  it('converts the raw GitLab trace to the published group table exactly, all 8274 rows', () => {
    const fromTrace = readProfileFile(fenrirPath('traffic_profiles/profile_gitlab_12_months.csv'));
    const table = readProfileFile(fenrirPath('traffic_profiles/gitlab_12_months.csv'));
    expect(fromTrace.hours).toBe(8274);
    expect(fromTrace.groups).toEqual(table.groups);
    expect(Array.from(fromTrace.requests.subarray(0, 5))).toEqual([278268, 69567, 139134, 104351, 104351]);
    let differingRows = 0;
    for (let h = 0; h < table.hours; h++) {
      for (let g = 0; g < 5; g++) {
        if (fromTrace.requests[h * 5 + g] !== table.requests[h * 5 + g]) {
          differingRows++;
          break;
        }
      }
    }
    expect(differingRows).toBe(0);
  });
});
