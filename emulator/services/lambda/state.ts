import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeSigningConfig, EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import type { LambdaFunction } from './function.ts';
import type { LayerVersion } from './layer.ts';
import { CodeServer } from './code-server.ts';
import { EnvironmentPool } from './runtime/pool.ts';
import type { AsyncQueue } from './async-invoke.ts';

export interface EventSourceMapping {
  config: EventSourceMappingConfiguration;
  tags: Map<string, string>;
  /** Stops the mapping's poller. */
  stop?: () => void;
}

export interface LambdaState {
  accountId: string;
  region: string;
  functions: Map<string, LambdaFunction>;
  layers: Map<string, { versions: Map<number, LayerVersion>; next: number }>;
  eventSourceMappings: Map<string, EventSourceMapping>;
  codeSigningConfigs: Map<string, CodeSigningConfig>;
  /** CloudWatch Logs deliveries, chained so that each stream gets its events in order. */
  logDelivery: Promise<void>;
  /** Log groups and `group\nstream`s known to exist in CloudWatch Logs. */
  logTargets: Set<string>;
  /** Each function's log output (START/END/REPORT and what the function printed), newest last, bounded. */
  logs: Map<string, { timestamp: number; message: string }[]>;
  codeServer: CodeServer;
  /** Running execution environments, per function version. */
  pool: EnvironmentPool;
  asyncQueue?: AsyncQueue;
  /** Where this state's code and layers are unpacked (created on first use, removed on dispose). */
  workDir(): string;
  disposed: boolean;
  dispose(): Promise<void>;
}

export function createLambdaState(accountId: string, region: string): LambdaState {
  let dir: string | undefined;
  const state: LambdaState = {
    accountId,
    region,
    functions: new Map(),
    layers: new Map(),
    eventSourceMappings: new Map(),
    codeSigningConfigs: new Map(),
    logs: new Map(),
    logDelivery: Promise.resolve(),
    logTargets: new Set(),
    pool: new EnvironmentPool(),
    codeServer: new CodeServer(),
    disposed: false,
    workDir() {
      dir ??= mkdtempSync(join(tmpdir(), `twinstack-lambda-${accountId}-${region}-`));
      return dir;
    },
    async dispose() {
      state.disposed = true;
      for (const mapping of state.eventSourceMappings.values()) mapping.stop?.();
      state.asyncQueue?.stop();
      await state.pool.killAll();
      state.codeServer.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return state;
}
