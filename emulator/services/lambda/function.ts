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

/** One statement of a resource policy: what AddPermission writes, or any IAM statement a PutResourcePolicy document held. */
export interface PolicyStatement {
  Sid?: string;
  [element: string]: unknown;
}

/** The resource policy of a function, version or alias. */
export interface FunctionPolicy {
  statements: PolicyStatement[];
  revisionId: string;
  /**
   * The Version and Id of a document PutResourcePolicy was given, shown as they were given; a policy AddPermission
   * began shows Version 2012-10-17 and Id `default`.
   */
  header?: { Version?: string; Id?: string };
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
  /** Resource policies per qualifier ('' for the unqualified function). */
  policies: Map<string, FunctionPolicy>;
  reservedConcurrency?: number;
  /**
   * Provisioned concurrency by qualifier; `movingFrom`: the pool key of the version an alias pointed to before it
   * moved, whose environments serve until the new version's are ready.
   */
  provisionedConcurrency: Map<string, { requested: number; lastModified: string; movingFrom?: string }>;
  eventInvokeConfigs: Map<string, FunctionEventInvokeConfig>;
  /** Function scaling configs of versions on a capacity provider, by version number. */
  scalingConfigs?: Map<string, FunctionScalingConfig>;
  urlConfigs: Map<string, FunctionUrlConfig>;
  recursiveLoop: string;
  runtimeManagement: Map<string, { UpdateRuntimeOn: string; RuntimeVersionArn?: string }>;
  codeSigningConfigArn?: string;
}

/** The statements that judge a request for a function, version or alias: the function's own and the qualifier's. */
export function governingStatements(fn: LambdaFunction | undefined, qualifier: string | undefined): PolicyStatement[] {
  return [...(fn?.policies.get('')?.statements ?? []), ...(qualifier ? (fn?.policies.get(qualifier)?.statements ?? []) : [])];
}

/** A resource policy as GetPolicy and GetResourcePolicy show it. */
export function policyText(policy: Omit<FunctionPolicy, 'revisionId'>): string {
  return JSON.stringify({ ...(policy.header ?? { Version: '2012-10-17', Id: 'default' }), Statement: policy.statements });
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
