import { jsonText, templateJson, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';

async function put(request: ResourceRequest, resourceArn: string) {
  await request.call('lambda', 'PutResourcePolicy', { ResourceArn: resourceArn, Policy: jsonText(request.properties.PolicyDocument) });
}

/**
 * `AWS::Lambda::ResourcePolicy`: the whole resource-based policy of a function, version or alias (PutResourcePolicy
 * replaces what AddPermission or another policy set). Ref is the ResourceArn, the type's primary identifier; it has
 * no attributes. A new PolicyDocument is put in place; a new ResourceArn replaces the resource.
 */
export const resourcePolicy: ResourceType = {
  async create(request) {
    await put(request, request.properties.ResourceArn);
    return { physicalId: request.properties.ResourceArn, attributes: {} };
  },
  async update(request) {
    await put(request, request.physicalId);
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('lambda', 'DeleteResourcePolicy', { ResourceArn: request.physicalId });
  },
  async read(request) {
    const { Policy } = await request.call<{ Policy: string }>('lambda', 'GetResourcePolicy', { ResourceArn: request.physicalId });
    return { ResourceArn: request.physicalId, PolicyDocument: templateJson(request.properties.PolicyDocument, Policy) };
  },
  async adopt(request, identifier) {
    await request.call('lambda', 'GetResourcePolicy', { ResourceArn: identifier.ResourceArn });
    return { physicalId: identifier.ResourceArn, attributes: {} };
  },
  createOnly: ['ResourceArn'],
  primaryIdentifier: ['ResourceArn'],
  properties: ['ResourceArn', 'PolicyDocument'],
};
