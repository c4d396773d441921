import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { governingPolicy } from './access.ts';
import { kmsModel } from './model.ts';
import { createAlias, deleteAlias, listAliases, updateAlias } from './operations/aliases.ts';
import {
  generateDataKey,
  generateDataKeyPair,
  generateDataKeyPairWithoutPlaintext,
  generateDataKeyWithoutPlaintext,
  generateRandom,
} from './operations/data-keys.ts';
import { decrypt, encrypt, reEncrypt } from './operations/encryption.ts';
import { createGrant, listGrants, listRetirableGrants, retireGrant, revokeGrant } from './operations/grants.ts';
import { getKeyPolicy, listKeyPolicies, putKeyPolicy } from './operations/key-policies.ts';
import {
  cancelKeyDeletion,
  createKey,
  describeKey,
  disableKey,
  enableKey,
  listKeys,
  listResourceTags,
  scheduleKeyDeletion,
  tagResource,
  untagResource,
  updateKeyDescription,
} from './operations/keys.ts';
import { deleteImportedKeyMaterial, getParametersForImport, importKeyMaterial } from './operations/import.ts';
import {
  connectCustomKeyStore,
  createCustomKeyStore,
  deleteCustomKeyStore,
  describeCustomKeyStores,
  disconnectCustomKeyStore,
  updateCustomKeyStore,
} from './operations/custom-key-stores.ts';
import { deriveSharedSecret } from './operations/key-agreement.ts';
import { getKeyLastUsage, trackingUse, TRACKED_OPERATIONS } from './operations/last-usage.ts';
import { generateMac, verifyMac } from './operations/mac.ts';
import { replicateKey, updatePrimaryRegion } from './operations/multi-region.ts';
import { disableKeyRotation, enableKeyRotation, getKeyRotationStatus, listKeyRotations, rotateKeyOnDemand } from './operations/rotation.ts';
import { getPublicKey, sign, verify } from './operations/signing.ts';
import { createKmsState, type KmsState } from './state.ts';

const handlers: Record<string, Handler<KmsState>> = {
  CreateKey: createKey,
  DescribeKey: describeKey,
  ListKeys: listKeys,
  EnableKey: enableKey,
  DisableKey: disableKey,
  ScheduleKeyDeletion: scheduleKeyDeletion,
  CancelKeyDeletion: cancelKeyDeletion,
  UpdateKeyDescription: updateKeyDescription,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListResourceTags: listResourceTags,
  Encrypt: encrypt,
  Decrypt: decrypt,
  ReEncrypt: reEncrypt,
  GenerateDataKey: generateDataKey,
  GenerateDataKeyWithoutPlaintext: generateDataKeyWithoutPlaintext,
  GenerateDataKeyPair: generateDataKeyPair,
  GenerateDataKeyPairWithoutPlaintext: generateDataKeyPairWithoutPlaintext,
  GenerateRandom: generateRandom,
  Sign: sign,
  Verify: verify,
  GetPublicKey: getPublicKey,
  GenerateMac: generateMac,
  DeriveSharedSecret: deriveSharedSecret,
  CreateCustomKeyStore: createCustomKeyStore,
  DescribeCustomKeyStores: describeCustomKeyStores,
  UpdateCustomKeyStore: updateCustomKeyStore,
  ConnectCustomKeyStore: connectCustomKeyStore,
  DisconnectCustomKeyStore: disconnectCustomKeyStore,
  DeleteCustomKeyStore: deleteCustomKeyStore,
  GetKeyLastUsage: getKeyLastUsage,
  VerifyMac: verifyMac,
  CreateAlias: createAlias,
  UpdateAlias: updateAlias,
  DeleteAlias: deleteAlias,
  ListAliases: listAliases,
  CreateGrant: createGrant,
  ListGrants: listGrants,
  ListRetirableGrants: listRetirableGrants,
  RevokeGrant: revokeGrant,
  RetireGrant: retireGrant,
  GetKeyPolicy: getKeyPolicy,
  PutKeyPolicy: putKeyPolicy,
  ListKeyPolicies: listKeyPolicies,
  EnableKeyRotation: enableKeyRotation,
  DisableKeyRotation: disableKeyRotation,
  GetKeyRotationStatus: getKeyRotationStatus,
  RotateKeyOnDemand: rotateKeyOnDemand,
  ListKeyRotations: listKeyRotations,
  GetParametersForImport: getParametersForImport,
  ImportKeyMaterial: importKeyMaterial,
  DeleteImportedKeyMaterial: deleteImportedKeyMaterial,
  ReplicateKey: replicateKey,
  UpdatePrimaryRegion: updatePrimaryRegion,
};

const kms: ServiceDefinition<KmsState> = {
  name: 'kms',
  model: kmsModel(),
  handlers: Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, TRACKED_OPERATIONS.has(name) ? trackingUse(name, handler) : handler])),
  createState: createKmsState,
  validation: 'coral',
  // For --enforce-iam: key policies gate every use of a key, in its own account too.
  resourcePolicy: governingPolicy,
  resourcePolicyGates: true,
};

export default kms;
