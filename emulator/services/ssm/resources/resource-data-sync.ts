import type { Properties, ResourceType } from '../../cloudformation/provider.ts';

/** The S3 destination: the S3Destination property, or the older top-level Bucket* properties. */
function destination(p: Properties) {
  if (p.S3Destination) return p.S3Destination;
  if (p.BucketName === undefined) return undefined;
  return { BucketName: p.BucketName, Region: p.BucketRegion, Prefix: p.BucketPrefix, SyncFormat: p.SyncFormat, AWSKMSKeyARN: p.KMSKeyArn };
}

/** `AWS::SSM::ResourceDataSync`: Ref and GetAtt SyncName. Only the SyncSource of a SyncFromSource sync updates in place. */
export const resourceDataSync: ResourceType = {
  async create(request) {
    const p = request.properties;
    await request.call('ssm', 'CreateResourceDataSync', { SyncName: p.SyncName, SyncType: p.SyncType, SyncSource: p.SyncSource, S3Destination: destination(p) });
    return { physicalId: p.SyncName, attributes: { SyncName: p.SyncName } };
  },
  async update(request) {
    await request.call('ssm', 'UpdateResourceDataSync', { SyncName: request.physicalId, SyncType: request.properties.SyncType, SyncSource: request.properties.SyncSource });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('ssm', 'DeleteResourceDataSync', { SyncName: request.physicalId });
  },
  createOnly: ['SyncName', 'SyncType', 'S3Destination', 'BucketName', 'BucketRegion', 'BucketPrefix', 'SyncFormat', 'KMSKeyArn'],
  properties: ['SyncName', 'SyncType', 'SyncSource', 'S3Destination', 'BucketName', 'BucketRegion', 'BucketPrefix', 'SyncFormat', 'KMSKeyArn'],
};
