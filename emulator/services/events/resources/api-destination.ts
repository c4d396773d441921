import { buildArn } from '../../../core/arn.ts';
import type { Properties, ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';

function settings(p: Properties) {
  return {
    ConnectionArn: p.ConnectionArn,
    Description: p.Description,
    InvocationEndpoint: p.InvocationEndpoint,
    HttpMethod: p.HttpMethod,
    InvocationRateLimitPerSecond: p.InvocationRateLimitPerSecond === undefined ? undefined : Number(p.InvocationRateLimitPerSecond),
  };
}

function state(request: ResourceRequest, name: string, arn: string) {
  const forPolicy = buildArn({ service: 'events', region: request.region, accountId: request.accountId, resource: `api-destination/${name}` });
  return { physicalId: name, attributes: { Arn: arn, ArnForPolicy: forPolicy } };
}

/** `AWS::Events::ApiDestination`: Ref is the destination name; GetAtt Arn, ArnForPolicy. */
export const apiDestination: ResourceType = {
  async create(request) {
    const name: string = request.properties.Name ?? request.physicalName({ maxLength: 64 });
    const { ApiDestinationArn } = await request.call('events', 'CreateApiDestination', { Name: name, ...settings(request.properties) });
    return state(request, name, ApiDestinationArn);
  },
  async update(request) {
    const { ApiDestinationArn } = await request.call('events', 'UpdateApiDestination', {
      Name: request.physicalId,
      ...settings(request.properties),
      // A dropped description is cleared.
      Description: request.properties.Description ?? '',
    });
    return state(request, request.physicalId, ApiDestinationArn);
  },
  async delete(request) {
    await request.call('events', 'DeleteApiDestination', { Name: request.physicalId });
  },
  async read(request) {
    const d = await request.call('events', 'DescribeApiDestination', { Name: request.physicalId });
    return {
      Name: d.Name,
      ConnectionArn: d.ConnectionArn,
      InvocationEndpoint: d.InvocationEndpoint,
      HttpMethod: d.HttpMethod,
      InvocationRateLimitPerSecond: d.InvocationRateLimitPerSecond,
      ...(d.Description ? { Description: d.Description } : {}),
    };
  },
  primaryIdentifier: ['Name'],
  async adopt(request, identifier) {
    const { ApiDestinationArn } = await request.call('events', 'DescribeApiDestination', { Name: identifier.Name });
    return state(request, identifier.Name, ApiDestinationArn);
  },
  createOnly: ['Name'],
  properties: ['Name', 'ConnectionArn', 'Description', 'InvocationEndpoint', 'HttpMethod', 'InvocationRateLimitPerSecond'],
};
