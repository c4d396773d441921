import { changedProperties, randomSuffix, type Properties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { createTags, updateTags } from './tags.ts';

function putInput(request: ResourceRequest, name: string): Properties {
  const p = request.properties;
  return {
    Name: name,
    Value: p.Value,
    Type: p.Type,
    Description: p.Description,
    AllowedPattern: p.AllowedPattern,
    Tier: p.Tier,
    DataType: p.DataType,
    Policies: p.Policies,
  };
}

function state(request: ResourceRequest, name: string) {
  return { physicalId: name, attributes: { Type: request.properties.Type, Value: request.properties.Value } };
}

async function readParameter(request: Pick<ResourceRequest, 'call'>, name: string): Promise<Properties> {
  const { Parameter } = await request.call('ssm', 'GetParameter', { Name: name });
  return { Name: Parameter.Name, Type: Parameter.Type, Value: Parameter.Value, DataType: Parameter.DataType };
}

/** `AWS::SSM::Parameter` (String and StringList, as CloudFormation allows): Ref is the name; GetAtt Type, Value. */
export const parameter: ResourceType = {
  properties: ['AllowedPattern', 'DataType', 'Description', 'Name', 'Policies', 'Tags', 'Tier', 'Type', 'Value'],
  async create(request) {
    // CloudFormation names unnamed parameters CFN-<logical id>-<random>.
    const name: string = request.properties.Name ?? `CFN-${request.logicalId}-${randomSuffix()}`;
    await request.call('ssm', 'PutParameter', { ...putInput(request, name), ...createTags(request) });
    return state(request, name);
  },
  async update(request) {
    await request.call('ssm', 'PutParameter', { ...putInput(request, request.physicalId), Overwrite: true });
    if (changedProperties(request.previous, request.properties).has('Tags')) await updateTags(request, 'Parameter', request.physicalId);
    return state(request, request.physicalId);
  },
  async delete(request) {
    await request.call('ssm', 'DeleteParameter', { Name: request.physicalId });
  },
  read: (request) => readParameter(request, request.physicalId),
  async list(request) {
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await request.call<{ Parameters?: { Name: string }[]; NextToken?: string }>('ssm', 'DescribeParameters', { MaxResults: 50, NextToken });
      names.push(...(page.Parameters ?? []).map((p) => p.Name));
      NextToken = page.NextToken;
    } while (NextToken);
    return Promise.all(names.map(async (name) => ({ identifier: { Name: name }, physicalId: name, properties: await readParameter(request, name) })));
  },
  primaryIdentifier: ['Name'],
  async adopt(request, identifier) {
    const { Parameter } = await request.call('ssm', 'GetParameter', { Name: identifier.Name });
    return { physicalId: Parameter.Name, attributes: { Type: Parameter.Type, Value: Parameter.Value } };
  },
  createOnly: ['Name'],
};
