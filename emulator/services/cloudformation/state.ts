import type { Properties } from './provider.ts';
import type { Change, OperationType, Output, ResourceToImport, StackEvent, StackResourceDrift, Tag } from '@aws-sdk/client-cloudformation';
import type { Caller } from '../../core/service.ts';
import type { ParameterValue } from './template/parameters.ts';
import type { Template } from './template/parse.ts';
import type { Macro } from './transforms/macros.ts';
import type { StackSet } from './stack-sets/model.ts';
import { newRegistry } from './registry/model.ts';
import type { ResourceScan } from './registry/scan.ts';
import type { GeneratedTemplate } from './operations/generated-templates.ts';
import type { StackRefactor } from './operations/stack-refactors.ts';

/** One resource of a stack as CloudFormation tracks it. */
export interface StackResource {
  logicalId: string;
  type: string;
  physicalId?: string;
  status: string;
  statusReason?: string;
  updated: Date;
  /** Resolved properties the resource has now (what an update compares against). */
  properties: Properties;
  attributes: Record<string, unknown>;
  /** What `Ref` returns. */
  ref?: string;
  deletionPolicy?: string;
  updateReplacePolicy?: string;
  metadata?: unknown;
  /** The last drift detection's finding for this resource. */
  drift?: StackResourceDrift;
  /** SignalResource's signals, while the resource waits for its CreationPolicy (then it takes them). */
  signals?: { uniqueId: string; status: string }[];
}

/** What a stack is deployed with, and what a change set would deploy it with. */
export interface DeploymentSettings {
  templateBody: string;
  template: Template;
  parameters: ParameterValue[];
  capabilities: string[];
  tags: Tag[];
  notificationArns: string[];
  roleArn?: string;
}

export interface Stack extends DeploymentSettings {
  stackId: string;
  stackName: string;
  status: string;
  statusReason?: string;
  created: Date;
  updated?: Date;
  deleted?: Date;
  description?: string;
  timeoutInMinutes?: number;
  disableRollback: boolean;
  terminationProtection: boolean;
  stackPolicyBody?: string;
  outputs: Output[];
  /** Export names this stack's template imports (`Fn::ImportValue`): they cannot go while it exists. */
  imports: Set<string>;
  resources: Map<string, StackResource>;
  /** Newest first, as DescribeStackEvents lists them. */
  events: StackEvent[];
  /** The stack's operations (creation, updates, rollbacks, change set creation, deletion), newest first. */
  operations?: StackOperation[];
  /** Who created the stack: resources are made as this caller. */
  caller: Caller;
  /** The last operation's ClientRequestToken and the operation it named (for idempotent retries). */
  lastToken?: { token: string; operation: string; operationId?: string };
  changeSetId?: string;
  /** The last drift detection's verdict for the stack. */
  drift?: { status: string; timestamp: Date };
  parentId?: string;
  rootId?: string;
  /** What undoes the last update that failed without rolling back (RollbackStack, ContinueUpdateRollback take it). */
  pendingRollback?: PendingRollback;
  /** CancelUpdateStack asked the update in progress to stop and roll back. */
  cancelling?: boolean;
}

/** One operation on a stack: every event it records carries its id (DescribeEvents groups them by it). */
export interface StackOperation {
  id: string;
  type: OperationType;
  status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  started: Date;
  ended?: Date;
  /** The change set the operation creates or executes. */
  changeSetId?: string;
  /** For a rollback CloudFormation started itself: the operation whose failure it undoes. */
  undoes?: string;
}

/** A failed update's undo information: the resources it changed (in order) and the deployment before it. */
export interface PendingRollback {
  journal: { id: string; before?: StackResource }[];
  previous: Pick<DeploymentSettings, 'template' | 'templateBody' | 'parameters'>;
  replaced: StackResource[];
}

export interface ChangeSet extends DeploymentSettings {
  id: string;
  name: string;
  stackId: string;
  stackName: string;
  type: 'CREATE' | 'UPDATE' | 'IMPORT';
  status: string;
  statusReason?: string;
  executionStatus: string;
  created: Date;
  description?: string;
  changes: Change[];
  /** The changes as DescribeChangeSet shows them with IncludePropertyValues (before and after values). */
  changesWithValues?: Change[];
  /** An IMPORT change set's resources and their identifiers. */
  resourcesToImport?: ResourceToImport[];
  includeNestedStacks?: boolean;
  clientToken?: string;
}

export class CloudFormationState {
  /** Every stack, deleted ones too (ListStacks shows them for 90 days), in creation order. */
  readonly stacks: Stack[] = [];
  readonly changeSets = new Map<string, ChangeSet>();
  /** Export name -> the exporting stack and the value. */
  readonly exports = new Map<string, { stackId: string; value: string }>();
  /** Drift detections by id (they complete before DetectStackDrift answers). */
  readonly driftDetections = new Map<string, { stackId: string; status: string; drifted: number; timestamp: Date }>();
  /** Macros (`AWS::CloudFormation::Macro` resources) by name, which templates name in `Transform`. */
  readonly macros = new Map<string, Macro>();
  /** Stack sets administered from this account and region, by id (`name:uuid`); deleted ones stay, as DELETED. */
  readonly stackSets = new Map<string, StackSet>();
  /** The extension registry's private types, registrations and configurations. */
  readonly registry = newRegistry();
  /** Resource scans by id (ARN), in start order. */
  readonly scans = new Map<string, ResourceScan>();
  /** Generated templates (the IaC generator) by id (ARN). */
  readonly generatedTemplates = new Map<string, GeneratedTemplate>();
  /** Stack refactors by id (ARN). */
  readonly refactors = new Map<string, StackRefactor>();
  /** Stack (or stack set) id -> its operation in progress, which settles when the operation ends (not persisted: it is work, not state). */
  readonly running = new Map<string, Promise<void>>();
  /** Operations still running when their request answered, until a DescribeStacks first reads them (not persisted). */
  readonly unanswered = new Map<string, Promise<void>>();

  /** A live stack by name or id (deleted stacks are found by id only, as on AWS). */
  find(nameOrId: string): Stack | undefined {
    if (nameOrId.startsWith('arn:')) return this.stacks.find((s) => s.stackId === nameOrId);
    return this.stacks.find((s) => s.stackName === nameOrId && s.status !== 'DELETE_COMPLETE');
  }
}
