import type {
  CreateFunctionUrlConfigRequest,
  DeleteFunctionUrlConfigRequest,
  FunctionUrlConfig,
  GetFunctionUrlConfigRequest,
  ListFunctionUrlConfigsRequest,
  UpdateFunctionUrlConfigRequest,
} from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { functionArn, lambdaTimestamp, type LambdaFunction } from '../function.ts';
import { otherAccountDenied, page, parseFunctionRef } from '../lookup.ts';
import type { LambdaState } from '../state.ts';
import { newFunctionUrl } from '../function-url.ts';

type Ctx = RequestContext<LambdaState>;

/**
 * How AWS words a function or alias that does not exist: Create, Update and List `Function does not exist`, Get and
 * Delete as a missing config (AWS-recorded test_url_config_exceptions and test_url_config_list_paging).
 */
const FUNCTION_MISSING = 'Function does not exist';
const CONFIG_MISSING = 'The resource you requested does not exist.';

function target(ctx: Ctx, name: string, qualifier: string | undefined, missing = FUNCTION_MISSING): { fn: LambdaFunction; qualifier: string; arn: string } {
  const ref = parseFunctionRef(ctx.state, name, qualifier);
  const q = ref.qualifier ?? '';
  if (ref.accountId && ref.accountId !== ctx.state.accountId) throw otherAccountDenied(functionArn(ctx.state.region, ref.accountId, ref.name, q || undefined));
  const fn = ctx.state.functions.get(ref.name);
  if (!fn || (q && !fn.aliases.has(q))) throw new AwsError('ResourceNotFoundException', missing);
  return { fn, qualifier: q, arn: functionArn(ctx.state.region, ctx.state.accountId, fn.name, q || undefined) };
}

export function createFunctionUrlConfig(input: CreateFunctionUrlConfigRequest, ctx: Ctx) {
  const { fn, qualifier, arn } = target(ctx, input.FunctionName!, input.Qualifier);
  if (fn.urlConfigs.has(qualifier)) {
    throw new AwsError(
      'ResourceConflictException',
      `Failed to create function url config for [functionArn = ${arn}]. Error message:  FunctionUrlConfig exists for this Lambda function`,
      { status: 409 },
    );
  }
  const now = lambdaTimestamp(ctx.emulator.clock.date());
  const url = newFunctionUrl(ctx.emulator, ctx.state.region);
  const config: FunctionUrlConfig = { FunctionUrl: url, FunctionArn: arn, AuthType: input.AuthType, CreationTime: now, LastModifiedTime: now, Cors: input.Cors, InvokeMode: input.InvokeMode };
  fn.urlConfigs.set(qualifier, config);
  const { LastModifiedTime: _omitted, ...created } = config;
  return created;
}

function existing(ctx: Ctx, name: string, qualifier: string | undefined, missing = CONFIG_MISSING) {
  const { fn, qualifier: q } = target(ctx, name, qualifier, missing);
  const config = fn.urlConfigs.get(q);
  if (!config) throw new AwsError('ResourceNotFoundException', CONFIG_MISSING);
  return { fn, qualifier: q, config };
}

export function getFunctionUrlConfig(input: GetFunctionUrlConfigRequest, ctx: Ctx) {
  const { config } = existing(ctx, input.FunctionName!, input.Qualifier);
  return { ...config, InvokeMode: config.InvokeMode ?? 'BUFFERED' };
}

export function updateFunctionUrlConfig(input: UpdateFunctionUrlConfigRequest, ctx: Ctx) {
  const { config } = existing(ctx, input.FunctionName!, input.Qualifier, FUNCTION_MISSING);
  if (input.AuthType) config.AuthType = input.AuthType;
  if (input.Cors) config.Cors = input.Cors;
  if (input.InvokeMode) config.InvokeMode = input.InvokeMode;
  config.LastModifiedTime = lambdaTimestamp(ctx.emulator.clock.date());
  // InvokeMode only once it was set (AWS-recorded test_url_config_lifecycle); Get reports the BUFFERED default.
  return { ...config };
}

export function deleteFunctionUrlConfig(input: DeleteFunctionUrlConfigRequest, ctx: Ctx) {
  const { fn, qualifier } = existing(ctx, input.FunctionName!, input.Qualifier);
  fn.urlConfigs.delete(qualifier);
}

export function listFunctionUrlConfigs(input: ListFunctionUrlConfigsRequest, ctx: Ctx) {
  const { fn } = target(ctx, input.FunctionName!, undefined);
  const all = [...fn.urlConfigs.values()].map((c) => ({ ...c, InvokeMode: c.InvokeMode ?? 'BUFFERED' }));
  const { items, next } = page(all, input.Marker, input.MaxItems);
  return { FunctionUrlConfigs: items, NextMarker: next };
}
