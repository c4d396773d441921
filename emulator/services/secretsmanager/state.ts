import type { RotationRulesType, Tag } from '@aws-sdk/client-secrets-manager';

export interface SecretVersion {
  id: string;
  stages: Set<string>;
  createDate: Date;
  /** The day this version's value was last read (ListSecretVersionIds shows it per version). */
  lastAccessedDate?: Date;
  /** The value as stored: plaintext, or the KMS ciphertext of a customer managed key. */
  string?: string;
  binary?: Uint8Array;
  /** Set when the value is encrypted under a customer managed KMS key (through KMS). */
  encrypted?: { blob: Uint8Array; binary: boolean };
  kmsKeyId?: string;
}

export interface Secret {
  name: string;
  arn: string;
  description?: string;
  kmsKeyId?: string;
  createDate: Date;
  lastChangedDate: Date;
  lastAccessedDate?: Date;
  deletedDate?: Date;
  deletionDate?: Date;
  /** Undefined until the secret is first tagged (DescribeSecret then lists Tags, even when empty). */
  tags?: Tag[];
  /** In creation order. */
  versions: Map<string, SecretVersion>;
  policy?: string;
  rotation?: { lambdaArn?: string; rules?: RotationRulesType; enabled: boolean; lastRotatedDate?: Date };
  /** On a primary secret: its replicas, by region. */
  replicas?: Map<string, ReplicaStatus>;
  /** On a replica: the region of its primary secret. */
  primaryRegion?: string;
}

export interface ReplicaStatus {
  kmsKeyId?: string;
  status: 'InSync' | 'Failed';
  message: string;
}

/** Secrets Manager state of one account and region: secrets by name. */
export interface SecretsState {
  accountId: string;
  region: string;
  secrets: Map<string, Secret>;
}

export function createSecretsState(accountId: string, region: string): SecretsState {
  return { accountId, region, secrets: new Map() };
}
