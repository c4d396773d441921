import { createHash, randomUUID } from 'node:crypto';
import type { AliasConfiguration, FunctionConfiguration, FunctionEventInvokeConfig, FunctionScalingConfig, FunctionUrlConfig } from '@aws-sdk/client-lambda';
import { buildArn } from '../../core/arn.ts';
import type { CodeBundle } from './code.ts';

/** One version of a function: `$LATEST` (mutable) or a published number (frozen). */
export interface FunctionVersion {
  /** What GetFunctionConfiguration answers, as stored (State Active, LastUpdateStatus Successful). */
  config: FunctionConfiguration;
  code: CodeBundle;
  /** Layer version ARNs, resolved to their bundles when an environment starts. */
  layers: string[];
}

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: Record<string, string> | string;
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

export interface LambdaFunction {
  name: string;
  /** Unqualified ARN. */
  arn: string;
  latest: FunctionVersion;
  versions: Map<string, FunctionVersion>;
  nextVersion: number;
  /** $LATEST's RevisionId when the newest version was published: publishing an unchanged function returns that version. */
  publishedFrom?: string;
  aliases: Map<string, AliasConfiguration>;
  tags: Map<string, string>;
  /** Resource policy statements per qualifier ('' for the unqualified function). */
  policies: Map<string, { statements: PolicyStatement[]; revisionId: string }>;
  reservedConcurrency?: number;
  provisionedConcurrency: Map<string, { requested: number; lastModified: string }>;
  eventInvokeConfigs: Map<string, FunctionEventInvokeConfig>;
  /** Function scaling configs of versions on a capacity provider, by version number. */
  scalingConfigs?: Map<string, FunctionScalingConfig>;
  urlConfigs: Map<string, FunctionUrlConfig>;
  recursiveLoop: string;
  runtimeManagement: Map<string, { UpdateRuntimeOn: string; RuntimeVersionArn?: string }>;
  codeSigningConfigArn?: string;
  /** Said once per function when its runtime runs on a different interpreter version (see runtime/runtimes.ts). */
  noted?: boolean;
}

/** Lambda's LastModified format: `2024-01-02T03:04:05.678+0000`. */
export function lambdaTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

export function newRevision(): string {
  return randomUUID();
}

export function functionArn(region: string, accountId: string, name: string, qualifier?: string): string {
  return buildArn({ service: 'lambda', region, accountId, resource: `function:${name}${qualifier ? `:${qualifier}` : ''}` });
}

/** AWS names a runtime version by an opaque hash; this one is stable per runtime. */
export function runtimeVersionArn(region: string, runtime: string): string {
  const hash = createHash('sha256').update(runtime).digest('hex');
  return buildArn({ service: 'lambda', region, accountId: '', resource: `runtime:${hash}` });
}

/** The configuration as the response of a create or update shows it: the change is still being applied. */
export function inProgressView(config: FunctionConfiguration, kind: 'create' | 'update'): FunctionConfiguration {
  const view = { ...config };
  if (kind === 'create') {
    delete view.LastUpdateStatus;
    Object.assign(view, { State: 'Pending', StateReason: 'The function is being created.', StateReasonCode: 'Creating' });
  } else {
    Object.assign(view, { LastUpdateStatus: 'InProgress', LastUpdateStatusReason: 'The function is being created.', LastUpdateStatusReasonCode: 'Creating' });
  }
  return view;
}

/**
 * A version's configuration as a list (ListVersionsByFunction, ListFunctions) shows it: without State,
 * LastUpdateStatus and RuntimeVersionConfig, and with `$LATEST` in its ARN where versions are listed.
 */
export function listedView(config: FunctionConfiguration, qualifyLatest: boolean): FunctionConfiguration {
  const {
    State: _state,
    StateReason: _stateReason,
    StateReasonCode: _stateReasonCode,
    LastUpdateStatus: _status,
    LastUpdateStatusReason: _statusReason,
    LastUpdateStatusReasonCode: _statusReasonCode,
    RuntimeVersionConfig: _runtimeVersion,
    ...view
  } = config;
  if (qualifyLatest && config.Version === '$LATEST') view.FunctionArn = `${config.FunctionArn}:$LATEST`;
  return view;
}
