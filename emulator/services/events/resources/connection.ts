import { buildArn } from '../../../core/arn.ts';
import type { ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';

/** The resource's attributes: its ARN, the ARN IAM policies name it by (no generated suffix), and its secret's ARN. */
async function attributes(request: ResourceRequest, name: string) {
  const c = await request.call('events', 'DescribeConnection', { Name: name });
  const forPolicy = buildArn({ service: 'events', region: request.region, accountId: request.accountId, resource: `connection/${name}` });
  return { Arn: c.ConnectionArn, ArnForPolicy: forPolicy, SecretArn: c.SecretArn };
}

/** `AWS::Events::Connection`: Ref is the connection name; GetAtt Arn, ArnForPolicy, SecretArn. */
export const connection: ResourceType = {
  async create(request) {
    const p = request.properties;
    const name: string = p.Name ?? request.physicalName({ maxLength: 64 });
    await request.call('events', 'CreateConnection', {
      Name: name,
      Description: p.Description,
      AuthorizationType: p.AuthorizationType,
      AuthParameters: p.AuthParameters,
      KmsKeyIdentifier: p.KmsKeyIdentifier,
    });
    return { physicalId: name, attributes: await attributes(request, name) };
  },
  async update(request) {
    const p = request.properties;
    await request.call('events', 'UpdateConnection', {
      Name: request.physicalId,
      Description: p.Description ?? '',
      AuthorizationType: p.AuthorizationType,
      AuthParameters: p.AuthParameters,
      KmsKeyIdentifier: p.KmsKeyIdentifier ?? '',
    });
    return { physicalId: request.physicalId, attributes: await attributes(request, request.physicalId) };
  },
  async delete(request) {
    await request.call('events', 'DeleteConnection', { Name: request.physicalId });
  },
  // AuthParameters hold secrets DescribeConnection does not give back: AWS's schema makes them write-only.
  async read(request) {
    const c = await request.call('events', 'DescribeConnection', { Name: request.physicalId });
    return { Name: c.Name, AuthorizationType: c.AuthorizationType, ...(c.Description ? { Description: c.Description } : {}), ...(c.KmsKeyIdentifier ? { KmsKeyIdentifier: c.KmsKeyIdentifier } : {}) };
  },
  primaryIdentifier: ['Name'],
  adopt: async (request, identifier) => ({ physicalId: identifier.Name, attributes: await attributes(request, identifier.Name) }),
  createOnly: ['Name'],
  properties: ['Name', 'Description', 'AuthorizationType', 'AuthParameters', 'KmsKeyIdentifier'],
};
