import type {
  GetParameterCommandInput,
  GetParametersByPathCommandInput,
  GetParametersCommandInput,
  Parameter as ParameterOutput,
} from '@aws-sdk/client-ssm';
import { AwsError } from '../../../core/errors.ts';
import { SsmErrors } from '../errors.ts';
import { matchesFilter, pageOf, underPath } from '../filters.ts';
import { current, resolve, type SsmContext } from '../parameters.ts';
import { visibleValue } from '../secure.ts';
import type { Parameter, ParameterVersion } from '../state.ts';

export async function parameterOutput(
  ctx: SsmContext,
  parameter: Parameter,
  version: ParameterVersion,
  withDecryption: boolean | undefined,
  selector?: string,
): Promise<ParameterOutput> {
  return {
    Name: parameter.name,
    Type: version.type,
    Value: await visibleValue(ctx, parameter, version, withDecryption),
    Version: version.version,
    Selector: selector,
    LastModifiedDate: version.lastModifiedDate,
    ARN: parameter.arn,
    DataType: version.dataType,
  };
}

export async function getParameter(input: GetParameterCommandInput, ctx: SsmContext) {
  const { parameter, version, selector } = resolve(ctx, input.Name!);
  return { Parameter: await parameterOutput(ctx, parameter, version, input.WithDecryption, selector) };
}

/** Up to 10 names; the ones that do not resolve are listed in InvalidParameters. */
export async function getParameters(input: GetParametersCommandInput, ctx: SsmContext) {
  const parameters: ParameterOutput[] = [];
  const invalid: string[] = [];
  for (const reference of input.Names!) {
    try {
      const { parameter, version, selector } = resolve(ctx, reference);
      parameters.push(await parameterOutput(ctx, parameter, version, input.WithDecryption, selector));
    } catch (error) {
      if (!(error instanceof AwsError) || !['ParameterNotFound', 'ParameterVersionNotFound'].includes(error.code)) throw error;
      invalid.push(reference);
    }
  }
  return { Parameters: parameters, InvalidParameters: invalid };
}

export async function getParametersByPath(input: GetParametersByPathCommandInput, ctx: SsmContext) {
  const path = input.Path!;
  if (!path.startsWith('/')) throw SsmErrors.validation('The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/".');
  const selected = [...ctx.state.parameters.values()]
    .filter((p) => path === '/' ? input.Recursive || !p.name.slice(1).includes('/') : underPath(p.name, path, Boolean(input.Recursive)))
    .filter((p) => (input.ParameterFilters ?? []).every((f) => matchesFilter(p, f)))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const { items, NextToken } = pageOf(selected, input.MaxResults, input.NextToken, 10);
  const parameters = [];
  for (const p of items) parameters.push(await parameterOutput(ctx, p, current(p), input.WithDecryption));
  return { Parameters: parameters, NextToken };
}
