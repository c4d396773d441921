import type { PatchOperation, Stage } from '@aws-sdk/client-api-gateway';
import { badRequest } from '../errors.ts';
import type { StoredApi } from '../state.ts';

const COPY_PATHS = ['/deploymentId', '/variables'];
const COPY_FROM = ['/canarySettings/deploymentId', '/canarySettings/stageVariableOverrides'];
const CANARY_MEMBERS = ['percentTraffic', 'deploymentId', 'stageVariableOverrides', 'useStageCache'];

/**
 * A `copy` patch of UpdateStage: the promotion of a stage's canary, its deployment or its variable overrides (merged
 * into the stage's variables); AWS refuses any other copy, and any copy while the stage has no canary.
 */
export function promoteCanary(draft: Stage, op: PatchOperation): void {
  if (!COPY_PATHS.includes(op.path ?? '') || !COPY_FROM.includes(op.from ?? '')) {
    throw badRequest(
      `Invalid copy operation with path: ${op.path} and from ${op.from}. Valid copy:path are [${COPY_PATHS.join(', ')}] and valid copy:from are [${COPY_FROM.join(', ')}]`,
    );
  }
  const canary = draft.canarySettings;
  if (!canary) throw badRequest('Promotion not available. Canary does not exist.');
  if (op.from === '/canarySettings/deploymentId') draft.deploymentId = canary.deploymentId;
  else draft.variables = { ...draft.variables, ...canary.stageVariableOverrides };
}

/**
 * Checks a patch of `/canarySettings/<member>` as AWS does, and starts a canary when the stage has none (on the
 * stage's own deployment, no traffic, no stage cache) for the generic patch to change. `invalidPath` is AWS's
 * refusal of an unknown stage path.
 */
export function prepareCanaryPatch(draft: Stage, op: PatchOperation, parts: string[], api: StoredApi, invalidPath: (path: string) => Error): void {
  if (parts.length === 1) {
    if (op.op !== 'remove') throw invalidPath(op.path!);
    return;
  }
  if (op.op === 'remove' && parts.length === 2) throw badRequest(`Cannot remove method setting ${parts.join('/')} because there is no method setting for this method `);
  if (!CANARY_MEMBERS.includes(parts[1])) throw invalidPath(op.path!);
  if (op.op === 'add' && parts[1] === 'deploymentId') throw badRequest('Invalid add operation with path: /canarySettings/deploymentId');
  if (parts[1] === 'deploymentId' && op.op !== 'remove' && !api.deployments.has(op.value ?? '')) throw badRequest('Deployment id does not exist');
  if (op.op !== 'remove') draft.canarySettings ??= { deploymentId: draft.deploymentId, percentTraffic: 0, useStageCache: false };
}
