import { describe, expect, it } from 'vitest';
import { RESS_VARIANTS } from '../../datasets/baselineExperiments.js';
import { builtinDataSource } from '../../datasets/builtinDataSource.js';
import { SCALING_SIZES } from '../../datasets/scaleExperiments.js';

describe('generation time', () => {
  it('generates the full profile, the constant profile and all sets in well under 1 s', () => {
    builtinDataSource().profile(); // warm-up: first-call JIT and module set-up are not the generator's cost
    const started = performance.now();
    const source = builtinDataSource();
    source.profile();
    source.constantProfile();
    let experiments = 0;
    for (const ress of RESS_VARIANTS) for (const size of SCALING_SIZES) experiments += source.experimentSet(size, ress, 1).length;
    source.newExperiments();
    const elapsed = performance.now() - started;
    console.info(`generated 8274 + 8640 profile hours and ${experiments} experiments in ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(1000);
  });
});
