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

describe('a palette legible for many algorithms', () => {
  // WCAG relative luminance and contrast ratio against white
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

  it('gives eight algorithms it does not know eight different colours in one figure, none of them the yellow lost on white', () => {
    const names = ['tabu-search', 'ant-colony', 'hill-climbing', 'cma-es', 'nsga-ii', 'pso', 'random-restart', 'beam-search'];
    const scale = algorithmColorScale([...names, 'genetic', 'greedy']);
    expect(new Set(scale.range).size).toBe(10);
    expect(scale.range).not.toContain('#F0E442');
    // every colour at least 2:1 against the white background (Okabe–Ito's yellow has 1.3:1)
    for (const color of scale.range) expect(contrastOnWhite(color), color).toBeGreaterThanOrEqual(2);
    expect(contrastOnWhite('#F0E442')).toBeLessThan(1.5);
  });

  it('keeps the benchmark\'s greedy-seeded variants in their algorithm\'s colour (figures tell them apart by dash)', () => {
    const scale = algorithmColorScale(['greedy', 'random-sampling', 'genetic', 'local-search', 'simulated-annealing', 'genetic+greedy', 'local-search+greedy', 'simulated-annealing+greedy', 'one-plus-one']);
    expect(scale.domain).toContain('GA+greedy');
    expect(scale.range[scale.domain.indexOf('GA+greedy')]).toBe(scale.range[scale.domain.indexOf('GA')]);
    expect(new Set(scale.range).size).toBe(6);
    expect(scale.range).not.toContain('#F0E442');
  });
});
