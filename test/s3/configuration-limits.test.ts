import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  ListBucketMetricsConfigurationsCommand,
  PutBucketAnalyticsConfigurationCommand,
  PutBucketMetricsConfigurationCommand,
} from '@aws-sdk/client-s3';
import { expectError } from '../support/aws-error.ts';
import { bucketName, s3Fixture } from './support.ts';

// "You can have up to 1,000 metrics configurations per bucket" (and as many analytics, inventory and Intelligent-Tiering
// ones): a new one past the limit is TooManyConfigurations (400), as PutBucketMetricsConfiguration's documentation says.
const LIMIT_MESSAGE = 'You are attempting to create a new configuration but have already reached the 1,000-configuration limit.';

describe('S3 per-bucket configuration limits', function () {
  this.timeout(60_000);
  const fixture = s3Fixture();

  it('takes 1,000 metrics configurations per bucket, replaces one at the limit, and refuses a new one', async () => {
    const { s3 } = fixture;
    const bucket = bucketName('limits');
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const put = (Id: string, Prefix = 'logs/') => s3.send(new PutBucketMetricsConfigurationCommand({ Bucket: bucket, Id, MetricsConfiguration: { Id, Filter: { Prefix } } }));
    for (let i = 0; i < 1000; i += 50) await Promise.all(Array.from({ length: 50 }, (_, j) => put(`m-${String(i + j).padStart(4, '0')}`)));
    await put('m-0999', 'other/');
    await assert.rejects(put('m-1000'), expectError('TooManyConfigurations', 400, LIMIT_MESSAGE));
    // Listings still show the 1,000, 100 a page.
    const first = await s3.send(new ListBucketMetricsConfigurationsCommand({ Bucket: bucket }));
    assert.deepEqual([first.MetricsConfigurationList?.length, first.IsTruncated], [100, true]);
    // Each family has its own limit.
    await s3.send(new PutBucketAnalyticsConfigurationCommand({ Bucket: bucket, Id: 'a', AnalyticsConfiguration: { Id: 'a', StorageClassAnalysis: {} } }));
  });
});
