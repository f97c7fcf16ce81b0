import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Job } from 'kubernetes-models/batch/v1';
import { ConfigMap, PersistentVolumeClaim, Pod } from 'kubernetes-models/v1';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '../support/referenceData.js';
import { containersOf, readManifests, renderKustomization, type KubernetesObject } from './support/kustomization.js';
import { standInCommands } from './support/standInCommands.js';

/*
 * scripts/kubernetes/ read, not run (no cluster here): the kustomization rendered as
 * `kubectl apply -k` would (checked against `kubectl kustomize` where kubectl exists), every
 * object validated against the Kubernetes schemas of kubernetes-models, the fields the run depends
 * on checked, and the containers' commands run with a stand-in node.
 */

const FOLDER = join(REPO_ROOT, 'scripts/kubernetes');
const rendered = renderKustomization(FOLDER);
const byKind = (kind: string, name: string): KubernetesObject => {
  const found = rendered.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name} in the rendered kustomization`);
  return found;
};
const study = byKind('ConfigMap', 'schedlab-study') as KubernetesObject & { data: Record<string, string> };
const replicate = byKind('Job', 'schedlab-replicate') as KubernetesObject & { spec: Record<string, any> };
const merge = byKind('Job', 'schedlab-merge') as KubernetesObject & { spec: Record<string, any> };
const volume = byKind('PersistentVolumeClaim', 'schedlab-results') as KubernetesObject & { spec: Record<string, any> };
const [reader] = readManifests(join(FOLDER, 'results-reader.yaml')) as (KubernetesObject & { spec: Record<string, any> })[];
const packageVersion = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8', timeout: 20_000 });
const hasKubectl = kubectl.status === 0;
if (!hasKubectl) console.warn('SKIPPED (kubectl kustomize comparison, tests/cluster/kubernetesManifests.test.ts): kubectl not installed; the manifests are checked as rendered by tests/cluster/support/kustomization.ts');

const standIns = standInCommands();
/** Runs a container's `sh -c` command like the kubelet, with the ConfigMap's variables and `env`. */
function runContainer(container: Record<string, unknown>, env: Record<string, string>) {
  expect(container.command).toEqual(['sh', '-c']);
  expect(container.args).toHaveLength(1);
  return standIns.run('sh', ['-c', (container.args as string[])[0]], { ...study.data, ...env });
}

describe('scripts/kubernetes (kustomization, jobs, volume, results reader)', () => {
  afterAll(() => standIns.remove());

  it.skipIf(!hasKubectl)('renders as kubectl kustomize renders it', () => {
    const real = spawnSync('kubectl', ['kustomize', FOLDER], { encoding: 'utf8', timeout: 60_000 });
    expect(real.status, real.stderr).toBe(0);
    const key = (object: KubernetesObject) => `${object.kind}/${object.metadata.name}`;
    const objects = (list: KubernetesObject[]) => Object.fromEntries(list.map((object) => [key(object), object]));
    const fromKubectl = real.stdout.split(/^---$/m).map((text) => parseYaml(text) as KubernetesObject);
    expect(objects(fromKubectl)).toEqual(objects(rendered));
  });

  it('every object is valid against the Kubernetes schemas (kubernetes-models)', () => {
    expect(rendered.map((object) => `${object.kind}/${object.metadata.name}`).sort())
      .toEqual(['ConfigMap/schedlab-study', 'Job/schedlab-merge', 'Job/schedlab-replicate', 'PersistentVolumeClaim/schedlab-results']);
    const models: Record<string, new (data: any) => { validate(): void }> = { ConfigMap, PersistentVolumeClaim, Job, Pod };
    for (const object of [...rendered, reader]) {
      expect(() => new models[object.kind](object).validate(), `${object.kind}/${object.metadata.name}`).not.toThrow();
    }
    // the schemas can fail: a string where Kubernetes wants a number is refused
    expect(() => new Job({ ...replicate, spec: { ...replicate.spec, completions: '8' } } as any).validate()).toThrow(/completions must be integer/);
  });

  it('the shard count is set once: completions = parallelism = SHARDS of the ConfigMap, which the pods read', () => {
    expect(study.data.SHARDS).toBe('8');
    expect(replicate.spec).toMatchObject({ completionMode: 'Indexed', completions: 8, parallelism: 8 });
    for (const job of [replicate, merge]) {
      for (const container of containersOf(job)) expect(container.envFrom, container.name).toEqual([{ configMapRef: { name: 'schedlab-study' } }]);
    }
    // pods stopped by a disruption do not use up the retries: their replacement resumes the shard
    expect(replicate.spec.template.spec.restartPolicy).toBe('Never');
    expect(replicate.spec.podFailurePolicy.rules).toContainEqual({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] });
    expect(replicate.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(30);
  });

  it('images: the built tag (= package version), pulled only if absent; the results reader has tar for kubectl cp', () => {
    for (const job of [replicate, merge]) {
      for (const container of containersOf(job)) {
        expect(container.image, container.name).toBe(`schedlab:${packageVersion}`);
        expect(container.imagePullPolicy, container.name).toBe('IfNotPresent');
        expect(container.workingDir, container.name).toBe('/app');
      }
    }
    for (const file of ['kustomization.yaml', '../../Dockerfile']) {
      expect(readFileSync(join(FOLDER, file), 'utf8'), file).toContain(`-t schedlab:${packageVersion}`);
    }
    const [readerContainer] = containersOf(reader);
    expect(readerContainer.image).toMatch(/^busybox:\d+\.\d+/);
    expect(readerContainer.volumeMounts).toEqual([{ name: 'results', mountPath: '/results', readOnly: true }]);
  });

  it('one ReadWriteMany results volume with the storage class of the ConfigMap, mounted by every pod', () => {
    expect(volume.spec.accessModes).toEqual(['ReadWriteMany']);
    expect(volume.spec.storageClassName).toBe(study.data.STORAGE_CLASS);
    expect(study.data.STORAGE_CLASS).not.toBe('');
    for (const pod of [replicate.spec.template.spec, merge.spec.template.spec, reader.spec]) {
      expect(pod.volumes).toEqual([{ name: 'results', persistentVolumeClaim: { claimName: 'schedlab-results' } }]);
    }
    for (const container of [...containersOf(replicate), ...containersOf(merge)]) {
      expect(container.volumeMounts, container.name).toEqual([{ name: 'results', mountPath: '/results' }]);
    }
  });

  it('a shard pod execs node (PID 1: the SIGTERM reaches the harness) on shard index+1 of SHARDS, with a worker per requested CPU', () => {
    const [container] = containersOf(replicate) as any[];
    expect(container.env).toEqual([{ name: 'WORKERS', valueFrom: { resourceFieldRef: { containerName: container.name, resource: 'requests.cpu', divisor: '1' } } }]);
    expect(container.resources.requests.cpu).toBe('2');
    const run = runContainer(container, { JOB_COMPLETION_INDEX: '2', WORKERS: '2' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('schedlab: configs/paper.json shard 3/8');
    expect(run.calls).toEqual([`node pid=${run.pid} --import tsx harness/cli/replicate.ts --config configs/paper.json --shard 3/8 --workers 2 --out /results/paper/shard-3-of-8 --no-figures`]);
    const other = runContainer(container, { JOB_COMPLETION_INDEX: '0', WORKERS: '1', SHARDS: '2', CONFIG: 'configs/quick.json', DATA: 'fenrir', RESULTS: '/results/run-7' });
    expect(other.calls).toEqual([`node pid=${other.pid} --import tsx harness/cli/replicate.ts --config configs/quick.json --shard 1/2 --workers 1 --out /results/run-7/shard-1-of-2 --no-figures --data fenrir`]);
  });

  it('the merge pod waits for SHARDS shards of the same results folder, merges them and execs the figures', () => {
    const [container] = containersOf(merge);
    const results = join(standIns.scratch, 'k8s-results');
    for (const shard of [1, 2]) {
      mkdirSync(join(results, `shard-${shard}-of-2`), { recursive: true });
      writeFileSync(join(results, `shard-${shard}-of-2`, 'manifest.json'), JSON.stringify({ status: 'partial', trials: { planned: 4, recorded: 2, failed: 0 } }));
    }
    writeFileSync(join(results, 'manifest.json'), JSON.stringify({ status: 'complete' }));
    const run = runContainer(container, { SHARDS: '2', RESULTS: results });
    expect(run.status, run.stderr).toBe(0);
    expect(run.calls).toEqual([
      expect.stringMatching(new RegExp(`--import tsx harness/cli/merge.ts ${results}/shard-1-of-2 ${results}/shard-2-of-2 --out ${results}$`)),
      `node pid=${run.pid} --import tsx harness/cli/figures.ts ${results}`,
    ]);
    expect(merge.spec.activeDeadlineSeconds).toBeGreaterThan(0);
  });

  it('the image: dependencies installed in it (host node_modules, results and .git kept out), the paper data optional, the commit recorded', () => {
    const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
    for (const entry of ['node_modules', 'results', '.git']) expect(ignored).toContain(entry);
    const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20-/m);
    expect(dockerfile).toContain('RUN npm ci');
    expect(dockerfile).toContain('COPY --from=fenrir . /shared/data/fenrir/');
    expect(dockerfile).toContain('ENV SCHEDLAB_GIT_COMMIT=');
    // outside git (no .git in the image) the manifest's commit is the one the image was built from
    const probe = spawnSync(process.execPath, ['--import', 'tsx', '-e', "import('./harness/output/manifest.ts').then((m) => console.log(JSON.stringify(m.gitState())))"], {
      cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, PATH: '/nonexistent', SCHEDLAB_GIT_COMMIT: 'abc123' },
    });
    expect(probe.status, probe.stderr).toBe(0);
    expect(JSON.parse(probe.stdout)).toEqual({ commit: 'abc123' });
  });
});
