import type {
  AssociationDescription,
  AssociationVersionInfo,
  Command,
  DocumentParameter,
  GetMaintenanceWindowCommandOutput,
  GetMaintenanceWindowTaskCommandOutput,
  GetPatchBaselineCommandOutput,
  OpsItem,
  MaintenanceWindowTarget,
  ResourceDataSyncItem,
  Tag,
} from '@aws-sdk/client-ssm';

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

/** One version of an SSM document, with what SSM reads out of its content. */
export interface DocumentVersionRecord {
  version: string;
  versionName?: string;
  displayName?: string;
  content: string;
  format: 'JSON' | 'YAML' | 'TEXT';
  hash: string;
  schemaVersion?: string;
  description?: string;
  parameters: DocumentParameter[];
  platformTypes: string[];
  targetType?: string;
  createdDate: Date;
}

export interface SsmDocument {
  name: string;
  /** The account id, or `Amazon` for the AWS-owned documents. */
  owner: string;
  documentType: string;
  createdDate: Date;
  /** By version number ("1", "2", ...). */
  versions: Map<string, DocumentVersionRecord>;
  latestVersion: string;
  defaultVersion: string;
  /** Accounts the document is shared with (`all` makes it public), and the version shared. */
  sharedWith: Set<string>;
  sharedVersion?: string;
  tags: Tag[];
}

export interface Association {
  /** The current version's description; older versions are kept in `versions`. */
  description: AssociationDescription;
  versions: AssociationVersionInfo[];
  tags: Tag[];
}

/** A maintenance window task, with the fields GetMaintenanceWindowTask returns. */
export type WindowTask = Omit<GetMaintenanceWindowTaskCommandOutput, '$metadata'>;

export interface MaintenanceWindow {
  /** The window's settings, with the fields GetMaintenanceWindow returns (less NextExecutionTime, computed). */
  settings: Omit<GetMaintenanceWindowCommandOutput, '$metadata' | 'NextExecutionTime'>;
  /** The ClientToken it was created with, and that request, for idempotent retries. */
  clientToken?: { token: string; request: string };
  targets: Map<string, MaintenanceWindowTarget>;
  tasks: Map<string, WindowTask>;
  tags: Tag[];
}

export interface PatchBaseline {
  /** The baseline's settings, with the fields GetPatchBaseline returns (less PatchGroups, kept in the state's map). */
  settings: Omit<GetPatchBaselineCommandOutput, '$metadata' | 'PatchGroups'>;
  clientToken?: { token: string; request: string };
  tags: Tag[];
}

export interface OpsMetadataRecord {
  resourceId: string;
  arn: string;
  metadata: Record<string, { Value?: string }>;
  creationDate: Date;
  lastModifiedDate: Date;
  lastModifiedUser: string;
  tags: Tag[];
}

/** An OpsItem, with the fields GetOpsItem returns, and its tags. */
export interface OpsItemRecord {
  item: OpsItem;
  tags: Tag[];
}

/** A resource policy (PutResourcePolicy): its document, and the hash an update or deletion must name. */
export interface ResourcePolicyRecord {
  policy: string;
  hash: string;
}

export interface ServiceSettingValue {
  value: string;
  lastModifiedDate: Date;
  lastModifiedUser: string;
}

/** Systems Manager of one account and region. */
export interface SsmState {
  accountId: string;
  region: string;
  parameters: Map<string, Parameter>;
  /** The account's own documents by name (the AWS-owned ones live in `aws-documents.ts`). */
  documents: Map<string, SsmDocument>;
  associations: Map<string, Association>;
  windows: Map<string, MaintenanceWindow>;
  /** The account's own patch baselines by id (AWS's predefined ones live in `patch-baselines.ts`). */
  baselines: Map<string, PatchBaseline>;
  /** Patch group name to the baseline ids registered for it (one per operating system). */
  patchGroups: Map<string, string[]>;
  /** Operating system to the account's chosen default baseline id (else AWS's predefined default). */
  defaultBaselines: Map<string, string>;
  dataSyncs: Map<string, ResourceDataSyncItem>;
  /** OpsMetadata objects by the part of their ARN after `opsmetadata` (their tagging id). */
  opsMetadata: Map<string, OpsMetadataRecord>;
  opsItems: Map<string, OpsItemRecord>;
  /** Service settings changed from their defaults, by setting id. */
  serviceSettings: Map<string, ServiceSettingValue>;
  /** Hybrid activations by id (made on first CreateActivation). */
  activations?: Map<string, Activation>;
  /** Run Command commands by id, in the order sent (made on first SendCommand). */
  commands?: Map<string, Command>;
  /** Resource policies by the ARN of their resource, then by policy id (made on first PutResourcePolicy). */
  resourcePolicies?: Map<string, Map<string, ResourcePolicyRecord>>;
}

/** A hybrid activation: the code on-premises servers register with (none ever registers here). */
export interface Activation {
  id: string;
  code: string;
  description?: string;
  defaultInstanceName?: string;
  iamRole: string;
  registrationLimit: number;
  expirationDate: Date;
  createdDate: Date;
  tags: Array<{ Key: string; Value: string }>;
}

export function createSsmState(accountId: string, region: string): SsmState {
  return {
    accountId,
    region,
    parameters: new Map(),
    documents: new Map(),
    associations: new Map(),
    windows: new Map(),
    baselines: new Map(),
    patchGroups: new Map(),
    defaultBaselines: new Map(),
    dataSyncs: new Map(),
    opsMetadata: new Map(),
    opsItems: new Map(),
    serviceSettings: new Map(),
  };
}
