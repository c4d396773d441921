import type {
  CreateFunctionRequest,
  DeleteFunctionRequest,
  FunctionConfiguration,
  GetFunctionRequest,
  ListFunctionsRequest,
  UpdateFunctionCodeRequest,
  UpdateFunctionConfigurationRequest,
} from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { acceptZip, s3Object, type CodeBundle } from '../code.ts';
import { checkDeadLetterTarget, checkEnvironment, mergeLoggingConfig, resolveLayers } from '../configuration.ts';
import { functionArn, inProgressView, lambdaTimestamp, listedView, newRevision, runtimeVersionArn, type FunctionVersion, type LambdaFunction } from '../function.ts';
import { findFunction, otherAccountDenied, page, parseFunctionRef, resolveVersion } from '../lookup.ts';
import { runtimeLaunch } from '../runtime/spec.ts';
import { sayNote } from '../runtime/runtimes.ts';
import type { LambdaState } from '../state.ts';
import { checkCapacityProvider } from './capacity-providers.ts';
import { checkTagCount, checkTagKeys } from './tags.ts';
import { publishVersion } from './versions.ts';

type Ctx = RequestContext<LambdaState>;

async function acceptCode(code: CreateFunctionRequest['Code'] | UpdateFunctionCodeRequest, ctx: Ctx): Promise<CodeBundle> {
  if (code?.ZipFile) return acceptZip(Buffer.from(code.ZipFile));
  if (code?.S3Bucket || code?.S3Key) return acceptZip(await s3Object(ctx, code.S3Bucket!, code.S3Key!, code.S3ObjectVersion));
  if (code?.ImageUri) return refuseImage(ctx, code.ImageUri);
  throw new AwsError('InvalidParameterValueException', 'Please provide a source for function code.');
}

const ECR_IMAGE = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[a-z0-9._/-]+(:[\w.-]{1,128}|@sha256:[0-9a-f]{64})$/;

/** Whether twinstack's own ECR holds the image (when ECR runs here). */
async function imageInEcr(ctx: Ctx, uri: string): Promise<boolean> {
  const [, account, region, repository, tag, digest] = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.[^/]+\/([^:@]+)(?::(.+)|@(.+))$/.exec(uri) ?? [];
  if (!repository) return false;
  try {
    const imageId = digest ? { imageDigest: digest } : { imageTag: tag };
    await ctx.emulator.call('ecr', 'DescribeImages', { repositoryName: repository, imageIds: [imageId] }, { caller: ctx.caller, accountId: account, region });
    return true;
  } catch {
    return false;
  }
}

/**
 * Container image functions need their image run in a container, and twinstack runs functions without Docker. A
 * malformed URI, or an image that is nowhere, gets AWS's answer; an image twinstack's ECR holds gets an error that
 * says why it cannot be used and what to deploy instead, rather than a function that could never be invoked.
 */
async function refuseImage(ctx: Ctx, uri: string): Promise<never> {
  if (!ECR_IMAGE.test(uri)) throw new AwsError('InvalidParameterValueException', `Source image ${uri} is not valid. Provide a valid source image.`);
  if (!(await imageInEcr(ctx, uri))) throw new AwsError('InvalidParameterValueException', `Source image ${uri} does not exist. Provide a valid source image.`);
  throw new AwsError(
    'InvalidParameterValueException',
    `twinstack runs functions without Docker and cannot run container images (PackageType Image, ${uri}). Deploy the function as a .zip package (ZipFile or S3Bucket/S3Key), or as a provided.al2023 function whose zip holds a bootstrap executable.`,
  );
}

/** Says at once, in the emulator's log, when the runtime's interpreter is missing or of another version than AWS would run. */
function say(fn: LambdaFunction, runtime: string) {
  void sayNote(runtime, fn.name);
}

export async function createFunction(input: CreateFunctionRequest, ctx: Ctx) {
  const state = ctx.state;
  const ref = parseFunctionRef(state, input.FunctionName!);
  const name = ref.name;
  if (name.length > 64) {
    throw new AwsError(
      'InvalidParameterValueException',
      `1 validation error detected: Value '${input.FunctionName}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
  }
  if (ref.accountId && ref.accountId !== state.accountId) throw otherAccountDenied(functionArn(state.region, ref.accountId, name));
  if ((input.PackageType ?? 'Zip') === 'Image') await acceptCode(input.Code, ctx);
  if (!input.Runtime) throw new AwsError('InvalidParameterValueException', 'Runtime must be specified for functions with packageType Zip.');
  if (!input.Handler) throw new AwsError('InvalidParameterValueException', 'Handler must be specified for functions with packageType Zip.');
  checkEnvironment(input.Environment);
  checkDeadLetterTarget(input.DeadLetterConfig?.TargetArn);
  checkTagCount(Object.keys(input.Tags ?? {}).length);
  checkTagKeys(input.Tags, ctx.caller);
  const layers = resolveLayers(state, input.Layers);
  checkCapacityProvider(ctx, input.CapacityProviderConfig?.LambdaManagedInstancesCapacityProviderConfig?.CapacityProviderArn);
  const code = await acceptCode(input.Code, ctx);
  if (state.functions.has(name)) throw new AwsError('ResourceConflictException', `Function already exist: ${name}`, { status: 409 });
  const arn = functionArn(state.region, state.accountId, name);
  const config: FunctionConfiguration = {
    FunctionName: name,
    FunctionArn: arn,
    Runtime: input.Runtime,
    Role: input.Role,
    Handler: input.Handler,
    CodeSize: code.size,
    Description: input.Description ?? '',
    Timeout: input.Timeout ?? 3,
    MemorySize: input.MemorySize ?? 128,
    LastModified: lambdaTimestamp(ctx.emulator.clock.date()),
    CodeSha256: code.sha256,
    Version: '$LATEST',
    TracingConfig: { Mode: input.TracingConfig?.Mode ?? 'PassThrough' },
    RevisionId: newRevision(),
    Layers: layers,
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: input.Architectures ?? ['x86_64'],
    EphemeralStorage: { Size: input.EphemeralStorage?.Size ?? 512 },
    SnapStart: { ApplyOn: input.SnapStart?.ApplyOn ?? 'None', OptimizationStatus: 'Off' },
    RuntimeVersionConfig: { RuntimeVersionArn: runtimeVersionArn(state.region, input.Runtime) },
    LoggingConfig: mergeLoggingConfig({ LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` }, input.LoggingConfig),
  };
  // AWS shows an Environment only when the function was given one.
  if (input.Environment) config.Environment = { Variables: { ...input.Environment.Variables } };
  if (input.DeadLetterConfig?.TargetArn) config.DeadLetterConfig = { TargetArn: input.DeadLetterConfig.TargetArn };
  if (input.KMSKeyArn) config.KMSKeyArn = input.KMSKeyArn;
  if (input.CapacityProviderConfig) config.CapacityProviderConfig = input.CapacityProviderConfig;
  // Retention defaults to 14 days (AWS's documented default).
  if (input.DurableConfig) config.DurableConfig = { RetentionPeriodInDays: 14, ...input.DurableConfig };
  if (input.VpcConfig) config.VpcConfig = { SubnetIds: input.VpcConfig.SubnetIds ?? [], SecurityGroupIds: input.VpcConfig.SecurityGroupIds ?? [], VpcId: '' };
  // Kept and answered as given: twinstack mounts no file system and runs no tenant isolation.
  if (input.FileSystemConfigs?.length) config.FileSystemConfigs = input.FileSystemConfigs;
  if (input.TenancyConfig) config.TenancyConfig = { TenantIsolationMode: input.TenancyConfig.TenantIsolationMode };
  const fn: LambdaFunction = {
    name,
    arn,
    latest: { config, code, layers: input.Layers ?? [] },
    versions: new Map(),
    nextVersion: 1,
    aliases: new Map(),
    tags: new Map(Object.entries(input.Tags ?? {})),
    policies: new Map(),
    provisionedConcurrency: new Map(),
    eventInvokeConfigs: new Map(),
    urlConfigs: new Map(),
    recursiveLoop: 'Terminate',
    runtimeManagement: new Map(),
    codeSigningConfigArn: input.CodeSigningConfigArn,
  };
  state.functions.set(name, fn);
  say(fn, input.Runtime);
  // Its first invoke is coming: a runtime process started now makes that cold start short.
  void runtimeLaunch(input.Runtime).then((launch) => launch && state.pool.prepare(launch));
  const view = inProgressView(config, 'create');
  // The function becomes Active right away; the next read shows the new revision, as AWS's would.
  config.RevisionId = newRevision();
  // With Publish, AWS answers the new function's configuration numbered as its first version.
  if (input.Publish) return { ...view, Version: publishVersion(fn, ctx).config.Version };
  return view;
}

/** A version's configuration as read through an alias: the alias's ARN. */
function configurationOf(ctx: Ctx, name: string, qualifier: string | undefined): { fn: LambdaFunction; version: FunctionVersion; config: FunctionConfiguration } {
  const { fn, version, alias } = resolveVersion(ctx.state, name, qualifier);
  // Read through an alias, or as `$LATEST` by name, the ARN carries that qualifier.
  const shown = alias ?? (parseFunctionRef(ctx.state, name, qualifier).qualifier === '$LATEST' ? '$LATEST' : undefined);
  const config = shown ? { ...version.config, FunctionArn: functionArn(ctx.state.region, ctx.state.accountId, fn.name, shown) } : version.config;
  return { fn, version, config };
}

export async function getFunction(input: GetFunctionRequest, ctx: Ctx) {
  const { fn, version, config } = configurationOf(ctx, input.FunctionName!, input.Qualifier);
  const out: Record<string, unknown> = {
    Configuration: config,
    Code: { RepositoryType: 'S3', Location: await ctx.state.codeServer.urlFor(version.code) },
  };
  if (fn.tags.size && !parseFunctionRef(ctx.state, input.FunctionName!, input.Qualifier).qualifier) out.Tags = Object.fromEntries(fn.tags);
  if (fn.reservedConcurrency !== undefined) out.Concurrency = { ReservedConcurrentExecutions: fn.reservedConcurrency };
  return out;
}

export function getFunctionConfiguration(input: GetFunctionRequest, ctx: Ctx) {
  return configurationOf(ctx, input.FunctionName!, input.Qualifier).config;
}

export function listFunctions(input: ListFunctionsRequest, ctx: Ctx) {
  const all = [...ctx.state.functions.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((fn) => (input.FunctionVersion === 'ALL' ? [fn.latest, ...fn.versions.values()] : [fn.latest]).map((v) => listedView(v.config, input.FunctionVersion === 'ALL')));
  const { items, next } = page(all, input.Marker, input.MaxItems);
  return { Functions: items, NextMarker: next };
}

function checkRevision(fn: LambdaFunction, revisionId: string | undefined) {
  if (revisionId !== undefined && revisionId !== fn.latest.config.RevisionId) {
    throw new AwsError(
      'PreconditionFailedException',
      'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
      { status: 412 },
    );
  }
}

/** After an update: new revision and timestamp, warm environments of $LATEST retired. */
function updated(fn: LambdaFunction, ctx: Ctx) {
  const config = fn.latest.config;
  config.LastModified = lambdaTimestamp(ctx.emulator.clock.date());
  config.RevisionId = newRevision();
  ctx.state.pool.retire(`${fn.arn}:$LATEST:`);
  const view = inProgressView(config, 'update');
  config.RevisionId = newRevision();
  return view;
}

export async function updateFunctionCode(input: UpdateFunctionCodeRequest, ctx: Ctx) {
  const fn = findFunction(ctx.state, parseFunctionRef(ctx.state, input.FunctionName!));
  checkRevision(fn, input.RevisionId);
  if (input.ImageUri) throw new AwsError('InvalidParameterValueException', 'Please don\'t provide ImageUri when updating a function with packageType Zip.');
  const code = await acceptCode(input, ctx);
  if (input.DryRun) return { ...fn.latest.config, CodeSha256: code.sha256, CodeSize: code.size };
  fn.latest.code = code;
  Object.assign(fn.latest.config, { CodeSha256: code.sha256, CodeSize: code.size });
  if (input.Architectures) fn.latest.config.Architectures = input.Architectures;
  const view = updated(fn, ctx);
  // The new version is still being created when AWS answers (AWS-recorded test_publish_with_update).
  if (input.Publish) return inProgressView(publishVersion(fn, ctx).config, 'create');
  return view;
}

export function updateFunctionConfiguration(input: UpdateFunctionConfigurationRequest, ctx: Ctx) {
  const state = ctx.state;
  const fn = findFunction(state, parseFunctionRef(state, input.FunctionName!));
  checkRevision(fn, input.RevisionId);
  checkEnvironment(input.Environment);
  checkDeadLetterTarget(input.DeadLetterConfig?.TargetArn);
  const layers = resolveLayers(state, input.Layers);
  const config = fn.latest.config;
  if (input.Runtime) {
    config.Runtime = input.Runtime;
    config.RuntimeVersionConfig = { RuntimeVersionArn: runtimeVersionArn(state.region, input.Runtime) };
    say(fn, input.Runtime);
  }
  if (input.Role) config.Role = input.Role;
  if (input.Handler) config.Handler = input.Handler;
  if (input.Description !== undefined) config.Description = input.Description;
  if (input.Timeout !== undefined) config.Timeout = input.Timeout;
  if (input.MemorySize !== undefined) config.MemorySize = input.MemorySize;
  if (input.Environment) config.Environment = { Variables: { ...input.Environment.Variables } };
  if (input.TracingConfig?.Mode) config.TracingConfig = { Mode: input.TracingConfig.Mode };
  if (input.EphemeralStorage?.Size) config.EphemeralStorage = { Size: input.EphemeralStorage.Size };
  if (input.LoggingConfig) config.LoggingConfig = mergeLoggingConfig(config.LoggingConfig ?? {}, input.LoggingConfig);
  if (input.KMSKeyArn !== undefined) config.KMSKeyArn = input.KMSKeyArn || undefined;
  if (input.FileSystemConfigs) config.FileSystemConfigs = input.FileSystemConfigs.length ? input.FileSystemConfigs : undefined;
  if (input.DurableConfig) {
    // Durability is chosen when the function is created; an update changes the settings of a durable function only.
    if (!config.DurableConfig) throw new AwsError('InvalidParameterValueException', 'Durable execution can only be enabled when a function is created.');
    config.DurableConfig = { ...config.DurableConfig, ...input.DurableConfig };
  }
  if (input.SnapStart?.ApplyOn) config.SnapStart = { ApplyOn: input.SnapStart.ApplyOn, OptimizationStatus: 'Off' };
  if (input.DeadLetterConfig) config.DeadLetterConfig = input.DeadLetterConfig.TargetArn ? { TargetArn: input.DeadLetterConfig.TargetArn } : undefined;
  if (layers) {
    config.Layers = layers.length ? layers : undefined;
    fn.latest.layers = input.Layers ?? [];
  }
  return updated(fn, ctx);
}

export function deleteFunction(input: DeleteFunctionRequest, ctx: Ctx) {
  const state = ctx.state;
  const ref = parseFunctionRef(state, input.FunctionName!, input.Qualifier);
  if (ref.qualifier === '$LATEST') throw new AwsError('InvalidParameterValueException', '$LATEST version cannot be deleted without deleting the function.');
  const fn = findFunction(state, ref);
  if (ref.qualifier !== undefined) {
    // Deleting a version that does not exist succeeds (AWS-recorded test_delete_on_nonexisting_version).
    fn.versions.delete(ref.qualifier);
    state.pool.retire(`${fn.arn}:${ref.qualifier}:`);
    return { StatusCode: 204 };
  }
  state.functions.delete(fn.name);
  state.pool.retire(`${fn.arn}:`);
  return { StatusCode: 204 };
}
