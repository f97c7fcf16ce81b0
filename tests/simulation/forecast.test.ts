import { describe, expect, it } from 'vitest';
import { createProfile } from '../../algorithms/problem/trafficProfile.js';
import { Rng } from '../../algorithms/random/rng.js';
import { noisyForecaster, seasonalNaiveForecaster, truthForecaster } from '../../algorithms/simulation/forecast.js';

/** Two groups; row r sends r and 10·r requests (so every value names its row). */
function world(rows: number, origin: number) {
  const requests = new Int32Array(rows * 2);
  for (let r = 0; r < rows; r++) {
    requests[2 * r] = r;
    requests[2 * r + 1] = 10 * r;
  }
  return { profile: createProfile(['a', 'b'], requests), origin };
}

describe('forecasts', () => {
  it('the truth is the world\'s rows from the forecast hour on', () => {
    expect([...truthForecaster(world(1000, 400)).forecast(5, 2)]).toEqual([405, 4050, 406, 4060]);
  });

  it('seasonal naive takes the mean of the same hour of the week in the last observed weeks', () => {
    const forecaster = seasonalNaiveForecaster(world(2000, 400), 2);
    const values = forecaster.forecast(10, 200);
    // hour 10 (row 410), made at hour 10: rows 410 − 168 = 242 and 410 − 336 = 74 → 158
    expect([values[0], values[1]]).toEqual([158, 1580]);
    // hour 177 (row 577) is 167 hours ahead: still one week back (rows 409, 241) → 325
    expect(values[167 * 2]).toBe(325);
    // hour 178 (row 578) is 168 hours ahead: hour 10 is not observed yet, so two weeks back (rows 242, 74)
    expect(values[168 * 2]).toBe(158);
    expect(() => seasonalNaiveForecaster(world(2000, 300), 2)).toThrow(/needs 336 hours of history/);
  });

  it('noise 0 is the truth; noise σ gives log errors of standard deviation σ, the same at every re-plan', () => {
    const w = world(30_000, 0);
    expect([...noisyForecaster(w, 0, 0.9, Rng.fromSeed(1), 20_000).forecast(100, 50)]).toEqual([...truthForecaster(w).forecast(100, 50)]);
    const noisy = noisyForecaster(w, 0.2, 0.5, Rng.fromSeed(1), 20_000);
    const logs: number[] = [];
    const values = noisy.forecast(1000, 19_000);
    for (let h = 0; h < 19_000; h++) logs.push(Math.log(values[2 * h + 1] / (10 * (1000 + h))));
    const mean = logs.reduce((a, b) => a + b) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1));
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(sd).toBeCloseTo(0.2, 1);
    // the forecast of an hour does not change between plans made at different hours
    expect(noisy.forecast(5000, 10)).toEqual(values.slice((5000 - 1000) * 2, (5010 - 1000) * 2));
  });
});
