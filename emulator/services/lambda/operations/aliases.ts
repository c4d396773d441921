import type { AliasConfiguration, AliasRoutingConfiguration, CreateAliasRequest, DeleteAliasRequest, GetAliasRequest, ListAliasesRequest, UpdateAliasRequest } from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { functionArn, newRevision, type LambdaFunction } from '../function.ts';
import { findFunction, notFound, page, parseFunctionRef } from '../lookup.ts';
import { moveProvisionedAlias, releaseProvisioned } from './concurrency.ts';
import type { LambdaState } from '../state.ts';

type Ctx = RequestContext<LambdaState>;

function checkVersion(ctx: Ctx, fn: LambdaFunction, version: string) {
  if (version !== '$LATEST' && !fn.versions.has(version)) throw notFound(ctx.state, fn.name, version);
}

/** Java's rendering of a double, as Coral's messages show it: 2 -> 2.0, 0.25 -> 0.25. */
const javaDouble = (n: number) => (Number.isInteger(n) ? n.toFixed(1) : String(n));

/**
 * The weights' model constraints, checked before the model's generic validation and worded as AWS words map
 * constraints (AWS-recorded test_notfound_and_invalid_routingconfigs).
 */
export function checkRoutingWeights(routing: AliasRoutingConfiguration | undefined): void {
  const weights = Object.entries(routing?.AdditionalVersionWeights ?? {});
  const shown = `{${weights.map(([k, v]) => `${k}=${javaDouble(v)}`).join(', ')}}`;
  const fail = (constraint: string) =>
    new AwsError('ValidationException', `1 validation error detected: Value '${shown}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: ${constraint}`, {
      status: 400,
    });
  if (weights.some(([key]) => !/^[0-9]+$/.test(key) || key.length > 1024)) {
    throw fail('Map keys must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+]');
  }
  if (weights.some(([, weight]) => !(weight >= 0 && weight <= 1))) {
    throw fail('Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]');
  }
}

function checkRouting(ctx: Ctx, fn: LambdaFunction, primary: string, routing: AliasRoutingConfiguration | undefined) {
  const weights = Object.entries(routing?.AdditionalVersionWeights ?? {});
  if (weights.length > 1) throw new AwsError('InvalidParameterValueException', 'Number of items in AdditionalVersionWeights cannot be greater than 1');
  for (const [version] of weights) {
    if (primary === '$LATEST') throw new AwsError('InvalidParameterValueException', '$LATEST is not supported for an alias pointing to more than 1 version');
    if (version === primary) {
      throw new AwsError('InvalidParameterValueException', `Invalid function version ${version}. Function version ${version} is already included in routing configuration.`);
    }
    checkVersion(ctx, fn, version);
  }
}

export function createAlias(input: CreateAliasRequest, ctx: Ctx): AliasConfiguration {
  // A missing function is named with the version the alias was to point at (AWS-recorded).
  const fn = findFunction(ctx.state, { ...parseFunctionRef(ctx.state, input.FunctionName!), qualifier: input.FunctionVersion }, true);
  checkVersion(ctx, fn, input.FunctionVersion!);
  checkRouting(ctx, fn, input.FunctionVersion!, input.RoutingConfig);
  const arn = functionArn(ctx.state.region, ctx.state.accountId, fn.name, input.Name);
  if (fn.aliases.has(input.Name!)) throw new AwsError('ResourceConflictException', `Alias already exists: ${arn}`, { status: 409 });
  const alias: AliasConfiguration = {
    AliasArn: arn,
    Name: input.Name,
    FunctionVersion: input.FunctionVersion,
    Description: input.Description ?? '',
    RevisionId: newRevision(),
  };
  if (Object.keys(input.RoutingConfig?.AdditionalVersionWeights ?? {}).length) {
    alias.RoutingConfig = { AdditionalVersionWeights: { ...input.RoutingConfig!.AdditionalVersionWeights } };
  }
  fn.aliases.set(input.Name!, alias);
  return alias;
}

/** AWS words a missing alias differently per operation: GetAlias `Cannot find alias arn: ...`, UpdateAlias `Alias not found: ...` (AWS-recorded tests). */
function findAlias(ctx: Ctx, functionName: string, name: string, missing = 'Cannot find alias arn:'): { fn: LambdaFunction; alias: AliasConfiguration } {
  const fn = findFunction(ctx.state, parseFunctionRef(ctx.state, functionName));
  const alias = fn.aliases.get(name);
  if (!alias) throw new AwsError('ResourceNotFoundException', `${missing} ${functionArn(ctx.state.region, ctx.state.accountId, fn.name, name)}`);
  return { fn, alias };
}

export function getAlias(input: GetAliasRequest, ctx: Ctx) {
  return findAlias(ctx, input.FunctionName!, input.Name!).alias;
}

export function updateAlias(input: UpdateAliasRequest, ctx: Ctx) {
  const { fn, alias } = findAlias(ctx, input.FunctionName!, input.Name!, 'Alias not found:');
  if (input.RevisionId !== undefined && input.RevisionId !== alias.RevisionId) {
    throw new AwsError(
      'PreconditionFailedException',
      'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
      { status: 412 },
    );
  }
  const primary = input.FunctionVersion ?? alias.FunctionVersion!;
  if (input.FunctionVersion) checkVersion(ctx, fn, input.FunctionVersion);
  const routing = input.RoutingConfig ?? alias.RoutingConfig;
  checkRouting(ctx, fn, primary, routing);
  const from = alias.FunctionVersion!;
  alias.FunctionVersion = primary;
  if (primary !== from) moveProvisionedAlias(ctx, fn, input.Name!, from);
  if (input.Description !== undefined) alias.Description = input.Description;
  if (input.RoutingConfig) {
    alias.RoutingConfig = Object.keys(input.RoutingConfig.AdditionalVersionWeights ?? {}).length
      ? { AdditionalVersionWeights: { ...input.RoutingConfig.AdditionalVersionWeights } }
      : undefined;
  }
  alias.RevisionId = newRevision();
  return alias;
}

export function deleteAlias(input: DeleteAliasRequest, ctx: Ctx) {
  const fn = findFunction(ctx.state, parseFunctionRef(ctx.state, input.FunctionName!));
  const alias = fn.aliases.get(input.Name!);
  fn.aliases.delete(input.Name!);
  // The alias's provisioned concurrency goes with it (AWS-recorded test_lambda_provisioned_lifecycle).
  if (alias) releaseProvisioned(ctx, fn, input.Name!, `${fn.arn}:${alias.FunctionVersion}:`);
}

export function listAliases(input: ListAliasesRequest, ctx: Ctx) {
  const fn = findFunction(ctx.state, parseFunctionRef(ctx.state, input.FunctionName!));
  const all = [...fn.aliases.values()].filter((a) => !input.FunctionVersion || a.FunctionVersion === input.FunctionVersion);
  const { items, next } = page(all, input.Marker, input.MaxItems);
  return { Aliases: items, NextMarker: next };
}

