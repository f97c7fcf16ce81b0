/**
 * One fixed colour and label per algorithm, shared by every figure, so that "GA is blue"
 * holds across the whole report. Colours are from the Okabe–Ito palette, which stays
 * distinguishable under the common forms of colour blindness.
 */

/** Okabe & Ito (2008), "Color Universal Design"; black is kept for annotations. */
export const okabeIto = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

export interface AlgorithmStyle {
  /** short label used in legends and axes */
  readonly label: string;
  readonly color: string;
}

/** Known algorithms in the order legends list them (the paper's order). */
export const algorithmStyles: Readonly<Record<string, AlgorithmStyle>> = {
  'random-sampling': { label: 'RS', color: okabeIto.reddishPurple },
  genetic: { label: 'GA', color: okabeIto.blue },
  'local-search': { label: 'LS', color: okabeIto.orange },
  'simulated-annealing': { label: 'SA', color: okabeIto.bluishGreen },
  'sa-as-published': { label: 'SA (as published)', color: okabeIto.vermillion },
  greedy: { label: 'greedy', color: okabeIto.black },
  'one-plus-one': { label: '(1+1) EA', color: okabeIto.skyBlue },
};

/** A study entry labelled `<algorithm>+greedy` (a greedy-seeded variant) keeps its algorithm's colour; figures tell them apart by dash. */
export const GREEDY_SEEDED_SUFFIX = '+greedy';

/**
 * Colours for algorithms this module does not know (a config's own labels): the dark half of Paul
 * Tol's "muted" scheme plus a brown — distinct from the Okabe–Ito colours above and dark enough on
 * white. Okabe–Ito's yellow is left out: on white it is nearly invisible.
 */
export const spareColors = ['#332288', '#882255', '#117733', '#999933', '#AA4499', '#44AA99', '#CC6677', '#661100'] as const;

const knownOrder = Object.keys(algorithmStyles);

/** Sorts algorithm names: known ones in the paper's order (a greedy-seeded variant right after its algorithm), then unknown ones alphabetically. */
export function sortAlgorithms(names: Iterable<string>): string[] {
  const rank = (name: string) => {
    const seeded = seededBase(name);
    const i = knownOrder.indexOf(seeded ?? name);
    return i < 0 ? knownOrder.length : i + (seeded ? 0.5 : 0);
  };
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** `genetic+greedy` → `genetic` when that algorithm is known; else undefined. */
export function seededBase(name: string): string | undefined {
  if (!name.endsWith(GREEDY_SEEDED_SUFFIX)) return undefined;
  const base = name.slice(0, -GREEDY_SEEDED_SUFFIX.length);
  return algorithmStyles[base] ? base : undefined;
}

/** Style of one algorithm; unknown names get a spare colour chosen from their name, so it does not depend on which other algorithms a run has. */
export function algorithmStyle(name: string): AlgorithmStyle {
  const known = algorithmStyles[name];
  if (known) return known;
  const base = seededBase(name);
  if (base) return { label: `${algorithmStyles[base].label}+greedy`, color: algorithmStyles[base].color };
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return { label: name, color: spareColors[hash % spareColors.length] };
}

export const algorithmLabel = (name: string): string => algorithmStyle(name).label;

/**
 * A Vega-Lite colour scale for the labels of `names`, with explicit domain and range, so each
 * known algorithm (and its greedy-seeded variant) keeps its colour whatever subset a figure shows.
 * Unknown names take the spare colours in their sorted order, so no two of them share a colour in
 * one figure (up to 8; the known ones have their own 7).
 */
export function algorithmColorScale(names: Iterable<string>): { domain: string[]; range: string[] } {
  const sorted = sortAlgorithms(names);
  let spare = 0;
  const colors = sorted.map((name) => (algorithmStyles[name] || seededBase(name) ? algorithmStyle(name).color : spareColors[spare++ % spareColors.length]));
  return { domain: sorted.map(algorithmLabel), range: colors };
}
