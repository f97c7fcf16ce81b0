// scratch: time evaluateFromScratch pieces (not committed)
import { resolve } from 'node:path';
import { individualOfScheduleFile } from '../algorithms/problem/scheduleFormat.js';
import { readProfileFile, readScheduleFile } from '../harness/io/readInputs.js';
const F = '/work/shared/data/fenrir';
const profile = readProfileFile(resolve(F, 'traffic_profiles/gitlab_12_months.csv'));
const ind = individualOfScheduleFile(profile, readScheduleFile(resolve(F, 'restart/schedule_GA_mid_exp30_pop40_gen90_4.json')), 'p');
function time(name: string, f: () => void, it = 200) {
  for (let i = 0; i < 2000; i++) f();
  const r: number[] = [];
  for (let b = 0; b < 31; b++) { const t = process.hrtime.bigint(); for (let i = 0; i < it; i++) f(); r.push(Number(process.hrtime.bigint() - t) / 1000 / it); }
  r.sort((a, b) => a - b);
  process.stdout.write(name.padEnd(20) + ' median ' + r[15].toFixed(2) + ' min ' + r[0].toFixed(2) + '\n');
}
let sink = 0;
if (process.argv[2] === 'alg') { const m = await import('./benchAlgorithms.js'); m.algorithmBenchCases(); }
if (process.argv[2] === 'imp') { await import('./benchAlgorithms.js'); }
time('fromScratch', () => { ind.evaluateFromScratch(); sink += ind.fitness; });
if (sink < 0) console.log(sink);
