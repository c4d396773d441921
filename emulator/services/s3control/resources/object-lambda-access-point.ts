import type { GetAccessPointForObjectLambdaResult } from '@aws-sdk/client-s3-control';
import { buildArn } from '../../../core/arn.ts';
import { jsonText, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { inAccount, noPolicy } from './access-point.ts';

async function attributesOf(request: Pick<ResourceRequest, 'accountId' | 'region' | 'call'>, name: string) {
  const found = await request.call<GetAccessPointForObjectLambdaResult>('s3control', 'GetAccessPointForObjectLambda', inAccount(request, { Name: name }));
  const status = await request
    .call<{ PolicyStatus?: { IsPublic?: boolean } }>('s3control', 'GetAccessPointPolicyStatusForObjectLambda', inAccount(request, { Name: name }))
    .catch(noPolicy);
  const block = found.PublicAccessBlockConfiguration ?? {};
  return {
    Arn: buildArn({ service: 's3-object-lambda', region: request.region, accountId: request.accountId, resource: `accesspoint/${name}` }),
    'Alias.Value': found.Alias?.Value,
    'Alias.Status': found.Alias?.Status,
    CreationDate: found.CreationDate?.toISOString(),
    // No policy yet: not public.
    'PolicyStatus.IsPublic': status?.PolicyStatus?.IsPublic ?? false,
    'PublicAccessBlockConfiguration.BlockPublicAcls': block.BlockPublicAcls,
    'PublicAccessBlockConfiguration.IgnorePublicAcls': block.IgnorePublicAcls,
    'PublicAccessBlockConfiguration.BlockPublicPolicy': block.BlockPublicPolicy,
    'PublicAccessBlockConfiguration.RestrictPublicBuckets': block.RestrictPublicBuckets,
  };
}

/**
 * `AWS::S3ObjectLambda::AccessPoint`: Ref is the name (made by CloudFormation when absent); GetAtt Arn, Alias.Value,
 * Alias.Status, CreationDate, PolicyStatus.IsPublic and the PublicAccessBlockConfiguration flags. The configuration
 * changes in place; a new name replaces the access point.
 */
export const objectLambdaAccessPoint: ResourceType = {
  async create(request) {
    const name: string = request.properties.Name ?? request.physicalName({ maxLength: 45, lowerCase: true });
    await request.call('s3control', 'CreateAccessPointForObjectLambda', inAccount(request, { Name: name, Configuration: request.properties.ObjectLambdaConfiguration }));
    return { physicalId: name, attributes: await attributesOf(request, name) };
  },
  async update(request) {
    await request.call(
      's3control',
      'PutAccessPointConfigurationForObjectLambda',
      inAccount(request, { Name: request.physicalId, Configuration: request.properties.ObjectLambdaConfiguration }),
    );
    return { physicalId: request.physicalId, attributes: await attributesOf(request, request.physicalId) };
  },
  async delete(request) {
    await request.call('s3control', 'DeleteAccessPointForObjectLambda', inAccount(request, { Name: request.physicalId }))
  },
  async read(request) {
    const { Configuration } = await request.call('s3control', 'GetAccessPointConfigurationForObjectLambda', inAccount(request, { Name: request.physicalId }));
    return { Name: request.physicalId, ObjectLambdaConfiguration: Configuration };
  },
  createOnly: ['Name'],
  properties: ['Name', 'ObjectLambdaConfiguration'],
};

/** `AWS::S3ObjectLambda::AccessPointPolicy`: Ref is the Object Lambda access point's name; the policy changes in place. */
export const objectLambdaAccessPointPolicy: ResourceType = {
  /** AWS's schema has no list handler. */
  unlisted: true,
  async create(request) {
    const name: string = request.properties.ObjectLambdaAccessPoint;
    await request.call('s3control', 'PutAccessPointPolicyForObjectLambda', inAccount(request, { Name: name, Policy: jsonText(request.properties.PolicyDocument) }));
    return { physicalId: name, attributes: {} };
  },
  async update(request) {
    await request.call('s3control', 'PutAccessPointPolicyForObjectLambda', inAccount(request, { Name: request.physicalId, Policy: jsonText(request.properties.PolicyDocument) }));
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('s3control', 'DeleteAccessPointPolicyForObjectLambda', inAccount(request, { Name: request.physicalId }))
  },
  async read(request) {
    const { Policy } = await request.call('s3control', 'GetAccessPointPolicyForObjectLambda', inAccount(request, { Name: request.physicalId }));
    return { ObjectLambdaAccessPoint: request.physicalId, PolicyDocument: JSON.parse(Policy) };
  },
  createOnly: ['ObjectLambdaAccessPoint'],
  properties: ['ObjectLambdaAccessPoint', 'PolicyDocument'],
};
