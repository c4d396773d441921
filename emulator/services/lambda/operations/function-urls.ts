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
import { UrlServer } from '../url-server.ts';

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

const urlIds = new WeakMap<FunctionUrlConfig, string>();

export async function createFunctionUrlConfig(input: CreateFunctionUrlConfigRequest, ctx: Ctx) {
  const { fn, qualifier, arn } = target(ctx, input.FunctionName!, input.Qualifier);
  if (fn.urlConfigs.has(qualifier)) {
    throw new AwsError(
      'ResourceConflictException',
      `Failed to create function url config for [functionArn = ${arn}]. Error message:  FunctionUrlConfig exists for this Lambda function`,
      { status: 409 },
    );
  }
  ctx.state.urlServer ??= new UrlServer(ctx.emulator, ctx.state);
  const { id, url } = await ctx.state.urlServer.add({ functionName: fn.name, qualifier: qualifier || undefined });
  const now = lambdaTimestamp(ctx.emulator.clock.date());
  const config: FunctionUrlConfig = { FunctionUrl: url, FunctionArn: arn, AuthType: input.AuthType, CreationTime: now, LastModifiedTime: now, Cors: input.Cors, InvokeMode: input.InvokeMode };
  urlIds.set(config, id);
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
  const { fn, qualifier, config } = existing(ctx, input.FunctionName!, input.Qualifier);
  const id = urlIds.get(config);
  if (id) ctx.state.urlServer?.targets.delete(id);
  fn.urlConfigs.delete(qualifier);
}

export function listFunctionUrlConfigs(input: ListFunctionUrlConfigsRequest, ctx: Ctx) {
  const fn = findFunction(ctx.state, parseFunctionRef(ctx.state, input.FunctionName!));
  const all = [...fn.urlConfigs.values()].map((c) => ({ ...c, InvokeMode: c.InvokeMode ?? 'BUFFERED' }));
  const { items, next } = page(all, input.Marker, input.MaxItems);
  return { FunctionUrlConfigs: items, NextMarker: next };
}
