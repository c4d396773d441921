import type { GoverningPolicy, RequestContext } from '../../core/service.ts';
import { functionArn, governingStatements } from './function.ts';
import { parseFunctionRef } from './lookup.ts';
import type { LambdaState } from './state.ts';

/**
 * For `--enforce-iam`: the function a request names (by FunctionName, or by the ResourceArn of the resource policy
 * operations), as IAM sees it (its ARN, with the qualifier asked for), and within its own account its resource policy
 * (the function's statements and the qualifier's), which grants to the principals it names and whose explicit Deny wins.
 */
export function governingPolicy(input: Record<string, unknown>, ctx: RequestContext<LambdaState>): GoverningPolicy | undefined {
  const named = input.FunctionName ?? input.ResourceArn;
  if (typeof named !== 'string') return undefined;
  let ref;
  try {
    ref = parseFunctionRef(ctx.state, named, typeof input.Qualifier === 'string' ? input.Qualifier : undefined);
  } catch {
    return undefined;
  }
  const state = ctx.state;
  const ownerAccount = ref.accountId ?? state.accountId;
  const resource = functionArn(state.region, ownerAccount, ref.name, ref.qualifier);
  const fn = ownerAccount === state.accountId ? state.functions.get(ref.name) : undefined;
  const statements = governingStatements(fn, ref.qualifier);
  return { document: statements.length ? JSON.stringify({ Version: '2012-10-17', Statement: statements }) : undefined, ownerAccount, resource };
}
