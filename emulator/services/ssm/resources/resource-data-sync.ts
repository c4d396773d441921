import type { ResourceDataSyncItem } from '@aws-sdk/client-ssm';
import type { Properties, ResourceDelete, ResourceType } from '../../cloudformation/provider.ts';
import { givenMembers } from '../../cloudformation/read-back.ts';
import { SsmErrors } from '../errors.ts';

/**
 * The S3 destination in the API's names: the S3Destination property (AWS's schema names its members BucketName,
 * BucketRegion, BucketPrefix, SyncFormat, KMSKeyArn), or the older top-level properties of the same names.
 */
function destination(p: Properties) {
  const d: Properties = p.S3Destination ?? p;
  if (d.BucketName === undefined) return undefined;
  return { BucketName: d.BucketName, Region: d.BucketRegion, Prefix: d.BucketPrefix, SyncFormat: d.SyncFormat, AWSKMSKeyARN: d.KMSKeyArn };
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
  async read(request) {
    const sync = await findSync(request);
    const s3 = sync.S3Destination;
    const bucket = s3 && { BucketName: s3.BucketName, BucketRegion: s3.Region, BucketPrefix: s3.Prefix, SyncFormat: s3.SyncFormat, KMSKeyArn: s3.AWSKMSKeyARN };
    return { SyncName: sync.SyncName, SyncType: sync.SyncType, SyncSource: givenMembers(request.properties.SyncSource, sync.SyncSource), S3Destination: bucket, ...bucket };
  },
  createOnly: ['SyncName', 'SyncType', 'S3Destination', 'BucketName', 'BucketRegion', 'BucketPrefix', 'SyncFormat', 'KMSKeyArn'],
  properties: ['SyncName', 'SyncType', 'SyncSource', 'S3Destination', 'BucketName', 'BucketRegion', 'BucketPrefix', 'SyncFormat', 'KMSKeyArn'],
};

/** ListResourceDataSync lists one sync type at a time: the template's, else both. */
async function findSync(request: ResourceDelete): Promise<ResourceDataSyncItem> {
  const types = request.properties.SyncType !== undefined ? [request.properties.SyncType] : ['SyncToDestination', 'SyncFromSource'];
  for (const SyncType of types) {
    let NextToken: string | undefined;
    do {
      const page = await request.call<{ ResourceDataSyncItems?: ResourceDataSyncItem[]; NextToken?: string }>('ssm', 'ListResourceDataSync', { SyncType, NextToken });
      const found = page.ResourceDataSyncItems?.find((s) => s.SyncName === request.physicalId);
      if (found) return found;
      NextToken = page.NextToken;
    } while (NextToken);
  }
  throw SsmErrors.syncNotFound(request.physicalId);
}
