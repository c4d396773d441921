import type { Tag } from '@aws-sdk/client-ssm';

export interface ParameterVersion {
  version: number;
  /** The value as given, or (SecureString) the base64 of its KMS ciphertext. */
  value: string;
  type: 'String' | 'StringList' | 'SecureString';
  keyId?: string;
  description?: string;
  allowedPattern?: string;
  tier: 'Standard' | 'Advanced';
  dataType: string;
  labels: Set<string>;
  lastModifiedDate: Date;
  lastModifiedUser: string;
  policies: string[];
}

export interface Parameter {
  name: string;
  arn: string;
  /** Oldest first; the last one is the parameter's current version. */
  versions: ParameterVersion[];
  tags: Tag[];
}

/** Parameter Store of one account and region: parameters by name. */
export interface SsmState {
  accountId: string;
  region: string;
  parameters: Map<string, Parameter>;
}

export function createSsmState(accountId: string, region: string): SsmState {
  return { accountId, region, parameters: new Map() };
}
