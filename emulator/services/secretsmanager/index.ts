import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { getRandomPassword } from './operations/password.ts';
import { deleteResourcePolicy, getResourcePolicy, putResourcePolicy, validateResourcePolicy } from './operations/policies.ts';
import { cancelRotateSecret, rotateSecret } from './operations/rotation.ts';
import { createSecret, deleteSecret, describeSecret, listSecrets, restoreSecret, updateSecret } from './operations/secrets.ts';
import { tagResource, untagResource } from './operations/tags.ts';
import { batchGetSecretValue, getSecretValue, listSecretVersionIds, putSecretValue, updateSecretVersionStage } from './operations/values.ts';
import { removeRegionsFromReplication, replicateSecretToRegions, stopReplicationToReplica } from './operations/replication.ts';
import { notOnReplica, syncReplicas } from './replication.ts';
import { checkSecretId, findSecret, type SecretsContext } from './secrets.ts';
import { createSecretsState, type SecretsState } from './state.ts';
import { governingPolicy } from './access.ts';

const handlers: Record<string, Handler<SecretsState>> = {
  CreateSecret: createSecret,
  DescribeSecret: describeSecret,
  UpdateSecret: updateSecret,
  DeleteSecret: deleteSecret,
  RestoreSecret: restoreSecret,
  ListSecrets: listSecrets,
  GetSecretValue: getSecretValue,
  PutSecretValue: putSecretValue,
  BatchGetSecretValue: batchGetSecretValue,
  ListSecretVersionIds: listSecretVersionIds,
  UpdateSecretVersionStage: updateSecretVersionStage,
  PutResourcePolicy: putResourcePolicy,
  GetResourcePolicy: getResourcePolicy,
  DeleteResourcePolicy: deleteResourcePolicy,
  ValidateResourcePolicy: validateResourcePolicy,
  GetRandomPassword: getRandomPassword,
  RotateSecret: rotateSecret,
  CancelRotateSecret: cancelRotateSecret,
  TagResource: tagResource,
  UntagResource: untagResource,
  ReplicateSecretToRegions: replicateSecretToRegions,
  RemoveRegionsFromReplication: removeRegionsFromReplication,
  StopReplicationToReplica: stopReplicationToReplica,
};

/** Changes to a secret that a replica refuses (they are made on the primary) and that its replicas then take over. */
const REPLICATED_CHANGES = new Set([
  'UpdateSecret',
  'PutSecretValue',
  'UpdateSecretVersionStage',
  'TagResource',
  'UntagResource',
  'PutResourcePolicy',
  'DeleteResourcePolicy',
  'RotateSecret',
  'CancelRotateSecret',
  'DeleteSecret',
  'RestoreSecret',
  'ReplicateSecretToRegions',
  'RemoveRegionsFromReplication',
]);

/** Every SecretId is checked before anything else happens (recorded for ten operations in test_invalid_secret_name). */
function secretIdChecked(handler: Handler<SecretsState>): Handler<SecretsState> {
  return (input: { SecretId?: string }, ctx: SecretsContext) => {
    if (typeof input.SecretId === 'string') checkSecretId(input.SecretId);
    return handler(input, ctx);
  };
}

function replicated(name: string, handler: Handler<SecretsState>): Handler<SecretsState> {
  if (!REPLICATED_CHANGES.has(name)) return handler;
  return async (input: { SecretId?: string }, ctx: SecretsContext) => {
    const before = input.SecretId === undefined ? undefined : findSecret(ctx, input.SecretId);
    if (before) notOnReplica(before);
    const output = await handler(input, ctx);
    const after = input.SecretId === undefined ? undefined : findSecret(ctx, input.SecretId);
    if (after?.replicas?.size) await syncReplicas(ctx, after);
    return output;
  };
}

const secretsmanager: ServiceDefinition<SecretsState> = {
  name: 'secretsmanager',
  model: loadModel('secretsmanager'),
  handlers: Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, secretIdChecked(replicated(name, handler))])),
  createState: createSecretsState,
  validation: 'coral',
  // For --enforce-iam: a secret's resource policy naming the caller grants within the secret's account.
  resourcePolicy: governingPolicy,
};

export default secretsmanager;
