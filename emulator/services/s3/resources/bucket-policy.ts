import { jsonText, type ResourceType } from '../../cloudformation/provider.ts';
import { readBucketPolicy } from './bucket-read.ts';

/** `AWS::S3::BucketPolicy`: Ref is the bucket name. */
export const bucketPolicy: ResourceType = {
  async create(request) {
    const { Bucket, PolicyDocument } = request.properties;
    await request.call('s3', 'PutBucketPolicy', { Bucket, Policy: jsonText(PolicyDocument) });
    return { physicalId: Bucket, attributes: {} };
  },
  async update(request) {
    await request.call('s3', 'PutBucketPolicy', { Bucket: request.physicalId, Policy: jsonText(request.properties.PolicyDocument) });
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('s3', 'DeleteBucketPolicy', { Bucket: request.physicalId });
  },
  read: readBucketPolicy,
  createOnly: ['Bucket'],
  properties: ['Bucket', 'PolicyDocument'],
};
