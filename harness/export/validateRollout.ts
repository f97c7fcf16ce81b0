import { Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import { InputError } from '../../algorithms/problem/inputError.js';

/**
 * Checks a Rollout object against Argo Rollouts' schema (@kubernetes-models/argo-rollouts, the
 * maintained model package generated from Argo's CRDs) and returns it as plain JSON; a schema
 * violation is an InputError naming what and where.
 */
export function validateRollout(object: Record<string, unknown>, what: string): Record<string, unknown> {
  const rollout = new Rollout(object as unknown as ConstructorParameters<typeof Rollout>[0]);
  try {
    rollout.validate();
  } catch (error) {
    throw new InputError('Argo Rollout', what, error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  return rollout.toJSON() as unknown as Record<string, unknown>;
}
