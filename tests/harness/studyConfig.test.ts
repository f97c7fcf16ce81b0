import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStudyConfig, parseStudyConfig } from '../../harness/config/loadStudyConfig.js';
import { PROJECT_ROOT } from '../../harness/replicate/projectPaths.js';

const minimal = (study: Record<string, unknown> = {}) => ({
  baseSeed: 1,
  studies: [{ name: 'scaling', sizes: [10], ress: ['mid'], repetitions: 1, algorithms: [{ name: 'genetic' }], ...study }],
});
const errorOf = (config: unknown, source = 'configs/x.json'): string => {
  try {
    parseStudyConfig(typeof config === 'string' ? config : JSON.stringify(config), source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the config to be rejected');
};

describe('study config validation', () => {
  it('accepts the shipped configs', () => {
    for (const name of ['paper', 'quick', 'quick-repeated', 'calibration', 'max-fitness', 'scaling', 'reevaluation', 'reevaluation-variants', 'sensitivity', 'benchmark', 'benchmark-quick']) {
      const { config } = loadStudyConfig(join(PROJECT_ROOT, 'configs', `${name}.json`));
      expect(config.name).toBe(name);
    }
  });

  it('names the file and the field in one line', () => {
    const config = minimal();
    config.studies.push({ ...config.studies[0], name: 'max-fitness' }, { ...config.studies[0], name: 'calibration', sizes: [0] });
    expect(errorOf(config)).toBe('configs/x.json: studies[2].sizes[0]: must be ≥ 1');
    expect(errorOf(minimal({ repetitions: 0 }))).toBe('configs/x.json: studies[0].repetitions: must be ≥ 1');
    expect(errorOf(minimal({ ress: ['medium'] }))).toMatch(/^configs\/x\.json: studies\[0\]\.ress\[0\]: unknown set "medium": expected low, mid or high/);
    expect(errorOf(minimal({ sizes: { from: 30, to: 10, step: 5 } }))).toMatch(/^configs\/x\.json: studies\[0\]\.sizes: must be a list of integers or a range/);
    expect(errorOf({ ...minimal(), baseSeed: 1.5 })).toBe('configs/x.json: baseSeed: must be an integer');
    expect(errorOf({ ...minimal(), colour: 'red' })).toMatch(/^configs\/x\.json: \(root\): Unrecognized key/i);
  });

  it('checks algorithm names and parameters against the registry', () => {
    expect(errorOf(minimal({ algorithms: [{ name: 'tabu-search' }] })))
      .toMatch(/^configs\/x\.json: studies\[0\]\.algorithms\[0\]\.name: unknown algorithm "tabu-search" \(known: random-sampling, genetic/);
    expect(errorOf(minimal({ algorithms: [{ name: 'genetic', params: { populaton: 40 } }] })))
      .toBe('configs/x.json: studies[0].algorithms[0].params: unknown parameter(s) populaton for genetic');
    expect(errorOf(minimal({ algorithms: [{ name: 'genetic', grid: { populationSize: [40, 1] } }] })))
      .toMatch(/^configs\/x\.json: studies\[0\]\.algorithms\[0\]\.params\.populationSize: /);
    expect(errorOf(minimal({ algorithms: [{ name: 'genetic' }, { name: 'genetic' }] })))
      .toMatch(/^configs\/x\.json: studies: two trials share the id scaling\/genetic\/mid\/n10\/r1/);
  });

  it('requires restart settings exactly for the re-evaluation study', () => {
    expect(errorOf(minimal({ name: 'reevaluation' }))).toMatch(/studies\[0\]\.restart: a study of kind reevaluation needs/);
    expect(errorOf(minimal({ restart: { hour: 72 } }))).toMatch(/studies\[0\]\.restart: only a study of kind reevaluation/);
  });

  it('takes a re-scheduling population variant only in the re-evaluation study, and not with the robust sampler', () => {
    const reevaluation = (entry: Record<string, unknown>, study: Record<string, unknown> = {}) =>
      minimal({ name: 'reevaluation', restart: { hour: 72, discardIds: [4] }, algorithms: [{ name: 'genetic', label: 'genetic.x', ...entry }], ...study });
    expect(() => parseStudyConfig(JSON.stringify(reevaluation({ reschedulingPopulation: 'as-published' })), 'x.json')).not.toThrow();
    expect(errorOf(minimal({ algorithms: [{ name: 'genetic', reschedulingPopulation: 'as-published' }] })))
      .toBe('configs/x.json: studies[0].algorithms[0].reschedulingPopulation: only entries of a study of kind reevaluation take "reschedulingPopulation"');
    expect(errorOf(reevaluation({ reschedulingPopulation: 'published' }))).toMatch(/^configs\/x\.json: studies\[0\]\.algorithms\[0\]\.reschedulingPopulation: must be one of sound, as-published, paper-means-hypothesis/);
    expect(errorOf(reevaluation({ reschedulingPopulation: 'paper-means-hypothesis' }, { sampler: 'robust' })))
      .toMatch(/reschedulingPopulation: "paper-means-hypothesis" samples as published; it does not combine with "sampler": "robust"/);
  });

  it('takes free study names with a kind; a name that is a kind is that kind', () => {
    const { config } = parseStudyConfig(JSON.stringify({ baseSeed: 1, studies: [
      minimal().studies[0],
      { ...minimal().studies[0], name: 'scaling-low-budget', kind: 'scaling' },
      { ...minimal().studies[0], name: 'max-fitness', kind: 'max-fitness' },
    ] }), 'configs/x.json');
    expect(config.studies.map((study) => [study.name, study.kind])).toEqual([['scaling', 'scaling'], ['scaling-low-budget', 'scaling'], ['max-fitness', 'max-fitness']]);
  });

  it('refuses a missing or unknown kind, a kind that contradicts the name, a bad name and a second benchmark, in one line', () => {
    expect(errorOf(minimal({ name: 'scaling-low-budget' })))
      .toBe('configs/x.json: studies[0].kind: study "scaling-low-budget" needs a "kind" (one of calibration, max-fitness, scaling, reevaluation, sensitivity, benchmark): its name is not one');
    expect(errorOf(minimal({ name: 'scaling-low-budget', kind: 'scalability' })))
      .toBe('configs/x.json: studies[0].kind: must be one of calibration, max-fitness, scaling, reevaluation, sensitivity, benchmark');
    expect(errorOf(minimal({ kind: 'max-fitness' })))
      .toBe('configs/x.json: studies[0].kind: a study named "scaling" is of kind scaling: rename it to give it kind max-fitness');
    expect(errorOf(minimal({ name: 'Scaling 2' }))).toMatch(/^configs\/x\.json: studies\[0\]\.name: must be lower-case letters, digits, \. and -/);
    expect(errorOf(minimal({ name: 'a/b', kind: 'scaling' }))).toMatch(/^configs\/x\.json: studies\[0\]\.name: must be lower-case/);
    // the kind's rules apply whatever the name
    expect(errorOf(minimal({ name: 'restart-at-72', kind: 'reevaluation' }))).toMatch(/^configs\/x\.json: studies\[0\]\.restart: a study of kind reevaluation needs/);
    const benchmark = { ...minimal().studies[0], ress: ['bench/load/x4'], budget: { evaluations: 100 } };
    expect(errorOf({ baseSeed: 1, studies: [{ ...benchmark, name: 'benchmark' }, { ...benchmark, name: 'benchmark-small', kind: 'benchmark' }] }))
      .toMatch(/^configs\/x\.json: studies\[1\]\.kind: a config holds at most one study of kind benchmark/);
    for (const message of [errorOf(minimal({ name: 'scaling-low-budget' })), errorOf(minimal({ kind: 'bogus' }))]) expect(message).not.toContain('\n');
  });

  it('reports malformed JSON in one line', () => {
    const message = errorOf('{"baseSeed": 1,\n  "studies": [}');
    expect(message).toMatch(/^configs\/x\.json: (line 2, column \d+: )?malformed JSON/);
    expect(message).not.toContain('\n');
  });
});

describe('npm run replicate with a bad config', () => {
  const folder = mkdtempSync(join(tmpdir(), 'schedlab-config-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(folder, name), text);
    return join(folder, name);
  };
  const cases: [string, string, RegExp][] = [
    ['unknown algorithm', write('unknown.json', JSON.stringify(minimal({ algorithms: [{ name: 'tabu-search' }] }))), /unknown\.json: studies\[0\]\.algorithms\[0\]\.name: unknown algorithm "tabu-search"/],
    ['size < 1', write('size.json', JSON.stringify(minimal({ sizes: [10, 0] }))), /size\.json: studies\[0\]\.sizes\[1\]: must be ≥ 1/],
    ['missing file', join(folder, 'absent.json'), /absent\.json: file not found/],
    ['invalid JSON', write('broken.json', '{"baseSeed": 1, "studies": [ '), /broken\.json: .*malformed JSON/],
    ['unknown study kind', write('kind.json', JSON.stringify(minimal({ name: 'scaling-2', kind: 'scalability' }))), /kind\.json: studies\[0\]\.kind: must be one of calibration, max-fitness, scaling/],
  ];

  it.each(cases)('%s: one clear line, exit code ≠ 0', (_, path, expected) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'harness/cli/replicate.ts'), '--config', path, '--out', join(folder, 'out'), '--no-figures'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toMatch(expected);
  });
});
