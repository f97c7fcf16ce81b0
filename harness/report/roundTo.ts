/** Rounds for inlined figure data: keeps specs small and byte-stable across platforms. */
export const roundTo = (value: number, digits = 6): number => Number(value.toFixed(digits));
