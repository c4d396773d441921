import type { GetAccessPointResult, ListAccessPointsResult } from '@aws-sdk/client-s3-control';
import { AwsError } from '../../../core/errors.ts';
import { changedProperties, jsonText, resourceTags, type Properties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';

/** S3 Control takes the account in every request: the stack's own. */
export const inAccount = (request: Pick<ResourceRequest, 'accountId'>, input: object) => ({ AccountId: request.accountId, ...input });

/** A policy read of an access point without one: nothing. */
export function noPolicy(error: unknown): undefined {
  if (error instanceof AwsError && error.code === 'NoSuchAccessPointPolicy') return undefined;
  throw error;
}

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

/** The access point as S3 Control has it now, in the template's form (the policy as a document, its tags). */
async function readAccessPoint(request: Pick<ResourceRequest, 'accountId' | 'call'>, name: string): Promise<Properties> {
  const found = await request.call<GetAccessPointResult>('s3control', 'GetAccessPoint', inAccount(request, { Name: name }));
  const policy = await request.call<{ Policy?: string }>('s3control', 'GetAccessPointPolicy', inAccount(request, { Name: name })).then((output) => output.Policy, noPolicy);
  const { Tags } = await request.call<{ Tags?: { Key?: string; Value?: string }[] }>('s3control', 'ListTagsForResource', inAccount(request, { ResourceArn: found.AccessPointArn }));
  return {
    Name: found.Name,
    Bucket: found.Bucket,
    BucketAccountId: found.BucketAccountId,
    PublicAccessBlockConfiguration: found.PublicAccessBlockConfiguration,
    ...(found.VpcConfiguration ? { VpcConfiguration: found.VpcConfiguration } : {}),
    ...(policy === undefined ? {} : { Policy: JSON.parse(policy) }),
    ...(Tags?.length ? { Tags } : {}),
  };
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
    await request.call('s3control', 'DeleteAccessPoint', inAccount(request, { Name: request.physicalId }));
  },
  read: (request) => readAccessPoint(request, request.physicalId),
  async list(request) {
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await request.call<ListAccessPointsResult>('s3control', 'ListAccessPoints', inAccount(request, { NextToken }));
      names.push(...(page.AccessPointList ?? []).map((ap) => ap.Name!));
      NextToken = page.NextToken;
    } while (NextToken);
    return Promise.all(names.map(async (name) => ({ identifier: { Name: name }, physicalId: name, properties: await readAccessPoint(request, name) })));
  },
  primaryIdentifier: ['Name'],
  adopt: async (request, identifier) => ({ physicalId: identifier.Name, attributes: await attributesOf(request, identifier.Name) }),
  createOnly: ['Name', 'Bucket', 'BucketAccountId', 'VpcConfiguration', 'PublicAccessBlockConfiguration'],
  properties: ['Name', 'Bucket', 'BucketAccountId', 'VpcConfiguration', 'PublicAccessBlockConfiguration', 'Policy', 'Tags'],
};
