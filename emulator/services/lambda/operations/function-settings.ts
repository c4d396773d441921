import type {
  GetFunctionRecursionConfigRequest,
  GetRuntimeManagementConfigRequest,
  PutFunctionRecursionConfigRequest,
  PutRuntimeManagementConfigRequest,
} from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { functionArn } from '../function.ts';
import { resolveVersion, unqualifiedFunction } from '../lookup.ts';
import type { LambdaState } from '../state.ts';

type Ctx = RequestContext<LambdaState>;

/** Recursive loop detection: stored and reported (twinstack does not stop loops). */
export function putFunctionRecursionConfig(input: PutFunctionRecursionConfigRequest, ctx: Ctx) {
  const fn = unqualifiedFunction(ctx.state, input.FunctionName!);
  fn.recursiveLoop = input.RecursiveLoop!;
  return { RecursiveLoop: fn.recursiveLoop };
}

export function getFunctionRecursionConfig(input: GetFunctionRecursionConfigRequest, ctx: Ctx) {
  return { RecursiveLoop: unqualifiedFunction(ctx.state, input.FunctionName!).recursiveLoop };
}

/** Runtime update modes: stored and reported; functions always run on the machine's interpreter. */
export function putRuntimeManagementConfig(input: PutRuntimeManagementConfigRequest, ctx: Ctx) {
  const { fn, version } = resolveVersion(ctx.state, input.FunctionName!, input.Qualifier);
  if (input.UpdateRuntimeOn === 'Manual' && !input.RuntimeVersionArn) {
    throw new AwsError('InvalidParameterValueException', 'RuntimeVersionArn must be provided when UpdateRuntimeOn is set to Manual.');
  }
  const qualifier = version.config.Version!;
  const entry = { UpdateRuntimeOn: input.UpdateRuntimeOn!, RuntimeVersionArn: input.UpdateRuntimeOn === 'Manual' ? input.RuntimeVersionArn : undefined };
  fn.runtimeManagement.set(qualifier, entry);
  return { ...entry, FunctionArn: functionArn(ctx.state.region, ctx.state.accountId, fn.name, qualifier) };
}

export function getRuntimeManagementConfig(input: GetRuntimeManagementConfigRequest, ctx: Ctx) {
  const { fn, version } = resolveVersion(ctx.state, input.FunctionName!, input.Qualifier);
  const qualifier = version.config.Version!;
  const entry = fn.runtimeManagement.get(qualifier) ?? { UpdateRuntimeOn: 'Auto' };
  return { ...entry, FunctionArn: functionArn(ctx.state.region, ctx.state.accountId, fn.name, qualifier) };
}
