import type { AliasConfiguration } from '@aws-sdk/client-lambda';
import { AwsError } from '../../core/errors.ts';
import { functionArn, type FunctionVersion, type LambdaFunction } from './function.ts';
import type { LambdaState } from './state.ts';

/** A FunctionName parameter taken apart: a name, a partial ARN (`123456789012:function:name`) or a full ARN, each with an optional `:qualifier`. */
export interface FunctionRef {
  name: string;
  qualifier?: string;
  /** The account a full or partial ARN names. */
  accountId?: string;
}

export const notFound = (state: LambdaState, name: string, qualifier?: string) =>
  new AwsError('ResourceNotFoundException', `Function not found: ${functionArn(state.region, state.accountId, name, qualifier)}`);

/**
 * AWS's function name pattern (FunctionName and NamespacedFunctionName), with its parts captured: region, account,
 * name, qualifier. `arn:aws:lambda:us-east-1:123456789012:function` is the function named `function`.
 */
const FUNCTION_REF =
  /^(?:arn:(?:aws[a-zA-Z-]*)?:lambda:)?(?:((?:eusc-)?[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d):)?(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9-_.]+)(?::(\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9-_]+))?$/;

export function parseFunctionRef(state: LambdaState, text: string, qualifier?: string): FunctionRef {
  const [, region, accountId, name, derived] = FUNCTION_REF.exec(text) ?? splitFunctionRef(text);
  if (text.startsWith('arn:') && region && region !== state.region) {
    throw new AwsError('ResourceNotFoundException', `Functions from '${region}' are not reachable in this region ('${state.region}')`);
  }
  if (derived !== undefined && qualifier !== undefined && derived !== qualifier) {
    throw new AwsError('InvalidParameterValueException', 'The derived qualifier from the function name does not match the specified qualifier.');
  }
  return { name: name ?? '', qualifier: qualifier ?? derived, accountId: accountId || undefined };
}

/** A reference outside the pattern (operations whose model does not constrain it): its parts by position. */
function splitFunctionRef(text: string): (string | undefined)[] {
  const parts = text.split(':');
  if (parts[0] === 'arn') return [text, parts[3], parts[4], parts[6], parts[7]];
  if (parts.length >= 3 && parts[1] === 'function') return [text, undefined, parts[0], parts[2], parts[3]];
  return [text, undefined, undefined, parts[0], parts[1]];
}

/** Another account's function: only Invoke reaches it (through its resource policy); other operations are refused. */
export const otherAccountDenied = (arn: string) =>
  new AwsError('AccessDeniedException', `Cross-account access to ${arn} is not allowed for this operation without a resource-based policy`, { status: 403 });

export function findFunction(state: LambdaState, ref: FunctionRef, withQualifierInError = false): LambdaFunction {
  if (ref.accountId && ref.accountId !== state.accountId) throw otherAccountDenied(functionArn(state.region, ref.accountId, ref.name, ref.qualifier));
  const fn = state.functions.get(ref.name);
  if (!fn) throw notFound(state, ref.name, withQualifierInError ? ref.qualifier : undefined);
  return fn;
}

/** The function and version a FunctionName (+ Qualifier) designates; aliases resolve to their primary version. */
export function resolveVersion(
  state: LambdaState,
  text: string,
  qualifier?: string,
  options: { route?: boolean } = {},
): { fn: LambdaFunction; version: FunctionVersion; alias?: string } {
  const ref = parseFunctionRef(state, text, qualifier);
  const fn = findFunction(state, ref, true);
  const q = ref.qualifier;
  if (q === undefined || q === '$LATEST') return { fn, version: fn.latest };
  const numbered = fn.versions.get(q);
  if (numbered) return { fn, version: numbered };
  const alias = fn.aliases.get(q);
  if (alias) {
    const target = options.route ? routeAlias(alias) : alias.FunctionVersion!;
    const version = target === '$LATEST' ? fn.latest : fn.versions.get(target);
    if (version) return { fn, version, alias: q };
  }
  throw notFound(state, ref.name, q);
}

/** The version an alias sends one invocation to: an additional version by its routing weight, else its primary. */
export function routeAlias(alias: AliasConfiguration): string {
  for (const [version, weight] of Object.entries(alias.RoutingConfig?.AdditionalVersionWeights ?? {})) {
    if (Math.random() < weight) return version;
  }
  return alias.FunctionVersion!;
}

/** Operations on the function itself refuse a qualifier (tags, concurrency, ...). */
export function unqualifiedFunction(state: LambdaState, text: string): LambdaFunction {
  const ref = parseFunctionRef(state, text);
  if (ref.qualifier !== undefined) {
    throw new AwsError(
      'InvalidParameterValueException',
      'This operation is permitted on Lambda functions only. Aliases and versions do not support this operation. Please specify either a function name or an unqualified function ARN.',
    );
  }
  return findFunction(state, ref);
}

/** Pages a list by an opaque marker (the index of the next item), as Lambda's List operations do. */
export function page<T>(items: T[], marker: string | undefined, maxItems: number | undefined, limit = 50): { items: T[]; next?: string } {
  const start = marker ? Number.parseInt(marker, 10) || 0 : 0;
  const size = Math.min(maxItems ?? limit, limit);
  const end = start + size;
  return { items: items.slice(start, end), next: end < items.length ? String(end) : undefined };
}
