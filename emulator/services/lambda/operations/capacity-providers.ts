import type {
  CapacityProvider,
  CreateCapacityProviderRequest,
  DeleteCapacityProviderRequest,
  FunctionScalingConfig,
  GetCapacityProviderRequest,
  GetFunctionScalingConfigRequest,
  ListCapacityProvidersRequest,
  ListFunctionVersionsByCapacityProviderRequest,
  PutFunctionScalingConfigRequest,
  UpdateCapacityProviderRequest,
} from '@aws-sdk/client-lambda';
import { buildArn, parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { functionArn, lambdaTimestamp, type FunctionVersion, type LambdaFunction } from '../function.ts';
import { page, unqualifiedFunction } from '../lookup.ts';
import type { LambdaState } from '../state.ts';

type Ctx = RequestContext<LambdaState>;

/**
 * Capacity providers (Lambda Managed Instances) and function scaling configs are stored, validated and returned as
 * AWS does; twinstack has no EC2 instances to place functions on, so functions that name a provider run as every
 * function does here, in child processes. Error codes are the model's; AWS documents no messages for these errors,
 * so the messages are twinstack's.
 */

/** The provider's name, given as a name or an ARN. */
function providerName(text: string): string {
  return text.startsWith('arn:') ? text.slice(text.lastIndexOf(':') + 1) : text;
}

function notFound(name: string): AwsError {
  return new AwsError('ResourceNotFoundException', `Capacity provider ${name} does not exist.`, { status: 404 });
}

function find(ctx: Ctx, text: string): CapacityProvider {
  const name = providerName(text);
  const provider = ctx.state.capacityProviders.get(name);
  if (!provider) throw notFound(name);
  return provider;
}

/** Auto scaling takes no policies; Manual needs them (AWS's rule for CapacityProviderScalingConfig). */
function checkScaling(config: CapacityProvider['CapacityProviderScalingConfig']): void {
  if (!config) return;
  if (config.ScalingMode === 'Manual' && !config.ScalingPolicies?.length) {
    throw new AwsError('InvalidParameterValueException', 'ScalingPolicies must be provided when ScalingMode is Manual.');
  }
  if (config.ScalingMode !== 'Manual' && config.ScalingPolicies?.length) {
    throw new AwsError('InvalidParameterValueException', 'ScalingPolicies can only be provided when ScalingMode is Manual.');
  }
}

/** Explicit propagation needs the tags it propagates (AWS's rule for PropagateTags; its wording is not documented). */
function checkPropagateTags(propagate: CapacityProvider['PropagateTags']): void {
  if (propagate?.Mode === 'Explicit' && !propagate.ExplicitTags) {
    throw new AwsError('InvalidParameterValueException', 'ExplicitTags must be provided when Mode is Explicit.');
  }
}

/** Every function version placed on the provider ($LATEST and published versions). */
function versionsOn(ctx: Ctx, arn: string): { fn: LambdaFunction; version: FunctionVersion }[] {
  const found: { fn: LambdaFunction; version: FunctionVersion }[] = [];
  for (const fn of ctx.state.functions.values()) {
    for (const version of [fn.latest, ...fn.versions.values()]) {
      if (version.config.CapacityProviderConfig?.LambdaManagedInstancesCapacityProviderConfig?.CapacityProviderArn === arn) found.push({ fn, version });
    }
  }
  return found;
}

export function createCapacityProvider(input: CreateCapacityProviderRequest, ctx: Ctx) {
  const name = input.CapacityProviderName!;
  if (name.startsWith('arn:')) throw new AwsError('InvalidParameterValueException', 'CapacityProviderName must be a name, not an ARN.');
  if (ctx.state.capacityProviders.has(name)) throw new AwsError('ResourceConflictException', `Capacity provider ${name} already exists.`, { status: 409 });
  checkScaling(input.CapacityProviderScalingConfig);
  checkPropagateTags(input.PropagateTags);
  const provider: CapacityProvider = {
    CapacityProviderArn: buildArn({ service: 'lambda', region: ctx.state.region, accountId: ctx.state.accountId, resource: `capacity-provider:${name}` }),
    State: 'Active',
    VpcConfig: { SubnetIds: input.VpcConfig!.SubnetIds, SecurityGroupIds: input.VpcConfig!.SecurityGroupIds ?? [] },
    PermissionsConfig: input.PermissionsConfig,
    InstanceRequirements: { Architectures: ['x86_64'], ...input.InstanceRequirements },
    CapacityProviderScalingConfig: { ScalingMode: 'Auto', ...input.CapacityProviderScalingConfig },
    KmsKeyArn: input.KmsKeyArn,
    PropagateTags: input.PropagateTags,
    TelemetryConfig: input.TelemetryConfig,
    LastModified: lambdaTimestamp(ctx.emulator.clock.date()),
  };
  ctx.state.capacityProviders.set(name, provider);
  ctx.state.capacityProviderTags.set(name, new Map(Object.entries(input.Tags ?? {})));
  // The answer shows it being set up; the next read finds it Active (as functions are here).
  return { CapacityProvider: { ...provider, State: 'Pending' } };
}

export const getCapacityProvider = (input: GetCapacityProviderRequest, ctx: Ctx) => ({ CapacityProvider: find(ctx, input.CapacityProviderName!) });

export function updateCapacityProvider(input: UpdateCapacityProviderRequest, ctx: Ctx) {
  const provider = find(ctx, input.CapacityProviderName!);
  checkPropagateTags(input.PropagateTags);
  if (input.CapacityProviderScalingConfig) {
    const merged = { ...provider.CapacityProviderScalingConfig, ...input.CapacityProviderScalingConfig };
    if (input.CapacityProviderScalingConfig.ScalingMode === 'Auto' && !input.CapacityProviderScalingConfig.ScalingPolicies) delete merged.ScalingPolicies;
    checkScaling(merged);
    provider.CapacityProviderScalingConfig = merged;
  }
  // Tag propagation and telemetry are replaced whole when given (they apply to instances launched from then on).
  if (input.PropagateTags) provider.PropagateTags = input.PropagateTags;
  if (input.TelemetryConfig) provider.TelemetryConfig = input.TelemetryConfig;
  provider.LastModified = lambdaTimestamp(ctx.emulator.clock.date());
  return { CapacityProvider: provider };
}

export function deleteCapacityProvider(input: DeleteCapacityProviderRequest, ctx: Ctx) {
  const provider = find(ctx, input.CapacityProviderName!);
  if (versionsOn(ctx, provider.CapacityProviderArn!).length) {
    throw new AwsError('ResourceConflictException', `Capacity provider ${providerName(input.CapacityProviderName!)} is in use by function versions.`, { status: 409 });
  }
  ctx.state.capacityProviders.delete(providerName(input.CapacityProviderName!));
  ctx.state.capacityProviderTags.delete(providerName(input.CapacityProviderName!));
  return { CapacityProvider: { ...provider, State: 'Deleting' } };
}

export function listCapacityProviders(input: ListCapacityProvidersRequest, ctx: Ctx) {
  const all = [...ctx.state.capacityProviders.values()].filter((p) => !input.State || p.State === input.State);
  const { items, next } = page(all, input.Marker, input.MaxItems);
  return { CapacityProviders: items, NextMarker: next };
}

export function listFunctionVersionsByCapacityProvider(input: ListFunctionVersionsByCapacityProviderRequest, ctx: Ctx) {
  const provider = find(ctx, input.CapacityProviderName!);
  const versions = versionsOn(ctx, provider.CapacityProviderArn!).map(({ fn, version }) => ({
    FunctionArn: functionArn(ctx.state.region, ctx.state.accountId, fn.name, version.config.Version),
    State: version.config.State,
  }));
  const { items, next } = page(versions, input.Marker, input.MaxItems);
  return { CapacityProviderArn: provider.CapacityProviderArn, FunctionVersions: items, NextMarker: next };
}

/** The provider a CreateFunction names, which must exist in the function's account and region. */
export function checkCapacityProvider(ctx: Ctx, arn: string | undefined): void {
  if (arn === undefined) return;
  const parts = parseArn(arn);
  const name = providerName(arn);
  if (!parts || parts.accountId !== ctx.state.accountId || parts.region !== ctx.state.region || !ctx.state.capacityProviders.has(name)) throw notFound(name);
}

/** The function version a scaling config is for: `$LATEST.PUBLISHED` (the newest version) or a version number. */
function scaledVersion(ctx: Ctx, fn: LambdaFunction, qualifier: string): FunctionVersion {
  const number = qualifier === '$LATEST.PUBLISHED' ? String(fn.nextVersion - 1) : qualifier;
  const version = fn.versions.get(number);
  if (!version) throw new AwsError('ResourceNotFoundException', `Function not found: ${functionArn(ctx.state.region, ctx.state.accountId, fn.name, qualifier)}`, { status: 404 });
  if (!version.config.CapacityProviderConfig) {
    throw new AwsError('InvalidParameterValueException', 'Function scaling configuration is only supported for functions that use a capacity provider.');
  }
  return version;
}

export function putFunctionScalingConfig(input: PutFunctionScalingConfigRequest, ctx: Ctx) {
  const fn = unqualifiedFunction(ctx.state, input.FunctionName!);
  const version = scaledVersion(ctx, fn, input.Qualifier!);
  const config: FunctionScalingConfig = { ...input.FunctionScalingConfig };
  if (config.MinExecutionEnvironments !== undefined && config.MaxExecutionEnvironments !== undefined && config.MinExecutionEnvironments > config.MaxExecutionEnvironments) {
    throw new AwsError('InvalidParameterValueException', 'MinExecutionEnvironments must be less than or equal to MaxExecutionEnvironments.');
  }
  fn.scalingConfigs ??= new Map();
  fn.scalingConfigs.set(version.config.Version!, config);
  return { FunctionState: version.config.State };
}

export function getFunctionScalingConfig(input: GetFunctionScalingConfigRequest, ctx: Ctx) {
  const fn = unqualifiedFunction(ctx.state, input.FunctionName!);
  const version = scaledVersion(ctx, fn, input.Qualifier!);
  const config = fn.scalingConfigs?.get(version.config.Version!);
  return {
    FunctionArn: functionArn(ctx.state.region, ctx.state.accountId, fn.name, version.config.Version),
    AppliedFunctionScalingConfig: config,
    RequestedFunctionScalingConfig: config,
  };
}
