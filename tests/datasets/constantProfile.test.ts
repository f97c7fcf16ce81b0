import { describe, expect, it } from 'vitest';
import { constantProfile } from '../../datasets/constantProfile.js';
import { readProfileFile } from '../../harness/io/readInputs.js';
import { fenrirPath, hasFenrirData } from '../support/referenceData.js';

describe('constant profile', () => {
  const profile = constantProfile();

  it('is 8640 hours of 400000/100000/200000/150000/150000', () => {
    expect(profile.hours).toBe(8640);
    for (let h = 0; h < profile.hours; h++) {
      expect(Array.from(profile.requests.subarray(h * 5, h * 5 + 5))).toEqual([400_000, 100_000, 200_000, 150_000, 150_000]);
    }
  });

  it.runIf(hasFenrirData)('equals the replication package\'s constant_12_months.csv', () => {
    const original = readProfileFile(fenrirPath('traffic_profiles/constant_12_months.csv'));
    expect(original.groups).toEqual(profile.groups);
    expect(original.requests).toEqual(profile.requests);
  });
});
