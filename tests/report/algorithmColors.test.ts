import { describe, expect, it } from 'vitest';
import { algorithmColorScale, algorithmStyle, algorithmStyles, sortAlgorithms } from '../../harness/report/algorithmColors.js';

describe('algorithm colours', () => {
  it('gives every known algorithm its own fixed colour and label', () => {
    const colors = Object.values(algorithmStyles).map((style) => style.color);
    expect(new Set(colors).size).toBe(colors.length);
    expect(algorithmStyle('genetic')).toEqual({ label: 'GA', color: '#0072B2' });
    expect(algorithmStyle('local-search').label).toBe('LS');
  });

  it('keeps an algorithm\'s colour whatever subset a figure shows', () => {
    const all = algorithmColorScale(['simulated-annealing', 'genetic', 'random-sampling', 'local-search']);
    const some = algorithmColorScale(['local-search', 'genetic']);
    expect(all.domain).toEqual(['RS', 'GA', 'LS', 'SA']);
    expect(some.domain).toEqual(['GA', 'LS']);
    expect(some.range).toEqual([all.range[1], all.range[2]]);
  });

  it('orders known algorithms as the paper does and unknown ones after them, with a stable spare colour', () => {
    expect(sortAlgorithms(['zeta', 'genetic', 'alpha', 'random-sampling'])).toEqual(['random-sampling', 'genetic', 'alpha', 'zeta']);
    expect(algorithmStyle('my-new-algorithm')).toEqual(algorithmStyle('my-new-algorithm'));
    expect(algorithmStyle('my-new-algorithm').label).toBe('my-new-algorithm');
  });
});
