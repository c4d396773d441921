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
import { findFunction, page, parseFunctionRef } from '../lookup.ts';
import type { LambdaState } from '../state.ts';
import { newFunctionUrl } from '../function-url.ts';

type Ctx = RequestContext<LambdaState>;

function target(ctx: Ctx, name: string, qualifier?: string): { fn: LambdaFunction; qualifier: string; arn: string } {
  const ref = parseFunctionRef(ctx.state, name, qualifier);
  const fn = findFunction(ctx.state, ref);
  const q = ref.qualifier ?? '';
  if (q && !fn.aliases.has(q)) {
    throw new AwsError('ResourceNotFoundException', `Function not found: ${functionArn(ctx.state.region, ctx.state.accountId, fn.name, q)}`);
  }
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

function existing(ctx: Ctx, name: string, qualifier?: string) {
  const { fn, qualifier: q } = target(ctx, name, qualifier);
  const config = fn.urlConfigs.get(q);
  if (!config) throw new AwsError('ResourceNotFoundException', 'The resource you requested does not exist.');
  return { fn, qualifier: q, config };
}

export function getFunctionUrlConfig(input: GetFunctionUrlConfigRequest, ctx: Ctx) {
  const { config } = existing(ctx, input.FunctionName!, input.Qualifier);
  return { ...config, InvokeMode: config.InvokeMode ?? 'BUFFERED' };
}

export function updateFunctionUrlConfig(input: UpdateFunctionUrlConfigRequest, ctx: Ctx) {
  const { config } = existing(ctx, input.FunctionName!, input.Qualifier);
  if (input.AuthType) config.AuthType = input.AuthType;
  if (input.Cors) config.Cors = input.Cors;
  if (input.InvokeMode) config.InvokeMode = input.InvokeMode;
  config.LastModifiedTime = lambdaTimestamp(ctx.emulator.clock.date());
  return { ...config, InvokeMode: config.InvokeMode ?? 'BUFFERED' };
}

export function deleteFunctionUrlConfig(input: DeleteFunctionUrlConfigRequest, ctx: Ctx) {
  const { fn, qualifier } = existing(ctx, input.FunctionName!, input.Qualifier);
  fn.urlConfigs.delete(qualifier);
}

export function listFunctionUrlConfigs(input: ListFunctionUrlConfigsRequest, ctx: Ctx) {
  const fn = findFunction(ctx.state, parseFunctionRef(ctx.state, input.FunctionName!));
  const all = [...fn.urlConfigs.values()].map((c) => ({ ...c, InvokeMode: c.InvokeMode ?? 'BUFFERED' }));
  const { items, next } = page(all, input.Marker, input.MaxItems);
  return { FunctionUrlConfigs: items, NextMarker: next };
}
