import type { EndpointEventBus, ReplicationConfig, RoutingConfig, Target } from '@aws-sdk/client-eventbridge';
import { buildArn } from '../../core/arn.ts';
import type { CompiledPattern } from './pattern/index.ts';
import type { ClockWatcher } from '../../core/clock-watcher.ts';
import type { Schedule } from '../../core/schedule/expression.ts';

export const DEFAULT_BUS = 'default';

export interface Rule {
  name: string;
  arn: string;
  busName: string;
  eventPattern?: string;
  compiled?: CompiledPattern;
  scheduleExpression?: string;
  schedule?: Schedule;
  /** When a scheduled rule fires next, on the emulator clock. */
  nextFireMs?: number;
  state: string;
  description?: string;
  roleArn?: string;
  managedBy?: string;
  createdBy: string;
  /** In the order they were first put (ListTargetsByRule's order). */
  targets: Map<string, Target>;
}

export interface PolicyStatement {
  Sid: string;
  Effect: string;
  Principal: unknown;
  Action: string | string[];
  Resource: string | string[];
  Condition?: unknown;
}

export interface EventBus {
  name: string;
  arn: string;
  description?: string;
  kmsKeyIdentifier?: string;
  deadLetterConfig?: { Arn?: string };
  logConfig?: object;
  policy?: { Version: string; Statement: PolicyStatement[] };
  created: Date;
  modified: Date;
  rules: Map<string, Rule>;
}

export interface ArchivedEvent {
  timeMs: number;
  event: Record<string, unknown>;
  size: number;
}

export interface Archive {
  name: string;
  arn: string;
  sourceArn: string;
  description?: string;
  eventPattern?: string;
  compiled?: CompiledPattern;
  retentionDays: number;
  kmsKeyIdentifier?: string;
  created: Date;
  events: ArchivedEvent[];
}

export interface Replay {
  name: string;
  arn: string;
  description?: string;
  sourceArn: string;
  destination: { Arn: string; FilterArns?: string[] };
  eventStartTime: Date;
  eventEndTime: Date;
  state: 'STARTING' | 'RUNNING' | 'CANCELLING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';
  startTime: Date;
  endTime?: Date;
  lastReplayedTime?: Date;
}

export interface Connection {
  name: string;
  arn: string;
  description?: string;
  authorizationType: string;
  /** As given, secrets included (they live in the connection's secret on AWS and are never shown). */
  authParameters: Record<string, unknown>;
  state: string;
  secretArn: string;
  kmsKeyIdentifier?: string;
  created: Date;
  modified: Date;
  authorized: Date;
}

export interface ApiDestination {
  name: string;
  arn: string;
  description?: string;
  connectionArn: string;
  endpoint: string;
  httpMethod: string;
  rateLimit: number;
  created: Date;
  modified: Date;
}

/** EventBridge's state for one account and region. */
/** A global endpoint: two same-named buses in two regions with a failover route (see global-endpoints.ts). */
export interface GlobalEndpoint {
  name: string;
  description?: string;
  arn: string;
  routingConfig: RoutingConfig;
  eventBuses: EndpointEventBus[];
  replicationConfig: ReplicationConfig;
  roleArn?: string;
  endpointId: string;
  endpointUrl: string;
  created: Date;
  modified: Date;
}

/** A partner event source as its partner account created it for a customer account. */
export interface PartnerEventSource {
  name: string;
  arn: string;
  /** The customer account the source is for. */
  account: string;
  /** The partner account that created it. */
  createdBy: string;
  created: Date;
  state: 'PENDING' | 'ACTIVE' | 'DELETED';
}

export class EventsState {
  readonly buses = new Map<string, EventBus>();
  readonly archives = new Map<string, Archive>();
  readonly replays = new Map<string, Replay>();
  readonly connections = new Map<string, Connection>();
  readonly apiDestinations = new Map<string, ApiDestination>();
  readonly endpoints = new Map<string, GlobalEndpoint>();
  /** Partner event sources this (partner) account created, by name and customer account. */
  readonly partnerSources = new Map<string, PartnerEventSource>();
  /** Partner event sources offered to this (customer) account, by name. */
  readonly eventSources = new Map<string, PartnerEventSource>();
  /** Tags by resource ARN (buses and rules). */
  readonly tags = new Map<string, Map<string, string>>();
  /** Fires scheduled rules on the emulator clock (stopped in disposeState). */
  watcher?: ClockWatcher;

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  /** Every account has its default bus, dated by the emulator clock when the account first uses EventBridge. */
  ensureDefaultBus(now: Date): this {
    if (!this.buses.has(DEFAULT_BUS)) this.buses.set(DEFAULT_BUS, newBus(this, DEFAULT_BUS, now));
    return this;
  }

  arn(resource: string): string {
    return buildArn({ service: 'events', region: this.region, accountId: this.accountId, resource });
  }

  ruleArn(busName: string, ruleName: string): string {
    return this.arn(busName === DEFAULT_BUS ? `rule/${ruleName}` : `rule/${busName}/${ruleName}`);
  }
}

export function newBus(state: EventsState, name: string, now: Date): EventBus {
  return { name, arn: state.arn(`event-bus/${name}`), created: now, modified: now, rules: new Map() };
}
