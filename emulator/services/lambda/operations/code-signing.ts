import { randomBytes } from 'node:crypto';
import type {
  CodeSigningConfig,
  CreateCodeSigningConfigRequest,
  DeleteCodeSigningConfigRequest,
  DeleteFunctionCodeSigningConfigRequest,
  GetCodeSigningConfigRequest,
  GetFunctionCodeSigningConfigRequest,
  ListCodeSigningConfigsRequest,
  ListFunctionsByCodeSigningConfigRequest,
  PutFunctionCodeSigningConfigRequest,
  UpdateCodeSigningConfigRequest,
} from '@aws-sdk/client-lambda';
import { buildArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { lambdaTimestamp } from '../function.ts';
import { page, unqualifiedFunction } from '../lookup.ts';
import type { LambdaState } from '../state.ts';
import { checkTagCount, checkTagKeys } from './tags.ts';

type Ctx = RequestContext<LambdaState>;

/** Code signing configs are stored and attached; twinstack does not verify signatures (nothing signs zips locally). */
export function createCodeSigningConfig(input: CreateCodeSigningConfigRequest, ctx: Ctx) {
  checkTagKeys(input.Tags, ctx.caller);
  checkTagCount(Object.keys(input.Tags ?? {}).length);
  const id = `csc-${randomBytes(9).toString('hex').slice(0, 17)}`;
  const config: CodeSigningConfig = {
    CodeSigningConfigId: id,
    CodeSigningConfigArn: buildArn({ service: 'lambda', region: ctx.state.region, accountId: ctx.state.accountId, resource: `code-signing-config:${id}` }),
    Description: input.Description ?? '',
    AllowedPublishers: input.AllowedPublishers,
    CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Warn', ...input.CodeSigningPolicies },
    LastModified: lambdaTimestamp(ctx.emulator.clock.date()),
  };
  ctx.state.codeSigningConfigs.set(config.CodeSigningConfigArn!, config);
  ctx.state.codeSigningConfigTags.set(config.CodeSigningConfigArn!, new Map(Object.entries(input.Tags ?? {})));
  return { CodeSigningConfig: config };
}

/** A code signing config of this account and region, by ARN; AWS's not-found error otherwise. */
export function findCodeSigningConfig(ctx: Ctx, arn: string): CodeSigningConfig {
  const config = ctx.state.codeSigningConfigs.get(arn);
  // AWS's answer names no fault Type here, unlike Lambda's other errors (AWS-recorded test_code_signing_not_found_excs).
  if (!config) throw new AwsError('ResourceNotFoundException', `The Lambda code signing configuration ${arn} can not be found.`, { fields: { Type: undefined } });
  return config;
}

export const getCodeSigningConfig = (input: GetCodeSigningConfigRequest, ctx: Ctx) => ({ CodeSigningConfig: findCodeSigningConfig(ctx, input.CodeSigningConfigArn!) });

export function updateCodeSigningConfig(input: UpdateCodeSigningConfigRequest, ctx: Ctx) {
  const config = findCodeSigningConfig(ctx, input.CodeSigningConfigArn!);
  if (input.Description !== undefined) config.Description = input.Description;
  if (input.AllowedPublishers) config.AllowedPublishers = input.AllowedPublishers;
  if (input.CodeSigningPolicies) config.CodeSigningPolicies = { ...config.CodeSigningPolicies, ...input.CodeSigningPolicies };
  config.LastModified = lambdaTimestamp(ctx.emulator.clock.date());
  return { CodeSigningConfig: config };
}

export function deleteCodeSigningConfig(input: DeleteCodeSigningConfigRequest, ctx: Ctx) {
  const arn = input.CodeSigningConfigArn!;
  findCodeSigningConfig(ctx, arn);
  // AWS's API reference: a config can be deleted only when no function uses it (ResourceConflictException, 409). The
  // message's wording is not documented; this one says what the reference does.
  if ([...ctx.state.functions.values()].some((fn) => fn.codeSigningConfigArn === arn)) {
    throw new AwsError('ResourceConflictException', `The code signing configuration ${arn} cannot be deleted while a function uses it.`, { status: 409 });
  }
  ctx.state.codeSigningConfigs.delete(input.CodeSigningConfigArn!);
  ctx.state.codeSigningConfigTags.delete(input.CodeSigningConfigArn!);
}

export function listCodeSigningConfigs(input: ListCodeSigningConfigsRequest, ctx: Ctx) {
  const { items, next } = page([...ctx.state.codeSigningConfigs.values()], input.Marker, input.MaxItems);
  return { CodeSigningConfigs: items, NextMarker: next };
}

export function putFunctionCodeSigningConfig(input: PutFunctionCodeSigningConfigRequest, ctx: Ctx) {
  // The config is checked before the function (AWS-recorded test_code_signing_not_found_excs).
  if (!ctx.state.codeSigningConfigs.has(input.CodeSigningConfigArn!)) {
    throw new AwsError(
      'CodeSigningConfigNotFoundException',
      `The code signing configuration cannot be found. Check that the provided configuration is not deleted: ${input.CodeSigningConfigArn}.`,
    );
  }
  const fn = unqualifiedFunction(ctx.state, input.FunctionName!);
  fn.codeSigningConfigArn = input.CodeSigningConfigArn;
  return { CodeSigningConfigArn: fn.codeSigningConfigArn, FunctionName: fn.name };
}

export function getFunctionCodeSigningConfig(input: GetFunctionCodeSigningConfigRequest, ctx: Ctx) {
  const fn = unqualifiedFunction(ctx.state, input.FunctionName!);
  // A function without a config gets an empty answer.
  return fn.codeSigningConfigArn ? { CodeSigningConfigArn: fn.codeSigningConfigArn, FunctionName: fn.name } : {};
}

export function deleteFunctionCodeSigningConfig(input: DeleteFunctionCodeSigningConfigRequest, ctx: Ctx) {
  unqualifiedFunction(ctx.state, input.FunctionName!).codeSigningConfigArn = undefined;
}

export function listFunctionsByCodeSigningConfig(input: ListFunctionsByCodeSigningConfigRequest, ctx: Ctx) {
  findCodeSigningConfig(ctx, input.CodeSigningConfigArn!);
  const arns = [...ctx.state.functions.values()].filter((fn) => fn.codeSigningConfigArn === input.CodeSigningConfigArn).map((fn) => fn.arn);
  const { items, next } = page(arns, input.Marker, input.MaxItems);
  return { FunctionArns: items, NextMarker: next };
}
