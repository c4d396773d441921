import type {
  EncryptionConfiguration,
  HistoryEvent,
  LoggingConfiguration,
  RoutingConfigurationListItem,
  TracingConfiguration,
} from '@aws-sdk/client-sfn';
import { buildArn } from '../../core/arn.ts';
import type { ActivityQueue } from './runtime/activity-queue.ts';
import type { RunningExecution } from './runtime/running.ts';
import type { TaskTokens } from './runtime/task-tokens.ts';

export type MachineType = 'STANDARD' | 'EXPRESS';
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

/** What a state machine and each of its versions share: the definition and configuration an execution runs. */
export interface MachineConfig {
  definition: string;
  roleArn: string;
  type: MachineType;
  loggingConfiguration: LoggingConfiguration;
  tracingConfiguration: TracingConfiguration;
  encryptionConfiguration?: EncryptionConfiguration;
  revisionId: string;
}

export interface MachineVersion extends MachineConfig {
  arn: string;
  version: number;
  description?: string;
  creationDate: Date;
}

export interface MachineAlias {
  name: string;
  arn: string;
  description?: string;
  routingConfiguration: RoutingConfigurationListItem[];
  creationDate: Date;
  updateDate?: Date;
}

export interface StateMachine extends MachineConfig {
  name: string;
  arn: string;
  creationDate: Date;
  updateDate?: Date;
  description?: string;
  versions: Map<number, MachineVersion>;
  /** Version numbers are never reused, even after a version is deleted. */
  lastVersion: number;
  aliases: Map<string, MachineAlias>;
}

export interface Activity {
  name: string;
  arn: string;
  creationDate: Date;
  encryptionConfiguration?: EncryptionConfiguration;
}

export interface Execution {
  arn: string;
  name: string;
  stateMachineArn: string;
  stateMachineVersionArn?: string;
  stateMachineAliasArn?: string;
  /** The configuration the execution runs (its state machine's, or its version's, at start). */
  config: MachineConfig;
  machineName: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  traceHeader?: string;
  events: HistoryEvent[];
  redriveCount: number;
  redriveDate?: Date;
  /** Set for a distributed Map's child executions. */
  mapRunArn?: string;
  /**
   * Where a redrive, or a restart from persisted state, resumes: the last top-level state entered, its input, and
   * when and at which event id it was entered (a resumed Wait waits only what is left); for a Map or Parallel state,
   * the outputs of its iterations or branches that succeeded (`done`, by index), which the first run after a redrive
   * or restart (`redriven`) does not run again; the execution's variables as the state was entered (`vars`, JSON);
   * for a distributed Map state, its map run (`mapRunArn`), whose unsuccessful child executions a redrive redrives.
   */
  resumeAt?: { state: string; input: string; enteredAt?: number; enteredId?: number; done?: Record<string, string>; redriven?: boolean; vars?: string; mapRunArn?: string };
  /** Express executions are not kept in history (DescribeExecution does not know them), as on AWS. */
  recorded: boolean;
}

export interface MapRun {
  arn: string;
  executionArn: string;
  stateMachineArn: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  startDate: Date;
  stopDate?: Date;
  maxConcurrency: number;
  toleratedFailurePercentage: number;
  toleratedFailureCount: number;
  itemCounts: Record<string, number>;
  executionCounts: Record<string, number>;
  redriveCount: number;
  redriveDate?: Date;
}

/** Step Functions' state for one account and region. */
export class SfnState {
  readonly machines = new Map<string, StateMachine>();
  readonly activities = new Map<string, Activity>();
  readonly executions = new Map<string, Execution>();
  readonly mapRuns = new Map<string, MapRun>();
  readonly tags = new Map<string, Map<string, string>>();
  /** What runs now (interpreters, task tokens, activity pollers): not state, so not persisted. */
  running = new Map<string, RunningExecution>();
  tokens?: TaskTokens;
  activityQueues = new Map<string, ActivityQueue>();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  arn(resource: string): string {
    return buildArn({ service: 'states', region: this.region, accountId: this.accountId, resource });
  }
}
