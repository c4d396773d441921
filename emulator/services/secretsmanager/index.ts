import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { getRandomPassword } from './operations/password.ts';
import { deleteResourcePolicy, getResourcePolicy, putResourcePolicy, validateResourcePolicy } from './operations/policies.ts';
import { cancelRotateSecret, rotateSecret } from './operations/rotation.ts';
import { createSecret, deleteSecret, describeSecret, listSecrets, restoreSecret, updateSecret } from './operations/secrets.ts';
import { tagResource, untagResource } from './operations/tags.ts';
import { batchGetSecretValue, getSecretValue, listSecretVersionIds, putSecretValue, updateSecretVersionStage } from './operations/values.ts';
import { createSecretsState, type SecretsState } from './state.ts';

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
};

const secretsmanager: ServiceDefinition<SecretsState> = {
  name: 'secretsmanager',
  model: loadModel('secretsmanager'),
  handlers,
  createState: createSecretsState,
  validation: 'coral',
};

export default secretsmanager;
