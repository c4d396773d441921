import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  GetBucketIntelligentTieringConfigurationCommand,
  PutBucketAnalyticsConfigurationCommand,
  PutBucketIntelligentTieringConfigurationCommand,
  type AnalyticsS3BucketDestination,
  type Tiering,
} from '@aws-sdk/client-s3';
import { expectError } from '../support/aws-error.ts';
import { bucketName, s3Fixture } from './support.ts';

// Intelligent-Tiering archive tiers take 90 to 730 days of no access (ARCHIVE_ACCESS) and 180 to 730
// (DEEP_ARCHIVE_ACCESS), as the Tiering shape documents; storage class analysis exports go to a bucket ARN as CSV
// reports of schema V_1.
const MALFORMED = 'The XML you provided was not well-formed or did not validate against our published schema';

describe('S3 Intelligent-Tiering and analytics configuration validation', function () {
  this.timeout(30_000);
  const fixture = s3Fixture();
  let bucket: string;
  before(async () => {
    bucket = bucketName('tiering');
    await fixture.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });

  const putTiering = (Tierings: Tiering[], Status: 'Enabled' | 'Disabled' = 'Enabled') =>
    fixture.s3.send(new PutBucketIntelligentTieringConfigurationCommand({ Bucket: bucket, Id: 'archive', IntelligentTieringConfiguration: { Id: 'archive', Status, Tierings } }));

  it('takes archive tiers within their documented days and refuses others', async () => {
    await putTiering([
      { AccessTier: 'ARCHIVE_ACCESS', Days: 90 },
      { AccessTier: 'DEEP_ARCHIVE_ACCESS', Days: 730 },
    ]);
    const stored = await fixture.s3.send(new GetBucketIntelligentTieringConfigurationCommand({ Bucket: bucket, Id: 'archive' }));
    assert.deepEqual(stored.IntelligentTieringConfiguration?.Tierings, [
      { AccessTier: 'ARCHIVE_ACCESS', Days: 90 },
      { AccessTier: 'DEEP_ARCHIVE_ACCESS', Days: 730 },
    ]);
    await assert.rejects(
      putTiering([{ AccessTier: 'ARCHIVE_ACCESS', Days: 1 }]),
      expectError('InvalidArgument', 400, 'Days specified in ARCHIVE_ACCESS tier should not be less than 90'),
    );
    await assert.rejects(
      putTiering([{ AccessTier: 'DEEP_ARCHIVE_ACCESS', Days: 179 }]),
      expectError('InvalidArgument', 400, 'Days specified in DEEP_ARCHIVE_ACCESS tier should not be less than 180'),
    );
    await assert.rejects(
      putTiering([{ AccessTier: 'ARCHIVE_ACCESS', Days: 731 }]),
      expectError('InvalidArgument', 400, 'Days specified in ARCHIVE_ACCESS tier should not be more than 730'),
    );
    // What the schema does not take: no tierings, an unknown tier or status.
    await assert.rejects(putTiering([]), expectError('MalformedXML', 400, MALFORMED));
    await assert.rejects(putTiering([{ AccessTier: 'GLACIER' as Tiering['AccessTier'], Days: 90 }]), expectError('MalformedXML', 400, MALFORMED));
    await assert.rejects(putTiering([{ AccessTier: 'ARCHIVE_ACCESS', Days: 90 }], 'On' as 'Enabled'), expectError('MalformedXML', 400, MALFORMED));
    // The refused ones left the stored configuration alone.
    const kept = await fixture.s3.send(new GetBucketIntelligentTieringConfigurationCommand({ Bucket: bucket, Id: 'archive' }));
    assert.equal(kept.IntelligentTieringConfiguration?.Tierings?.length, 2);
  });

  it('exports storage class analysis only as CSV (V_1) to a bucket ARN', async () => {
    const put = (destination: AnalyticsS3BucketDestination, OutputSchemaVersion = 'V_1') =>
      fixture.s3.send(
        new PutBucketAnalyticsConfigurationCommand({
          Bucket: bucket,
          Id: 'report',
          AnalyticsConfiguration: {
            Id: 'report',
            StorageClassAnalysis: { DataExport: { OutputSchemaVersion: OutputSchemaVersion as 'V_1', Destination: { S3BucketDestination: destination } } },
          },
        }),
      );
    await put({ Format: 'CSV', Bucket: `arn:aws:s3:::${bucket}`, Prefix: 'reports/' });
    await assert.rejects(put({ Format: 'CSV', Bucket: bucket }), expectError('InvalidS3DestinationBucket', 400, 'Invalid bucket ARN.'));
    await assert.rejects(put({ Format: 'CSV', Bucket: `arn:aws:s3:::${bucket}/reports` }), expectError('InvalidS3DestinationBucket', 400, 'Invalid bucket ARN.'));
    await assert.rejects(put({ Format: 'Parquet' as 'CSV', Bucket: `arn:aws:s3:::${bucket}` }), expectError('MalformedXML', 400, MALFORMED));
    await assert.rejects(put({ Format: 'CSV', Bucket: `arn:aws:s3:::${bucket}` }, 'V_2'), expectError('MalformedXML', 400, MALFORMED));
  });
});
