import type { DeleteParameterCommandInput, DeleteParametersCommandInput } from '@aws-sdk/client-ssm';
import { SsmErrors } from '../errors.ts';
import { nameOf, ownName, type SsmContext } from '../parameters.ts';

export function deleteParameter(input: DeleteParameterCommandInput, ctx: SsmContext) {
  if (!ctx.state.parameters.delete(nameOf(ctx, input.Name!))) throw SsmErrors.notFound();
  return {};
}

export function deleteParameters(input: DeleteParametersCommandInput, ctx: SsmContext) {
  const deleted: string[] = [];
  const invalid: string[] = [];
  for (const name of input.Names!) (ctx.state.parameters.delete(ownName(ctx, name) ?? '') ? deleted : invalid).push(name);
  return { DeletedParameters: deleted, InvalidParameters: invalid };
}
