import { buildArn, partitionInfo } from '../../../core/arn.ts';
import { changedProperties, resourceTags, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { BUCKET_SETTINGS, cannedAcl } from './bucket-configuration.ts';
import { readBucket } from './bucket-read.ts';

function attributes(request: ResourceRequest, name: string) {
  const suffix = partitionInfo(request.region).dnsSuffix;
  return {
    physicalId: name,
    attributes: {
      Arn: buildArn({ service: 's3', region: '', accountId: '', resource: name, partitionRegion: request.region }),
      DomainName: `${name}.s3.${suffix}`,
      RegionalDomainName: `${name}.s3.${request.region}.${suffix}`,
      DualStackDomainName: `${name}.s3.dualstack.${request.region}.${suffix}`,
      WebsiteURL: `http://${name}.s3-website-${request.region}.${suffix}`,
    },
  };
}

async function applySettings(request: ResourceRequest, name: string, names: Iterable<string>) {
  for (const key of names) {
    const setting = BUCKET_SETTINGS[key];
    if (!setting) continue;
    const value = request.properties[key];
    const [operation, input] = value === undefined ? setting.clear!(name) : setting.put(name, value);
    await request.call('s3', operation, input);
  }
}

async function applyTags(request: ResourceRequest, name: string) {
  const tags = resourceTags(request);
  if (tags.length) await request.call('s3', 'PutBucketTagging', { Bucket: name, Tagging: { TagSet: tags } });
  else await request.call('s3', 'DeleteBucketTagging', { Bucket: name });
}

/** `AWS::S3::Bucket`: Ref is the bucket name; GetAtt Arn, DomainName, RegionalDomainName, DualStackDomainName, WebsiteURL. */
export const bucket: ResourceType = {
  async create(request) {
    const p = request.properties;
    const name: string = p.BucketName ?? request.physicalName({ maxLength: 63, lowerCase: true });
    await request.call('s3', 'CreateBucket', {
      Bucket: name,
      ACL: cannedAcl(p.AccessControl),
      ObjectLockEnabledForBucket: p.ObjectLockEnabled === undefined ? undefined : String(p.ObjectLockEnabled) === 'true',
      ...(request.region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: request.region } }),
    });
    await applySettings(request, name, Object.keys(p));
    if (resourceTags(request).length) await applyTags(request, name);
    return attributes(request, name);
  },
  async update(request) {
    const changed = changedProperties(request.previous, request.properties);
    await applySettings(request, request.physicalId, changed);
    if (changed.has('AccessControl')) await request.call('s3', 'PutBucketAcl', { Bucket: request.physicalId, ACL: cannedAcl(request.properties.AccessControl ?? 'Private') });
    if (changed.has('Tags')) await applyTags(request, request.physicalId);
    return attributes(request, request.physicalId);
  },
  async delete(request) {
    await request.call('s3', 'DeleteBucket', { Bucket: request.physicalId });
  },
  read: readBucket,
  primaryIdentifier: ['BucketName'],
  async list(request) {
    const { Buckets } = await request.call<{ Buckets?: { Name: string }[] }>('s3', 'ListBuckets', {});
    return (Buckets ?? []).map((b) => ({ identifier: { BucketName: b.Name }, physicalId: b.Name, properties: { BucketName: b.Name } }));
  },
  async adopt(request, identifier) {
    await request.call('s3', 'HeadBucket', { Bucket: identifier.BucketName });
    return attributes(request, identifier.BucketName);
  },
  createOnly: ['BucketName', 'ObjectLockEnabled'],
  properties: ['BucketName', 'AccessControl', 'ObjectLockEnabled', 'Tags', ...Object.keys(BUCKET_SETTINGS)],
};
