import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestPerCell, candidateOf, isBetterBest, keptBestSchedules, type BestCandidate } from '../../harness/output/bestSchedules.js';
import { cellOf } from '../../harness/plan/trial.js';
import type { TrialRecord } from '../../harness/run/trialOutcome.js';

/** A journal record with what the ranking reads (the rest is never looked at here). */
const record = (id: string, fitness: number | undefined, valid = true): TrialRecord => ({
  trial: { id, repetition: Number(id.match(/\/r(\d+)$/)![1]) } as TrialRecord['trial'],
  fingerprint: '0'.repeat(16), data: 'builtin', runtimeMs: 1, trace: [], finishedAt: '2025-01-01T00:00:00.000Z',
  ...(fitness === undefined ? { error: 'boom' } : { measurements: { fitness, valid, durationScore: 0, userGroupScore: 0, startScore: 0, evaluations: 0, crossovers: 0, mutations: 0, invalidCandidates: 0 } }),
});

describe('best schedule per cell', () => {
  it('a cell is the trial id without its repetition', () => {
    expect(cellOf('scaling/genetic/mid/n30/r3')).toBe('scaling/genetic/mid/n30');
    expect(cellOf('calibration/genetic/populationSize40-generations90/mid/n25/r12')).toBe('calibration/genetic/populationSize40-generations90/mid/n25');
    expect(cellOf('benchmark/genetic+greedy/bench/load/x4/n10/r1')).toBe('benchmark/genetic+greedy/bench/load/x4/n10');
  });

  it('keeps a valid schedule over an invalid one, then the fitter, then the lower repetition; a failed trial has none', () => {
    const records = [
      record('scaling/genetic/mid/n10/r1', 0.95, false), record('scaling/genetic/mid/n10/r2', 0.6), record('scaling/genetic/mid/n10/r3', 0.7),
      record('scaling/genetic/mid/n10/r4', 0.7), record('scaling/genetic/mid/n10/r5', undefined),
      record('scaling/local-search/mid/n10/r1', 0.4, false), record('scaling/local-search/mid/n10/r2', 0.5, false),
      record('scaling/random-sampling/mid/n10/r1', undefined),
    ];
    expect([...keptBestSchedules(records, 'cell')].sort()).toEqual(['scaling/genetic/mid/n10/r3', 'scaling/local-search/mid/n10/r2']);
    expect(keptBestSchedules(records, 'all').size).toBe(6);
    expect(candidateOf(records[4])).toBeUndefined();
    expect(isBetterBest(candidateOf(records[2])!, undefined)).toBe(true);
    expect(isBetterBest(candidateOf(records[2])!, candidateOf(records[2])!)).toBe(false);
  });

  it('keeps the same schedules whatever order the trials finish in (the incremental keeper of executeTrials)', () => {
    const arbitrary = fc.array(fc.record({
      cell: fc.integer({ min: 0, max: 3 }), repetition: fc.integer({ min: 1, max: 6 }),
      fitness: fc.oneof(fc.constantFrom(0.5, 0.7), fc.double({ min: 0, max: 1, noNaN: true })), valid: fc.boolean(), failed: fc.boolean(),
    }), { minLength: 1, maxLength: 30 });
    fc.assert(fc.property(arbitrary, fc.integer(), (specs, seed) => {
      const unique = [...new Map(specs.map((spec) => [`${spec.cell}/${spec.repetition}`, spec])).values()];
      const records = unique.map((spec) => record(`scaling/a${spec.cell}/mid/n10/r${spec.repetition}`, spec.failed ? undefined : spec.fitness, spec.valid));
      const shuffled = fc.sample(fc.shuffledSubarray(records, { minLength: records.length }), { seed, numRuns: 1 })[0];
      // what executeTrials does: write a schedule when it beats its cell's, remove the one it beats
      const files = new Set<string>();
      const best = new Map<string, BestCandidate>();
      for (const item of shuffled) {
        const candidate = candidateOf(item);
        if (!candidate || !isBetterBest(candidate, best.get(cellOf(candidate.trialId)))) continue;
        const replaced = best.get(cellOf(candidate.trialId));
        files.add(candidate.trialId);
        if (replaced) files.delete(replaced.trialId);
        best.set(cellOf(candidate.trialId), candidate);
      }
      expect([...files].sort()).toEqual([...keptBestSchedules(records, 'cell')].sort());
      expect(bestPerCell(records).size).toBe(new Set(records.filter((item) => item.error === undefined).map((item) => cellOf(item.trial.id))).size);
    }), { numRuns: 200 });
  });
});
