import type { DeleteParameterCommandInput, DeleteParametersCommandInput } from '@aws-sdk/client-ssm';
import { SsmErrors } from '../errors.ts';
import { nameOf, ownName, type SsmContext } from '../parameters.ts';

/** Deletes a parameter with the resource policies attached to it; false when there is no such parameter. */
function remove(ctx: SsmContext, name: string): boolean {
  const parameter = ctx.state.parameters.get(name);
  if (!parameter) return false;
  ctx.state.parameters.delete(name);
  ctx.state.resourcePolicies?.delete(parameter.arn);
  return true;
}

export function deleteParameter(input: DeleteParameterCommandInput, ctx: SsmContext) {
  if (!remove(ctx, nameOf(ctx, input.Name!))) throw SsmErrors.notFound();
  return {};
}

export function deleteParameters(input: DeleteParametersCommandInput, ctx: SsmContext) {
  const deleted: string[] = [];
  const invalid: string[] = [];
  for (const name of input.Names!) (remove(ctx, ownName(ctx, name) ?? '') ? deleted : invalid).push(name);
  return { DeletedParameters: deleted, InvalidParameters: invalid };
}
