import type {
  DeleteFunctionConcurrencyRequest,
  DeleteProvisionedConcurrencyConfigRequest,
  GetFunctionConcurrencyRequest,
  GetProvisionedConcurrencyConfigRequest,
  ListProvisionedConcurrencyConfigsRequest,
  PutFunctionConcurrencyRequest,
  PutProvisionedConcurrencyConfigRequest,
} from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { functionArn, lambdaTimestamp, type LambdaFunction } from '../function.ts';
import { ACCOUNT_CONCURRENCY } from '../invoke.ts';
import { findFunction, notFound, page, parseFunctionRef, resolveVersion, unqualifiedFunction } from '../lookup.ts';
import { environmentSpec } from '../runtime/spec.ts';
import type { LambdaState } from '../state.ts';

type Ctx = RequestContext<LambdaState>;
/** AWS keeps at least this much of the account's concurrency unreserved. */
const MIN_UNRESERVED = 100;

/** Like unqualifiedFunction, but a missing function is named with :$LATEST, as AWS does for these operations. */
function concurrencyTarget(ctx: Ctx, name: string): LambdaFunction {
  const ref = parseFunctionRef(ctx.state, name);
  if (ref.qualifier === undefined && !ctx.state.functions.has(ref.name)) return findFunction(ctx.state, { ...ref, qualifier: '$LATEST' }, true);
  return unqualifiedFunction(ctx.state, name);
}

export function unreservedConcurrency(state: LambdaState): number {
  let reserved = 0;
  for (const fn of state.functions.values()) reserved += fn.reservedConcurrency ?? 0;
  return ACCOUNT_CONCURRENCY - reserved;
}

export function putFunctionConcurrency(input: PutFunctionConcurrencyRequest, ctx: Ctx) {
  const fn = concurrencyTarget(ctx, input.FunctionName!);
  const wanted = input.ReservedConcurrentExecutions!;
  const available = unreservedConcurrency(ctx.state) + (fn.reservedConcurrency ?? 0);
  if (available - wanted < MIN_UNRESERVED) {
    throw new AwsError(
      'InvalidParameterValueException',
      `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${MIN_UNRESERVED}].`,
    );
  }
  const provisioned = totalProvisioned(fn);
  if (wanted < provisioned) {
    // AWS's own spacing (AWS-recorded test_reserved_provisioned_overlap).
    throw new AwsError('InvalidParameterValueException', ` ReservedConcurrentExecutions  ${wanted} should not be lower than function's total provisioned concurrency [${provisioned}].`);
  }
  fn.reservedConcurrency = wanted;
  return { ReservedConcurrentExecutions: wanted };
}

export function getFunctionConcurrency(input: GetFunctionConcurrencyRequest, ctx: Ctx) {
  const fn = concurrencyTarget(ctx, input.FunctionName!);
  return fn.reservedConcurrency === undefined ? {} : { ReservedConcurrentExecutions: fn.reservedConcurrency };
}

export function deleteFunctionConcurrency(input: DeleteFunctionConcurrencyRequest, ctx: Ctx) {
  concurrencyTarget(ctx, input.FunctionName!).reservedConcurrency = undefined;
}

/**
 * The function and qualifier of a provisioned concurrency call. AWS names the missing qualifier in its not-found
 * messages, and words the refusal of $LATEST differently for Put and for reads and deletes (AWS-recorded
 * test_provisioned_concurrency_exceptions).
 */
function provisionedTarget(ctx: Ctx, name: string, qualifier: string | undefined, forPut = false): { fn: LambdaFunction; qualifier: string } {
  const ref = parseFunctionRef(ctx.state, name, qualifier);
  const q = ref.qualifier;
  const unqualified = q === undefined || q === '$LATEST';
  const fn = ctx.state.functions.has(ref.name) || unqualified ? findFunction(ctx.state, ref) : undefined;
  if (unqualified) {
    throw new AwsError(
      'InvalidParameterValueException',
      forPut ? 'Provisioned Concurrency Configs cannot be applied to unpublished function versions.' : 'The function resource provided must be an alias or a published version.',
    );
  }
  if (!fn || (!fn.versions.has(q) && !fn.aliases.has(q))) {
    if (/^\d+$/.test(q)) throw notFound(ctx.state, ref.name, q);
    throw new AwsError('ResourceNotFoundException', `Cannot find alias arn: ${functionArn(ctx.state.region, ctx.state.accountId, ref.name, q)}`);
  }
  return { fn, qualifier: q };
}

/** The provisioned concurrency of all the function's versions and aliases together. */
function totalProvisioned(fn: LambdaFunction): number {
  let total = 0;
  for (const entry of fn.provisionedConcurrency.values()) total += entry.requested;
  return total;
}

/** The pool key of the version a provisioned qualifier (a version, or an alias's main version) runs. */
function provisionedKey(ctx: Ctx, fn: LambdaFunction, qualifier: string) {
  const { version } = resolveVersion(ctx.state, fn.name, qualifier);
  return { key: `${fn.arn}:${version.config.Version}:`, version };
}

/**
 * Provisioned concurrency starts its environments when configured: IN_PROGRESS until every one of them has
 * initialized, then READY; invocations of the version find them warm.
 */
function provisionedView(ctx: Ctx, fn: LambdaFunction, qualifier: string, entry: { requested: number; lastModified: string; movingFrom?: string }) {
  const pool = ctx.state.pool;
  const key = provisionedKey(ctx, fn, qualifier).key;
  // A moved alias's old environments go back to on-demand use once the new version's are all ready.
  if (entry.movingFrom && pool.provisionedReady(key) >= entry.requested) {
    pool.unprovision(entry.movingFrom);
    entry.movingFrom = undefined;
  }
  // While an alias moves, the old version's environments are what is allocated (AWS-recorded
  // test_lambda_provisioned_concurrency_moves_with_alias: IN_PROGRESS with 1 of 1 available right after the move).
  const ready = Math.min(entry.requested, pool.provisionedReady(entry.movingFrom ?? key));
  return {
    RequestedProvisionedConcurrentExecutions: entry.requested,
    AvailableProvisionedConcurrentExecutions: ready,
    AllocatedProvisionedConcurrentExecutions: ready,
    Status: ready >= entry.requested && !entry.movingFrom ? 'READY' : 'IN_PROGRESS',
    LastModified: entry.lastModified,
  };
}

/** Starts the provisioned environments of `qualifier`'s version. */
function startProvisioned(ctx: Ctx, fn: LambdaFunction, qualifier: string, count: number) {
  const { key, version } = provisionedKey(ctx, fn, qualifier);
  const state = ctx.state;
  state.pool.provision(key, () => environmentSpec(ctx.emulator, state, fn, version), count).catch((error: unknown) => {
    console.warn(`[twinstack] lambda ${fn.name}:${qualifier}: provisioned concurrency could not start: ${(error as Error).message}`);
  });
}

/**
 * An alias with provisioned concurrency moved to another version: that version's environments are provisioned, and
 * the old version's serve (and are counted) until they are ready (see provisionedView), as on AWS.
 */
export function moveProvisionedAlias(ctx: Ctx, fn: LambdaFunction, alias: string, fromVersion: string) {
  const entry = fn.provisionedConcurrency.get(alias);
  if (!entry) return;
  const from = `${fn.arn}:${fromVersion}:`;
  // Moved again before the last move settled: the version it leaves was not serving yet.
  if (entry.movingFrom) ctx.state.pool.unprovision(from);
  else entry.movingFrom = from;
  startProvisioned(ctx, fn, alias, entry.requested);
}

/** A version is provisioned either directly or through one alias, never both (AWS-recorded test_lambda_provisioned_lifecycle). */
function checkProvisionedConflict(fn: LambdaFunction, qualifier: string) {
  const alias = fn.aliases.get(qualifier);
  const conflict = (message: string) => new AwsError('ResourceConflictException', message, { status: 409 });
  if (alias) {
    if (fn.provisionedConcurrency.has(alias.FunctionVersion!)) throw conflict("Alias can't be used for Provisioned Concurrency configuration on an already Provisioned version");
    return;
  }
  for (const [name, other] of fn.aliases) {
    if (other.FunctionVersion === qualifier && fn.provisionedConcurrency.has(name)) throw conflict('Version is pointed by a Provisioned Concurrency alias');
  }
}

export function putProvisionedConcurrencyConfig(input: PutProvisionedConcurrencyConfigRequest, ctx: Ctx) {
  const { fn, qualifier } = provisionedTarget(ctx, input.FunctionName!, input.Qualifier, true);
  checkProvisionedConflict(fn, qualifier);
  const others = totalProvisioned(fn) - (fn.provisionedConcurrency.get(qualifier)?.requested ?? 0);
  if (fn.reservedConcurrency !== undefined && others + input.ProvisionedConcurrentExecutions! > fn.reservedConcurrency) {
    throw new AwsError('InvalidParameterValueException', 'Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function');
  }
  const entry = { requested: input.ProvisionedConcurrentExecutions!, lastModified: lambdaTimestamp(ctx.emulator.clock.date()) };
  fn.provisionedConcurrency.set(qualifier, entry);
  startProvisioned(ctx, fn, qualifier, entry.requested);
  return { RequestedProvisionedConcurrentExecutions: entry.requested, AvailableProvisionedConcurrentExecutions: 0, AllocatedProvisionedConcurrentExecutions: 0, Status: 'IN_PROGRESS', LastModified: entry.lastModified };
}

export function getProvisionedConcurrencyConfig(input: GetProvisionedConcurrencyConfigRequest, ctx: Ctx) {
  const { fn, qualifier } = provisionedTarget(ctx, input.FunctionName!, input.Qualifier);
  const entry = fn.provisionedConcurrency.get(qualifier);
  if (!entry) throw new AwsError('ProvisionedConcurrencyConfigNotFoundException', 'No Provisioned Concurrency Config found for this function', { status: 404 });
  return provisionedView(ctx, fn, qualifier, entry);
}

export function deleteProvisionedConcurrencyConfig(input: DeleteProvisionedConcurrencyConfigRequest, ctx: Ctx) {
  const { fn, qualifier } = provisionedTarget(ctx, input.FunctionName!, input.Qualifier);
  releaseProvisioned(ctx, fn, qualifier, provisionedKey(ctx, fn, qualifier).key);
}

/** Drops `qualifier`'s provisioned concurrency: its environments (`key`'s, and those of a version its alias left) go back to on-demand use. */
export function releaseProvisioned(ctx: Ctx, fn: LambdaFunction, qualifier: string, key: string) {
  const entry = fn.provisionedConcurrency.get(qualifier);
  if (!entry) return;
  fn.provisionedConcurrency.delete(qualifier);
  ctx.state.pool.unprovision(key);
  if (entry.movingFrom) ctx.state.pool.unprovision(entry.movingFrom);
}

export function listProvisionedConcurrencyConfigs(input: ListProvisionedConcurrencyConfigsRequest, ctx: Ctx) {
  const fn = unqualifiedFunction(ctx.state, input.FunctionName!);
  const all = [...fn.provisionedConcurrency].map(([q, e]) => ({
    FunctionArn: functionArn(ctx.state.region, ctx.state.accountId, fn.name, q),
    ...provisionedView(ctx, fn, q, e),
  }));
  const { items, next } = page(all, input.Marker, input.MaxItems);
  return { ProvisionedConcurrencyConfigs: items, NextMarker: next };
}
