import type { KeyObject } from 'node:crypto';
import type { GrantConstraints, Tag } from '@aws-sdk/client-kms';
import type { KeyUsage } from './specs.ts';

/** One generation of a key's material: symmetric keys gain one per rotation and keep the old ones for decryption. */
export interface KeyMaterial {
  /** 64 hexadecimal characters, as KMS reports key material ids. */
  id: string;
  /** AES-256 or HMAC secret. */
  secret?: Buffer;
  privateKey?: KeyObject;
  publicKey?: KeyObject;
}

export interface Rotation {
  materialId: string;
  date: Date;
  type: 'ON_DEMAND' | 'AUTOMATIC';
}

export type KeyState = 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingImport';

export interface KmsKey {
  id: string;
  arn: string;
  accountId: string;
  createDate: Date;
  description: string;
  usage: KeyUsage;
  spec: string;
  /** AWS managed keys (`alias/aws/<service>`) are made by KMS on first use. */
  manager: 'CUSTOMER' | 'AWS';
  state: KeyState;
  deletionDate?: Date;
  pendingWindowInDays?: number;
  multiRegion: boolean;
  policy: string;
  tags: Tag[];
  /** Oldest first; the last one is current. */
  materials: KeyMaterial[];
  rotationEnabled: boolean;
  rotationPeriodInDays?: number;
  nextRotationDate?: Date;
  rotations: Rotation[];
  /** `EXTERNAL` keys get their material from ImportKeyMaterial; `AWS_CLOUDHSM` and `EXTERNAL_KEY_STORE` keys live in a custom key store. */
  origin?: 'AWS_KMS' | 'EXTERNAL' | 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE';
  customKeyStoreId?: string;
  cloudHsmClusterId?: string;
  /** The external key (EXTERNAL_KEY_STORE keys) behind the key in the external key manager. */
  xksKeyId?: string;
  /** Set while its custom key store is not connected: KeyState Unavailable, no cryptography. */
  unavailable?: boolean;
  /** The last successful cryptographic operation with the key (GetKeyLastUsage). */
  lastUsage?: { operation: string; date: Date; requestId: string };
  /** For imported material: whether it expires, and when. */
  expirationModel?: 'KEY_MATERIAL_EXPIRES' | 'KEY_MATERIAL_DOES_NOT_EXPIRE';
  validTo?: Date;
  /** Imported material (ImportType NEW_KEY_MATERIAL) that the next RotateKeyOnDemand makes current. */
  pendingMaterial?: KeyMaterial;
  /** Multi-Region keys: the primary key's region, and (on the primary) its replicas' regions. */
  primaryRegion?: string;
  replicaRegions?: string[];
}

/** What GetParametersForImport handed out, by import token (base64): its wrapping key and how long it serves. */
export interface ImportParameters {
  keyId: string;
  privateKey: KeyObject;
  algorithm: string;
  validTo: Date;
}

export interface Alias {
  name: string;
  arn: string;
  keyId: string;
  createDate: Date;
  updateDate: Date;
}

export interface Grant {
  id: string;
  token: string;
  keyId: string;
  name?: string;
  createDate: Date;
  granteePrincipal: string;
  retiringPrincipal?: string;
  issuingAccount: string;
  operations: string[];
  constraints?: GrantConstraints;
}

export type ConnectionState = 'CONNECTED' | 'CONNECTING' | 'FAILED' | 'DISCONNECTED' | 'DISCONNECTING';

/**
 * A custom key store: a CloudHSM cluster or an external key store proxy, as KMS records it. No cluster or proxy is
 * contacted: the emulator stands in for them (their keys use the emulator's own material).
 */
export interface CustomKeyStore {
  id: string;
  name: string;
  type: 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE';
  createDate: Date;
  connectionState: ConnectionState;
  cloudHsmClusterId?: string;
  trustAnchorCertificate?: string;
  xks?: {
    connectivity: 'PUBLIC_ENDPOINT' | 'VPC_ENDPOINT_SERVICE';
    accessKeyId: string;
    uriEndpoint: string;
    uriPath: string;
    vpcEndpointServiceName?: string;
    vpcEndpointServiceOwner?: string;
  };
}

/** KMS state of one account and region. */
export interface KmsState {
  accountId: string;
  region: string;
  keys: Map<string, KmsKey>;
  aliases: Map<string, Alias>;
  grants: Map<string, Grant>;
  importParameters: Map<string, ImportParameters>;
  /** By id (`cks-` and 17 hex digits); absent in states saved before custom key stores existed. */
  customKeyStores?: Map<string, CustomKeyStore>;
}

export function createKmsState(accountId: string, region: string): KmsState {
  return { accountId, region, keys: new Map(), aliases: new Map(), grants: new Map(), importParameters: new Map(), customKeyStores: new Map() };
}
