import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CapacityProvider, CodeSigningConfig, EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import type { LambdaFunction } from './function.ts';
import type { LayerVersion } from './layer.ts';
import { CodeServer } from './code-server.ts';
import { EnvironmentPool } from './runtime/pool.ts';
import type { AsyncQueue } from './async-invoke.ts';
import type { DurableExecution } from './durable/execution.ts';

export interface EventSourceMapping {
  config: EventSourceMappingConfiguration;
  tags: Map<string, string>;
}

/**
 * One account's and region's Lambda: what it was told (functions with their versions, aliases, code, permissions,
 * URL and concurrency settings; layers; event source mappings; code signing configs) is data and persists; what
 * runs (pollers, execution environments, the code server, the async queue, unpacked code) is transient.
 */
export class LambdaState {
  readonly functions = new Map<string, LambdaFunction>();
  readonly layers = new Map<string, { versions: Map<number, LayerVersion>; next: number }>();
  readonly eventSourceMappings = new Map<string, EventSourceMapping>();
  readonly codeSigningConfigs = new Map<string, CodeSigningConfig>();
  /** Code signing configs' tags, by config ARN. */
  readonly codeSigningConfigTags = new Map<string, Map<string, string>>();
  /** Capacity providers (Lambda Managed Instances), by name. */
  readonly capacityProviders = new Map<string, CapacityProvider>();
  /** Capacity providers' tags, by provider name. */
  readonly capacityProviderTags = new Map<string, Map<string, string>>();
  /** Stops each running mapping's poller, by mapping UUID. */
  pollers = new Map<string, () => void>();
  /** CloudWatch Logs deliveries, chained so that each stream gets its events in order. */
  logDelivery: Promise<void> = Promise.resolve();
  /** Log groups and `group\nstream`s known to exist in CloudWatch Logs. */
  logTargets = new Set<string>();
  /** Each function's log output (START/END/REPORT and what the function printed), newest last, bounded. */
  logs = new Map<string, { timestamp: number; message: string }[]>();
  codeServer = new CodeServer();
  /** Running execution environments, per function version. */
  pool = new EnvironmentPool();
  asyncQueue?: AsyncQueue;
  /** Durable executions by ARN (transient: they end with the emulator), and their pending callbacks by callback id. */
  durableExecutions = new Map<string, DurableExecution>();
  durableCallbacks = new Map<string, { executionArn: string; operationId: string; heartbeatSeconds?: number }>();
  disposed = false;
  /** Where this state's code and layers are unpacked (created on first use, removed on dispose). */
  private dir?: string;

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  workDir(): string {
    this.dir ??= mkdtempSync(join(tmpdir(), `twinstack-lambda-${this.accountId}-${this.region}-`));
    return this.dir;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const stop of this.pollers.values()) stop();
    this.pollers.clear();
    this.asyncQueue?.stop();
    for (const execution of this.durableExecutions.values()) for (const cancel of execution.timers.values()) cancel();
    await this.pool.killAll();
    this.codeServer.close();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

export function createLambdaState(accountId: string, region: string): LambdaState {
  return new LambdaState(accountId, region);
}
