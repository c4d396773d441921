import type {
  AliasConfiguration,
  EventSourceMappingConfiguration,
  FunctionConfiguration,
  FunctionEventInvokeConfig,
  GetFunctionUrlConfigResponse,
  GetLayerVersionResponse,
  GetProvisionedConcurrencyConfigResponse,
} from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import type { Properties, ResourceDelete } from '../../cloudformation/provider.ts';
import { givenMembers, templateTags } from '../../cloudformation/read-back.ts';
import { layerVersionOf } from './layer-arn.ts';

/*
 * The read handlers of Lambda's types other than Function (drift detection, Cloud Control): the resource as Lambda
 * has it now, in the template's form. A name the template gave where Lambda answers an ARN (or the other way round)
 * stays the template's while it names the same thing. Under Cloud Control the template is absent and the names come
 * from the resource's identifier.
 */

/** The function name of a function, version or alias ARN (`arn:…:function:name[:qualifier]`). */
const functionNameOf = (arn: string) => arn.split(':')[6];

/** A version's or alias's ARN without its qualifier: the function's. */
const unqualified = (arn: string) => arn.split(':').slice(0, 7).join(':');

/** The template's function reference (name, partial or full ARN) while it names `arn`'s function, else the ARN. */
export function sameFunction(given: unknown, arn: string | undefined): string | undefined {
  if (arn === undefined || typeof given !== 'string') return arn;
  const name = functionNameOf(arn);
  const fn = unqualified(arn);
  return given === arn || given === fn || given === name || fn.endsWith(`:${given}`) ? given : arn;
}

/** An action as AddPermission takes it (`InvokeFunction`) or stores it (`lambda:InvokeFunction`): the template's while the same. */
function sameAction(given: unknown, action: string): string {
  return typeof given === 'string' && (given === action || `lambda:${given}` === action) ? given : action;
}

/** A policy statement's principal in AddPermission's form: `*`, an account id (its root ARN), a role ARN or a service. */
function principalOf(given: unknown, principal: string | { AWS?: string; Service?: string }): string {
  if (typeof principal === 'string') return principal;
  if (principal.Service) return principal.Service;
  const arn = principal.AWS ?? '';
  const account = /^arn:[^:]+:iam::(\d{12}):root$/.exec(arn)?.[1];
  return account && given !== arn ? account : arn;
}

/** Provisioned concurrency of a version or alias as the template gives it, or undefined without one. */
async function provisioned(request: ResourceDelete, FunctionName: string, Qualifier: string): Promise<Properties | undefined> {
  try {
    const config = await request.call<GetProvisionedConcurrencyConfigResponse>('lambda', 'GetProvisionedConcurrencyConfig', { FunctionName, Qualifier });
    return { ProvisionedConcurrentExecutions: config.RequestedProvisionedConcurrentExecutions };
  } catch (error) {
    if ((error as { code?: string }).code === 'ProvisionedConcurrencyConfigNotFoundException') return undefined;
    throw error;
  }
}

/** `AWS::Lambda::Version`: physical id the version ARN. */
export async function readVersion(request: ResourceDelete): Promise<Properties> {
  const p = request.properties;
  const c = await request.call<FunctionConfiguration>('lambda', 'GetFunctionConfiguration', { FunctionName: request.physicalId });
  return {
    FunctionName: sameFunction(p.FunctionName, unqualified(c.FunctionArn!)),
    Description: c.Description,
    CodeSha256: c.CodeSha256,
    ProvisionedConcurrencyConfig: await provisioned(request, c.FunctionArn!, c.Version!),
  };
}

/** `AWS::Lambda::Alias`: physical id the alias ARN. */
export async function readAlias(request: ResourceDelete): Promise<Properties> {
  const p = request.properties;
  const arn = request.physicalId;
  const a = await request.call<AliasConfiguration>('lambda', 'GetAlias', { FunctionName: functionNameOf(arn), Name: arn.split(':')[7] });
  const weights = a.RoutingConfig?.AdditionalVersionWeights;
  return {
    FunctionName: sameFunction(p.FunctionName, unqualified(a.AliasArn!)),
    Name: a.Name,
    FunctionVersion: a.FunctionVersion,
    Description: a.Description,
    RoutingConfig: weights && Object.keys(weights).length ? { AdditionalVersionWeights: Object.entries(weights).map(([FunctionVersion, FunctionWeight]) => ({ FunctionVersion, FunctionWeight })) } : undefined,
    ProvisionedConcurrencyConfig: await provisioned(request, functionNameOf(arn), a.Name!),
  };
}

/** A DestinationConfig without the empty `OnSuccess`/`OnFailure` Lambda answers for the ones not set. */
function destinations(config: { OnSuccess?: { Destination?: string }; OnFailure?: { Destination?: string } } | undefined) {
  if (!config) return undefined;
  const kept = Object.fromEntries(Object.entries(config).filter(([, d]) => d?.Destination));
  return Object.keys(kept).length ? kept : undefined;
}

/** `AWS::Lambda::EventInvokeConfig`: physical id `FunctionName|Qualifier`. */
export async function readEventInvokeConfig(request: ResourceDelete): Promise<Properties> {
  const [FunctionName, Qualifier] = request.physicalId.split('|');
  const c = await request.call<FunctionEventInvokeConfig>('lambda', 'GetFunctionEventInvokeConfig', { FunctionName, Qualifier });
  return {
    FunctionName,
    Qualifier,
    MaximumEventAgeInSeconds: c.MaximumEventAgeInSeconds,
    MaximumRetryAttempts: c.MaximumRetryAttempts,
    DestinationConfig: destinations(c.DestinationConfig),
  };
}

/** `AWS::Lambda::EventSourceMapping`: physical id the mapping's UUID. */
export async function readEventSourceMapping(request: ResourceDelete): Promise<Properties> {
  const p = request.properties;
  const m = await request.call<EventSourceMappingConfiguration & Properties>('lambda', 'GetEventSourceMapping', { UUID: request.physicalId });
  const { Tags } = await request.call<{ Tags?: Record<string, string> }>('lambda', 'ListTags', { Resource: m.EventSourceMappingArn });
  const same = ['EventSourceArn', 'BatchSize', 'FilterCriteria', 'MaximumBatchingWindowInSeconds', 'StartingPosition', 'FunctionResponseTypes', 'MaximumRetryAttempts', 'BisectBatchOnFunctionError'];
  const more = [
    'ParallelizationFactor',
    'MaximumRecordAgeInSeconds',
    'TumblingWindowInSeconds',
    'Topics',
    'Queues',
    'SourceAccessConfigurations',
    'MetricsConfig',
    'LoggingConfig',
    'ProvisionedPollerConfig',
    'AmazonManagedKafkaEventSourceConfig',
    'SelfManagedKafkaEventSourceConfig',
    'DocumentDBEventSourceConfig',
  ];
  return {
    ...Object.fromEntries([...same, ...more].map((name) => [name, m[name]])),
    FunctionName: sameFunction(p.FunctionName, m.FunctionArn),
    KmsKeyArn: m.KMSKeyArn,
    Enabled: m.State !== 'Disabled' && m.State !== 'Disabling',
    ScalingConfig: givenMembers(p.ScalingConfig, m.ScalingConfig),
    DestinationConfig: destinations(m.DestinationConfig),
    SelfManagedEventSource: m.SelfManagedEventSource && { Endpoints: { KafkaBootstrapServers: m.SelfManagedEventSource.Endpoints?.KAFKA_BOOTSTRAP_SERVERS } },
    StartingPositionTimestamp: m.StartingPositionTimestamp === undefined ? undefined : new Date(m.StartingPositionTimestamp).getTime() / 1000,
    Tags: templateTags(request, Tags),
  };
}

/** `AWS::Lambda::LayerVersion`: physical id the layer version ARN; its Content is write-only (not read back). */
export async function readLayerVersion(request: ResourceDelete): Promise<Properties> {
  const p = request.properties;
  const l = await request.call<GetLayerVersionResponse>('lambda', 'GetLayerVersionByArn', { Arn: request.physicalId });
  const layerArn = layerVersionOf(request.physicalId).LayerName;
  return {
    LayerName: typeof p.LayerName === 'string' && (p.LayerName === layerArn || layerArn.endsWith(`:${p.LayerName}`)) ? p.LayerName : layerArn.split(':').pop(),
    Description: l.Description,
    CompatibleRuntimes: l.CompatibleRuntimes?.length ? l.CompatibleRuntimes : undefined,
    CompatibleArchitectures: l.CompatibleArchitectures?.length ? l.CompatibleArchitectures : undefined,
    LicenseInfo: l.LicenseInfo,
  };
}

type Statement = { Sid: string; Principal: string | { AWS?: string; Service?: string }; Action: string; Condition?: Record<string, Record<string, string>> };

/** The statement `sid` of a resource policy's text; a statement removed reads as the resource gone. */
function statement(policy: string, sid: string): Statement {
  const found = (JSON.parse(policy).Statement as Statement[]).find((s) => s.Sid === sid);
  if (!found) throw new AwsError('ResourceNotFoundException', `Statement ${sid} is not found in resource policy.`);
  return found;
}

/** `AWS::Lambda::LayerVersionPermission`: physical id `<layer version ARN>#<statement id>`. */
export async function readLayerVersionPermission(request: ResourceDelete): Promise<Properties> {
  const cut = request.physicalId.lastIndexOf('#');
  const LayerVersionArn = request.physicalId.slice(0, cut);
  const { Policy } = await request.call<{ Policy: string }>('lambda', 'GetLayerVersionPolicy', layerVersionOf(LayerVersionArn));
  const s = statement(Policy, request.physicalId.slice(cut + 1));
  return {
    LayerVersionArn,
    Action: s.Action,
    Principal: principalOf(request.properties.Principal, s.Principal),
    OrganizationId: s.Condition?.StringEquals?.['aws:PrincipalOrgID'],
  };
}

/** `AWS::Lambda::Permission`: physical id the statement id, in the policy of the template's FunctionName. */
export async function readPermission(request: ResourceDelete): Promise<Properties> {
  const p = request.properties;
  const { Policy } = await request.call<{ Policy: string }>('lambda', 'GetPolicy', { FunctionName: p.FunctionName });
  const s = statement(Policy, request.physicalId);
  const equals = s.Condition?.StringEquals ?? {};
  return {
    FunctionName: p.FunctionName,
    Action: sameAction(p.Action, s.Action),
    Principal: principalOf(p.Principal, s.Principal),
    SourceArn: s.Condition?.ArnLike?.['AWS:SourceArn'],
    SourceAccount: equals['AWS:SourceAccount'],
    EventSourceToken: equals['lambda:EventSourceToken'],
    PrincipalOrgID: equals['aws:PrincipalOrgID'],
    FunctionUrlAuthType: equals['lambda:FunctionUrlAuthType'],
    InvokedViaFunctionUrl: s.Condition?.Bool?.['lambda:InvokedViaFunctionUrl'] === 'true' ? true : undefined,
  };
}

/** `AWS::Lambda::Url`: physical id the function (or alias) ARN the URL belongs to. */
export async function readUrl(request: ResourceDelete): Promise<Properties> {
  const p = request.properties;
  const [, , , , , , name, qualifier] = request.physicalId.split(':');
  const u = await request.call<GetFunctionUrlConfigResponse>('lambda', 'GetFunctionUrlConfig', { FunctionName: p.TargetFunctionArn ?? name, Qualifier: p.Qualifier ?? qualifier });
  return {
    TargetFunctionArn: sameFunction(p.TargetFunctionArn, unqualified(u.FunctionArn!)),
    Qualifier: p.Qualifier ?? qualifier,
    AuthType: u.AuthType,
    InvokeMode: u.InvokeMode,
    Cors: givenMembers(p.Cors, u.Cors && Object.keys(u.Cors).length ? u.Cors : undefined),
  };
}
