import type { GetAccessPointResult } from '@aws-sdk/client-s3-control';
import { AwsError } from '../../../core/errors.ts';
import { changedProperties, jsonText, resourceTags, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';

/** S3 Control takes the account in every request: the stack's own. */
export const inAccount = (request: Pick<ResourceRequest, 'accountId'>, input: object) => ({ AccountId: request.accountId, ...input });

/** S3 Control refuses user tags with `aws:` keys: the template's and the stack's tags, without CloudFormation's own. */
const tagsOf = (request: ResourceRequest) => resourceTags(request).filter((t) => !t.Key.startsWith('aws:'));

async function attributesOf(request: Pick<ResourceRequest, 'accountId' | 'call'>, name: string) {
  const found = await request.call<GetAccessPointResult>('s3control', 'GetAccessPoint', inAccount(request, { Name: name }));
  return { Name: found.Name, Alias: found.Alias, Arn: found.AccessPointArn, NetworkOrigin: found.NetworkOrigin };
}

/** Puts the template's policy, or deletes a policy the template no longer sets. */
async function applyPolicy(request: ResourceRequest, name: string, policy: unknown, had: boolean): Promise<void> {
  if (policy !== undefined) await request.call('s3control', 'PutAccessPointPolicy', inAccount(request, { Name: name, Policy: jsonText(policy) }));
  else if (had) await request.call('s3control', 'DeleteAccessPointPolicy', inAccount(request, { Name: name }));
}

/**
 * `AWS::S3::AccessPoint`: Ref is the name (CloudFormation makes one, lower-case, when the template has none); GetAtt
 * Alias, Arn, Name, NetworkOrigin. Policy and Tags change in place; the rest replaces the access point.
 */
export const accessPoint: ResourceType = {
  async create(request) {
    const p = request.properties;
    const name: string = p.Name ?? request.physicalName({ maxLength: 50, lowerCase: true });
    await request.call(
      's3control',
      'CreateAccessPoint',
      inAccount(request, { Name: name, Bucket: p.Bucket, BucketAccountId: p.BucketAccountId, VpcConfiguration: p.VpcConfiguration, PublicAccessBlockConfiguration: p.PublicAccessBlockConfiguration }),
    );
    request.initiated?.(name);
    await applyPolicy(request, name, p.Policy, false);
    const attributes = await attributesOf(request, name);
    const tags = tagsOf(request);
    if (tags.length) await request.call('s3control', 'TagResource', inAccount(request, { ResourceArn: attributes.Arn, Tags: tags }));
    return { physicalId: name, attributes };
  },
  async update(request) {
    const changed = changedProperties(request.previous, request.properties);
    if (changed.has('Policy')) await applyPolicy(request, request.physicalId, request.properties.Policy, request.previous.Policy !== undefined);
    if (changed.has('Tags')) {
      const arn = request.attributes.Arn as string;
      const tags = tagsOf(request);
      const gone = (request.previous.Tags ?? []).map((t: { Key: string }) => t.Key).filter((key: string) => !tags.some((t) => t.Key === key));
      if (gone.length) await request.call('s3control', 'UntagResource', inAccount(request, { ResourceArn: arn, TagKeys: gone }));
      if (tags.length) await request.call('s3control', 'TagResource', inAccount(request, { ResourceArn: arn, Tags: tags }));
    }
    return { physicalId: request.physicalId, attributes: await attributesOf(request, request.physicalId) };
  },
  async delete(request) {
    await request.call('s3control', 'DeleteAccessPoint', inAccount(request, { Name: request.physicalId })).catch(ignoreMissing);
  },
  createOnly: ['Name', 'Bucket', 'BucketAccountId', 'VpcConfiguration', 'PublicAccessBlockConfiguration'],
  properties: ['Name', 'Bucket', 'BucketAccountId', 'VpcConfiguration', 'PublicAccessBlockConfiguration', 'Policy', 'Tags'],
};

/** Deleting what is already gone succeeds, as CloudFormation's handlers treat a resource deleted outside the stack. */
export function ignoreMissing(error: unknown): void {
  if (!(error instanceof AwsError && error.code === 'NoSuchAccessPoint')) throw error;
}
