import type { ExperimentWeights } from './trafficWeights.js';

/** A step of an Argo Rollouts canary strategy (the two kinds the export writes). */
export type CanaryStep = { readonly setWeight: number } | { readonly pause: { readonly duration: string } };

export interface RolloutOptions {
  /** the Deployment the Rollout takes its pod template from (Argo's workloadRef) */
  readonly workload: (experiment: ExperimentWeights) => string;
  /** 100 (percent) or 1000 (per mille, with trafficRouting.maxTrafficWeight) */
  readonly scale: number;
}

/**
 * The canary steps of one experiment's plan: hold the canary at weight 0 until its start hour, then
 * one `setWeight` + `pause` per run of hours with the same weight. Argo promotes the canary to 100 %
 * after the last step, i.e. when the experiment's planned hours are over. The pauses add up to
 * start + duration hours.
 */
export function canarySteps(experiment: ExperimentWeights): CanaryStep[] {
  const steps: CanaryStep[] = [];
  if (experiment.start > 0) steps.push({ setWeight: 0 }, { pause: { duration: `${experiment.start}h` } });
  let from = 0;
  for (let offset = 1; offset <= experiment.duration; offset++) {
    if (offset < experiment.duration && experiment.weights[offset] === experiment.weights[from]) continue;
    steps.push({ setWeight: experiment.weights[from] }, { pause: { duration: `${offset - from}h` } });
    from = offset;
  }
  return steps;
}

/** Kubernetes names: lower case alphanumerics and '-', at most 63 characters. */
export function kubernetesName(text: string): string {
  const name = text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return (name || 'x').slice(0, 63).replace(/-+$/, '');
}

/**
 * An Argo Rollouts `Rollout` (argoproj.io/v1alpha1) for one regression experiment: a canary strategy
 * whose steps follow the plan's hourly traffic share, routed by nginx (`setWeight` is exact only with
 * traffic routing; without it Argo approximates weights by replica counts). The pod template comes
 * from the service's Deployment (`workloadRef`). What the weight means and what it cannot express is
 * in harness/export/README.md.
 */
export function argoRollout(experiment: ExperimentWeights, options: RolloutOptions): Record<string, unknown> {
  const service = kubernetesName(experiment.service);
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: {
      name: kubernetesName(`${experiment.service}-experiment-${experiment.id}`),
      annotations: {
        'schedlab/experiment': String(experiment.id),
        'schedlab/start-hour': String(experiment.start),
        'schedlab/hours': String(experiment.duration),
        'schedlab/weight-scale': String(options.scale),
        'schedlab/groups': [...new Set(experiment.groups.flat())].join(','),
      },
    },
    spec: {
      workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: options.workload(experiment) },
      strategy: {
        canary: {
          canaryService: `${service}-canary`,
          stableService: `${service}-stable`,
          trafficRouting: {
            ...(options.scale !== 100 ? { maxTrafficWeight: options.scale } : {}),
            nginx: { stableIngress: service },
          },
          steps: canarySteps(experiment),
        },
      },
    },
  };
}

/**
 * nginx-ingress canary annotations per run of hours with the same weight: apply the `annotations`
 * to the canary Ingress of the service from `fromHour` (inclusive) to `toHour` (exclusive).
 */
export function nginxCanarySchedule(experiment: ExperimentWeights, scale: number): { fromHour: number; toHour: number; annotations: Record<string, string> }[] {
  const windows: { fromHour: number; toHour: number; annotations: Record<string, string> }[] = [];
  let from = 0;
  for (let offset = 1; offset <= experiment.duration; offset++) {
    if (offset < experiment.duration && experiment.weights[offset] === experiment.weights[from]) continue;
    windows.push({
      fromHour: experiment.start + from,
      toHour: experiment.start + offset,
      annotations: {
        'nginx.ingress.kubernetes.io/canary': 'true',
        'nginx.ingress.kubernetes.io/canary-weight': String(experiment.weights[from]),
        'nginx.ingress.kubernetes.io/canary-weight-total': String(scale),
      },
    });
    from = offset;
  }
  return windows;
}
