import type { DescribeParametersCommandInput, GetParameterHistoryCommandInput } from '@aws-sdk/client-ssm';
import { SsmErrors } from '../errors.ts';
import { matchesFilter, pageOf } from '../filters.ts';
import { current, nameOf, type SsmContext } from '../parameters.ts';
import { visibleValue } from '../secure.ts';
import type { ParameterVersion } from '../state.ts';

function metadata(version: ParameterVersion) {
  return {
    Type: version.type,
    KeyId: version.keyId,
    LastModifiedDate: version.lastModifiedDate,
    LastModifiedUser: version.lastModifiedUser,
    Description: version.description,
    AllowedPattern: version.allowedPattern,
    Version: version.version,
    Tier: version.tier,
    Policies: version.policies.map((text) => ({ PolicyText: text, PolicyType: JSON.parse(text)?.Type, PolicyStatus: 'Pending' })),
    DataType: version.dataType,
  };
}

export function describeParameters(input: DescribeParametersCommandInput, ctx: SsmContext) {
  const legacy = (input.Filters ?? []).map((f) => ({ Key: f.Key, Option: 'Equals', Values: f.Values }));
  const filters = [...legacy, ...(input.ParameterFilters ?? [])];
  const selected = [...ctx.state.parameters.values()]
    .filter((p) => filters.every((f) => matchesFilter(p, f)))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const { items, NextToken } = pageOf(selected, input.MaxResults, input.NextToken, 10);
  return { Parameters: items.map((p) => ({ Name: p.name, ARN: p.arn, ...metadata(current(p)) })), NextToken };
}

export async function getParameterHistory(input: GetParameterHistoryCommandInput, ctx: SsmContext) {
  const parameter = ctx.state.parameters.get(nameOf(ctx, input.Name!));
  if (!parameter) throw SsmErrors.notFound();
  const { items, NextToken } = pageOf(parameter.versions, input.MaxResults, input.NextToken, 50);
  const history = [];
  for (const v of items) {
    history.push({
      Name: parameter.name,
      ...metadata(v),
      Value: await visibleValue(ctx, parameter, v, input.WithDecryption),
      Labels: [...v.labels],
    });
  }
  return { Parameters: history, NextToken };
}
