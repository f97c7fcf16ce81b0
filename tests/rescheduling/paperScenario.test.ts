import { describe, expect, it } from 'vitest';
import { individualOfScheduleFile } from '../../algorithms/problem/scheduleFormat.js';
import { Rng } from '../../algorithms/random/rng.js';
import { getAlgorithm } from '../../algorithms/registry.js';
import { prepareRescheduling, reschedulingPopulation, reschedulingStart } from '../../algorithms/rescheduling/reschedule.js';
import { readExperimentsFile, readProfileFile, readScheduleFile } from '../../harness/io/readInputs.js';
import { fenrirPath, hasFenrirData, warnIfFenrirMissing } from '../support/referenceData.js';

warnIfFenrirMissing('re-scheduling of the paper scenario (spec §10)');

/** The scenario, read from the paper's data. */
function paperScenario() {
  const profile = readProfileFile(fenrirPath('traffic_profiles/gitlab_12_months.csv'));
  const file = readScheduleFile(fenrirPath('restart/schedule_GA_mid_exp30_pop40_gen90_4.json'));
  const old = individualOfScheduleFile(profile, file, 'saved schedule');
  const rescheduling = prepareRescheduling(old, {
    atHour: 72,
    discardIds: [4, 21, 28],
    newExperiments: readExperimentsFile(fenrirPath('restart/new_experiments.json')),
  });
  return { profile, old, oldProblem: old.problem, rescheduling, problem: rescheduling.problem };
}

describe.skipIf(!hasFenrirData)('re-scheduling the paper scenario: t = 72, discard 4, 21, 28, add ids 51–55', () => {
  // vitest runs the body of a skipped suite too (to list its tests): read the data only when it is there
  const { profile, old, oldProblem, rescheduling, problem } = hasFenrirData ? paperScenario() : ({} as ReturnType<typeof paperScenario>);

  it('builds the reduced problem: consumed traffic and hours subtracted, running experiments marked', () => {
    const ids = problem.experiments.map((experiment) => experiment.id);
    expect(ids).not.toContain(4);
    expect(ids).not.toContain(21);
    expect(ids).toEqual(expect.arrayContaining([51, 52, 53, 54, 55]));
    expect(problem.profile.hours).toBe(8274 - 72);
    expect(Array.from(problem.profile.requests.subarray(0, 5))).toEqual(Array.from(profile.requests.subarray(72 * 5, 73 * 5)));
    for (const experiment of problem.experiments) {
      const before = oldProblem.experiments.find((original) => original.id === experiment.id);
      if (!before) continue;
      const schedule = old.schedules[oldProblem.experiments.indexOf(before)];
      const hoursBefore = Math.max(0, Math.min(schedule.duration, 72 - schedule.start));
      expect(experiment.running).toBe(schedule.start < 72);
      expect(experiment.minDuration).toBe(Math.max(0, before.minDuration - hoursBefore));
      expect(experiment.requiredTotalTraffic).toBeLessThanOrEqual(before.requiredTotalTraffic);
      if (hoursBefore === 0) expect(experiment.requiredTotalTraffic).toBe(before.requiredTotalTraffic);
    }
    expect(problem.experiments.filter((experiment) => experiment.running).length).toBeGreaterThan(0);
  });

  it.each(['genetic', 'local-search', 'simulated-annealing', 'sa-as-published'])('%s yields a valid schedule with running experiments at hour 0 keeping their groups', (name) => {
    const algorithm = getAlgorithm(name);
    const population = reschedulingPopulation(rescheduling, 10, Rng.fromSeed(5));
    const params = algorithm.paramsSchema.parse(name === 'genetic' ? { populationSize: 10, generations: 5, elitism: 2 } : { iterations: 100 });
    const { best } = algorithm.run(problem, params, { rng: Rng.fromSeed(7), initialPopulation: population });
    expect(best.valid).toBe(true);
    problem.experiments.forEach((experiment, e) => {
      const schedule = best.schedules[e];
      if (experiment.running) expect(schedule.start).toBe(0);
      const fixed = problem.fixedGroupMask[e];
      if (fixed !== 0) {
        for (let offset = 0; offset < schedule.duration; offset++) expect(schedule.groupMask[offset]).toBe(fixed);
      }
    });
    expect(problem.fixedGroupMask.some((mask) => mask !== 0)).toBe(true);
  });

  describe('as published (SampleGenerator.createPopulationForRestart)', () => {
    // collected even when the suite is skipped: build the population only when the data is there
    const start = hasFenrirData ? reschedulingStart(rescheduling, 'as-published') : ({} as ReturnType<typeof reschedulingStart>);
    const population = hasFenrirData ? start.population(6, Rng.fromSeed(5)) : [];
    const carried = hasFenrirData ? rescheduling.carriedOver : ({} as typeof rescheduling.carriedOver);
    const n = hasFenrirData ? problem.experiments.length : 0;
    const idsWhere = (test: (e: number) => boolean) => problem.experiments.filter((_, e) => test(e)).map((experiment) => experiment.id);

    it('has the scenario\'s running experiments: business 17, 15, 5 and regression 22, 29, 11, 2, 19, 9', () => {
      expect(idsWhere((e) => problem.running[e] === 1 && problem.business[e] === 1).sort((a, b) => a - b)).toEqual([5, 15, 17]);
      expect(idsWhere((e) => problem.running[e] === 1 && problem.business[e] === 0).sort((a, b) => a - b)).toEqual([2, 9, 11, 19, 22, 29]);
    });

    it('first individual = the old plan (fractions +1‰ only in the 8 hours where experiment 11 falls short on the per-mille grid)', () => {
      const first = population[0];
      expect(first.valid).toBe(true);
      const raisedHours = new Set<number>();
      problem.experiments.forEach((experiment, e) => {
        if (!carried.placed[e]) return;
        const [mine, old] = [first.schedules[e], carried.schedules[e]];
        expect([mine.start, mine.duration]).toEqual([old.start, old.duration]);
        expect(Array.from(mine.groupMask.subarray(0, mine.duration))).toEqual(Array.from(old.groupMask.subarray(0, old.duration)));
        for (let i = 0; i < mine.duration * mine.groupCount; i++) {
          const step = mine.permille[i] - old.permille[i];
          expect(step === 0 || (step === 1 && experiment.id === 11)).toBe(true);
          if (step === 1) raisedHours.add(Math.floor(i / mine.groupCount));
        }
      });
      expect(raisedHours.size).toBe(8);
    });

    it('later individuals: running business experiments carried; running regression, not-started and new ones re-sampled at t + U[0, 48·n)', () => {
      for (const individual of population.slice(1)) {
        expect(individual.valid).toBe(true);
        problem.experiments.forEach((experiment, e) => {
          const schedule = individual.schedules[e];
          if (problem.running[e] === 1 && problem.business[e] === 1) {
            expect([schedule.start, schedule.duration]).toEqual([0, carried.schedules[e].duration]);
            expect(Array.from(schedule.permille.subarray(0, schedule.duration * 5))).toEqual(Array.from(carried.schedules[e].permille.subarray(0, schedule.duration * 5)));
          } else {
            expect(schedule.start).toBeGreaterThanOrEqual(72);
            expect(schedule.start).toBeLessThan(72 + 48 * n);
          }
        });
      }
    });

    it('searches without pinned experiments and stays valid (GA, LS, SA as published)', () => {
      expect(start.problem.running.every((flag) => flag === 0)).toBe(true);
      for (const name of ['genetic', 'local-search', 'sa-as-published']) {
        const algorithm = getAlgorithm(name);
        const params = algorithm.paramsSchema.parse(name === 'genetic' ? { populationSize: 6, generations: 3, elitism: 2 } : { iterations: 50 });
        const { best } = algorithm.run(start.problem, params, { rng: Rng.fromSeed(7), initialPopulation: population });
        expect(best.valid).toBe(true);
      }
    });
  });
});
