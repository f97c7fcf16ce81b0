import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { constantMinTraffic } from '../../algorithms/problem/experiment.js';
import { EXAMPLE_DIR, exampleExperiments, exampleFiles, exampleProfile } from '../../datasets/examples/exampleData.js';

describe('datasets/examples (the README\'s worked example)', () => {
  it('the shipped files are exactly what datasets/examples/exampleData.ts generates', () => {
    for (const [name, text] of exampleFiles()) expect(readFileSync(join(EXAMPLE_DIR, name), 'utf8'), name).toBe(text);
  });

  it('has the numbers the README quotes: 4 weeks, 3 groups; hour 30 and the A/B tests\' hourly needs', () => {
    const profile = exampleProfile();
    expect(profile.hours).toBe(672);
    expect(profile.groups).toEqual(['staff', 'beta', 'everyone']);
    expect(Array.from(profile.requests.subarray(30 * 3, 31 * 3))).toEqual([5592, 16775, 89467]);
    const abTests = exampleExperiments.filter((experiment) => experiment.type === 'BUSINESS');
    expect(abTests.map((experiment) => constantMinTraffic(experiment.requiredTotalTraffic, experiment.minDuration))).toEqual([50_000, 45_000]);
  });
});
