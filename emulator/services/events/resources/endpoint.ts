import type { Properties, ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';

function settings(p: Properties) {
  return { Description: p.Description, RoutingConfig: p.RoutingConfig, EventBuses: p.EventBuses, ReplicationConfig: p.ReplicationConfig, RoleArn: p.RoleArn };
}

async function endpointState(request: ResourceRequest, name: string) {
  const e = await request.call('events', 'DescribeEndpoint', { Name: name });
  const attributes: Record<string, unknown> = { Arn: e.Arn, EndpointId: e.EndpointId, EndpointUrl: e.EndpointUrl, State: e.State };
  if (e.StateReason !== undefined) attributes.StateReason = e.StateReason;
  return { physicalId: name, attributes };
}

/** `AWS::Events::Endpoint` (a global endpoint): Ref is the endpoint name; GetAtt Arn, EndpointId, EndpointUrl, State, StateReason. */
export const endpoint: ResourceType = {
  async create(request) {
    const name: string = request.properties.Name ?? request.physicalName({ maxLength: 64 });
    await request.call('events', 'CreateEndpoint', { Name: name, ...settings(request.properties) });
    return endpointState(request, name);
  },
  async update(request) {
    await request.call('events', 'UpdateEndpoint', { Name: request.physicalId, ...settings(request.properties) });
    return endpointState(request, request.physicalId);
  },
  async delete(request) {
    await request.call('events', 'DeleteEndpoint', { Name: request.physicalId });
  },
  async read(request) {
    const e = await request.call('events', 'DescribeEndpoint', { Name: request.physicalId });
    return { Name: e.Name, RoutingConfig: e.RoutingConfig, EventBuses: e.EventBuses, ReplicationConfig: e.ReplicationConfig, ...(e.Description ? { Description: e.Description } : {}), ...(e.RoleArn ? { RoleArn: e.RoleArn } : {}) };
  },
  primaryIdentifier: ['Name'],
  adopt: (request, identifier) => endpointState(request, identifier.Name),
  createOnly: ['Name'],
  properties: ['Name', 'Description', 'RoutingConfig', 'EventBuses', 'ReplicationConfig', 'RoleArn'],
};
