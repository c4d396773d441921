import type { ManagedExecution, Parameter, StackResourceDrift, StackSetOperationPreferences, Tag } from '@aws-sdk/client-cloudformation';

/** One stack of a stack set: the stack in a target account and region, and how the last operation left it. */
export interface StackInstance {
  account: string;
  region: string;
  stackId?: string;
  parameterOverrides: Parameter[];
  /** CURRENT, OUTDATED or INOPERABLE. */
  status: string;
  /** PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED, INOPERABLE. */
  detailedStatus: string;
  statusReason?: string;
  lastOperationId?: string;
  /** The last drift detection's verdict for the instance's stack. */
  drift?: { status: 'DRIFTED' | 'IN_SYNC' | 'UNKNOWN'; timestamp: Date };
}

/** What one account and region came to in an operation. */
export interface OperationResult {
  account: string;
  region: string;
  status: string;
  statusReason?: string;
  accountGate?: { status: string; statusReason?: string };
  /** A drift detection's findings for the stack's resources (ListStackInstanceResourceDrifts). */
  drifts?: StackResourceDrift[];
}

export interface StackSetOperation {
  id: string;
  action: 'CREATE' | 'UPDATE' | 'DELETE' | 'DETECT_DRIFT';
  status: string;
  statusReason?: string;
  preferences: StackSetOperationPreferences;
  retainStacks?: boolean;
  adminRoleArn?: string;
  executionRoleName?: string;
  created: Date;
  ended?: Date;
  /** Results by `account/region`, in the order the operation takes them. */
  results: Map<string, OperationResult>;
  /** Set by StopStackSetOperation: targets not yet started are cancelled. */
  stopRequested?: boolean;
}

export interface StackSet {
  name: string;
  id: string;
  arn: string;
  description?: string;
  status: 'ACTIVE' | 'DELETED';
  templateBody: string;
  parameters: Parameter[];
  capabilities: string[];
  tags: Tag[];
  permissionModel: 'SELF_MANAGED' | 'SERVICE_MANAGED';
  adminRoleArn?: string;
  executionRoleName?: string;
  managedExecution: ManagedExecution;
  clientToken?: string;
  /** Instances by `account/region`. */
  instances: Map<string, StackInstance>;
  /** Newest first, as ListStackSetOperations lists them. */
  operations: StackSetOperation[];
}

export function instanceKey(account: string, region: string): string {
  return `${account}/${region}`;
}
