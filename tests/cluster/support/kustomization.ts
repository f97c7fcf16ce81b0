import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export type KubernetesObject = { apiVersion: string; kind: string; metadata: { name: string; [key: string]: unknown }; [key: string]: unknown };

/** The YAML documents of a file; any syntax error or duplicate key names the file. */
export function readManifests(path: string): KubernetesObject[] {
  return parseAllDocuments(readFileSync(path, 'utf8')).map((document, index) => {
    if (document.errors.length > 0) throw new Error(`${path}: document ${index + 1}: ${document.errors.map((error) => error.message).join('; ')}`);
    return document.toJS() as KubernetesObject;
  });
}

/** Keys of kustomization.yaml this renderer implements; any other key is refused, so it cannot silently differ from kustomize. */
const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'configMapGenerator', 'images', 'replacements']);

interface Kustomization {
  resources: string[];
  configMapGenerator?: { name: string; literals: string[]; options?: { disableNameSuffixHash?: boolean } }[];
  images?: { name: string; newName?: string; newTag?: string }[];
  replacements?: { source: { kind: string; name: string; fieldPath: string }; targets: { select: { kind: string; name: string }; fieldPaths: string[] }[] }[];
}

/**
 * What `kubectl kustomize DIR` prints for the features scripts/kubernetes uses — resources, a
 * ConfigMap from literals (without name hash), image tags and replacements of scalar fields
 * (a string put into a number field becomes a number, as kustomize does) — for machines without
 * kubectl. Where kubectl exists, the test compares the two.
 */
export function renderKustomization(folder: string): KubernetesObject[] {
  const [kustomization] = readManifests(join(folder, 'kustomization.yaml')) as unknown as (Kustomization & Record<string, unknown>)[];
  const unsupported = Object.keys(kustomization).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length > 0) throw new Error(`kustomization.yaml uses ${unsupported.join(', ')}, which renderKustomization does not implement`);
  const objects: KubernetesObject[] = [];
  for (const generator of kustomization.configMapGenerator ?? []) {
    if (!generator.options?.disableNameSuffixHash) throw new Error(`configMapGenerator ${generator.name}: renderKustomization implements only disableNameSuffixHash: true`);
    const data = Object.fromEntries(generator.literals.map((literal) => [literal.slice(0, literal.indexOf('=')), literal.slice(literal.indexOf('=') + 1)]));
    objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: generator.name }, data });
  }
  for (const resource of kustomization.resources) objects.push(...readManifests(join(folder, resource)));
  const find = (kind: string, name: string) => {
    const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
    if (!found) throw new Error(`kustomization.yaml names ${kind}/${name}, which no resource defines`);
    return found;
  };
  for (const { source, targets } of kustomization.replacements ?? []) {
    const value = getPath(find(source.kind, source.name), source.fieldPath);
    for (const target of targets) {
      for (const fieldPath of target.fieldPaths) {
        const object = find(target.select.kind, target.select.name);
        const current = getPath(object, fieldPath);
        if (current === undefined) throw new Error(`${target.select.kind}/${target.select.name} has no ${fieldPath} to replace`);
        setPath(object, fieldPath, typeof current === 'number' ? Number(value) : value);
      }
    }
  }
  for (const image of kustomization.images ?? []) {
    for (const container of objects.flatMap(containersOf)) {
      const [name, tag] = String(container.image).split(':');
      if (name === image.name) container.image = `${image.newName ?? name}:${image.newTag ?? tag}`;
    }
  }
  return objects;
}

/** Containers and init containers of a Pod or of a workload's pod template. */
export function containersOf(object: KubernetesObject): { name: string; image: string; [key: string]: unknown }[] {
  const spec = (object.kind === 'Pod' ? object.spec : getPath(object, 'spec.template.spec')) as { containers?: []; initContainers?: [] } | undefined;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
}

export function getPath(object: unknown, path: string): unknown {
  if (path === '') return object;
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), object);
}

function setPath(object: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const parent = getPath(object, keys.slice(0, -1).join('.')) as Record<string, unknown>;
  parent[keys.at(-1)!] = value;
}
