import type { Experiment } from '../../../algorithms/problem/experiment.js';
import { consumedRequestsInt32 } from '../../../algorithms/problem/fractions.js';
import { Individual } from '../../../algorithms/problem/individual.js';
import { createProblem, type Problem } from '../../../algorithms/problem/problem.js';
import { createProfile } from '../../../algorithms/problem/trafficProfile.js';
import { Rng } from '../../../algorithms/random/rng.js';

/** A small random instance together with a valid schedule of it: the witness that it is feasible. */
export interface WitnessedInstance {
  readonly problem: Problem;
  readonly witness: Individual;
}

/**
 * Random small inputs that are feasible by construction: a random profile (1–4 groups, 24–120
 * hours), then experiments one by one — a random start, duration and group set, fractions drawn
 * within what the earlier experiments left free — whose required traffic is what that placement
 * delivers in its weakest hour times its duration. The placements form the witness.
 */
export function witnessedInstance(seed: number): WitnessedInstance {
  const rng = Rng.fromSeed(seed);
  const groupCount = 1 + rng.below(4);
  const hours = 24 + rng.below(97);
  const requests = new Int32Array(hours * groupCount);
  for (let i = 0; i < requests.length; i++) requests[i] = 50 + rng.below(4951);
  const groups = Array.from({ length: groupCount }, (_, g) => `group${g + 1}`);
  const profile = createProfile(groups, requests);
  const services = 1 + rng.below(2);
  const load = new Int32Array(services * hours * groupCount);
  const experiments: Experiment[] = [];
  const placements: { start: number; permille: number[] }[] = [];
  const wanted = 1 + rng.below(6);
  for (let tries = 0; experiments.length < wanted && tries < 50; tries++) {
    const service = rng.below(services);
    const duration = 1 + rng.below(Math.max(1, Math.floor(hours / 2)));
    const start = rng.below(hours - duration + 1);
    const permille = new Array<number>(groupCount).fill(0);
    for (let g = 0; g < groupCount; g++) {
      if (rng.below(2) === 0 && g !== groupCount - 1) continue;
      let free = 1000;
      for (let h = start; h < start + duration; h++) free = Math.min(free, 1000 - load[(service * hours + h) * groupCount + g]);
      if (free > 0) permille[g] = 1 + rng.below(free);
    }
    if (permille.every((p) => p === 0)) continue;
    let weakest = Number.POSITIVE_INFINITY;
    for (let h = start; h < start + duration; h++) {
      let consumed = 0;
      for (let g = 0; g < groupCount; g++) consumed += consumedRequestsInt32(requests[h * groupCount + g], permille[g]);
      weakest = Math.min(weakest, consumed);
    }
    for (let h = start; h < start + duration; h++) for (let g = 0; g < groupCount; g++) load[(service * hours + h) * groupCount + g] += permille[g];
    const preferred = groups.filter(() => rng.below(3) === 0);
    experiments.push({
      id: experiments.length + 1,
      type: rng.below(2) === 0 ? 'BUSINESS' : 'REGRESSION',
      baseType: 'Experiment',
      targetService: `service${service + 1}`,
      minDuration: duration,
      requiredTotalTraffic: weakest * duration,
      priority: 1 + rng.below(10),
      preferredUserGroup: preferred,
    });
    placements.push({ start, permille });
  }
  const problem = createProblem(profile, experiments, { source: `witnessed instance ${seed}` });
  const witness = new Individual(problem);
  placements.forEach((placement, e) => {
    witness.beginEdit(e);
    const schedule = witness.schedules[e];
    schedule.reset(placement.start, experiments[e].minDuration);
    for (let offset = 0; offset < schedule.duration; offset++) {
      placement.permille.forEach((p, g) => { if (p > 0) schedule.setGroup(offset, g, p); });
    }
    witness.endEdit(e);
  });
  return { problem, witness };
}
