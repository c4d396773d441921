// Analytics, Intelligent-Tiering and inventory configuration tests of LocalStack's AWS-validated TestS3 class
// (github.com/localstack/localstack, tests/aws/services/s3/test_s3.py, Apache-2.0) reproduced as request sequences.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET, createBucket, onBucket, put } from './common.ts';
import { listV2 } from './test-s3-objects.ts';

const DEST = 'dest-{{suffix}}';
const DEST_ARN = `arn:aws:s3:::${DEST}`;

const analytics = (Id: string, Prefix: string) => ({
  Id,
  Filter: { Prefix },
  StorageClassAnalysis: { DataExport: { OutputSchemaVersion: 'V_1', Destination: { S3BucketDestination: { Format: 'CSV', Bucket: DEST_ARN, Prefix: 'test' } } } },
});
const analyticsOp = (op: string, Id: string, snapshot?: string, extra: Record<string, unknown> = {}) => onBucket(`${op}BucketAnalyticsConfiguration`, snapshot, { Id, ...extra });
const putAnalytics = (Id: string, Prefix: string, snapshot?: string, requestId = Id) =>
  analyticsOp('Put', requestId, snapshot, { AnalyticsConfiguration: analytics(Id, Prefix) });

const tiering = (Id: string, Prefix: string) => ({ Id, Filter: { Prefix }, Status: 'Enabled', Tierings: [{ Days: 90, AccessTier: 'ARCHIVE_ACCESS' }] });
const putTiering = (Id: string, Prefix: string, snapshot?: string, requestId = Id) =>
  onBucket('PutBucketIntelligentTieringConfiguration', snapshot, { Id: requestId, IntelligentTieringConfiguration: tiering(Id, Prefix) });
const listTiering = (snapshot: string) => onBucket('ListBucketIntelligentTieringConfigurations', snapshot);

const inventory = (Id: string, changes: Record<string, unknown> = {}, destination: Record<string, unknown> = {}) => ({
  Id,
  Destination: { S3BucketDestination: { Bucket: DEST_ARN, Format: 'CSV', ...destination } },
  IsEnabled: true,
  IncludedObjectVersions: 'All',
  Schedule: { Frequency: 'Daily' },
  ...changes,
});
const putInventory = (Id: string, config: Record<string, unknown>, snapshot?: string) => onBucket('PutBucketInventoryConfiguration', snapshot, { Id, InventoryConfiguration: config });
const inventoryOp = (op: string, snapshot: string, Id?: string): SourceStep => onBucket(`${op}BucketInventoryConfiguration${op === 'List' ? 's' : ''}`, snapshot, Id ? { Id } : {});

/** The destination bucket's policy letting S3 write the inventory reports. */
const INVENTORY_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'InventoryPolicy',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: [`${DEST_ARN}/*`],
      Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:s3:::${BUCKET}` } },
    },
  ],
});

export const testS3ConfigScenarios: SourceScenario[] = [
  {
    test: 'TestS3::test_s3_analytics_configurations',
    steps: [
      createBucket(),
      createBucket(DEST),
      putAnalytics('config_with_storage_analysis_1', 'test_ls', 'put_config_with_storage_analysis_err', 'different-id'),
      analyticsOp('Get', 'non-existing', 'get_config_with_storage_analysis_err'),
      analyticsOp('Delete', 'config_with_storage_analysis_1', 'delete_config_with_storage_analysis_err'),
      putAnalytics('config_with_storage_analysis_1', 'test_ls', 'put_config_with_storage_analysis_1'),
      analyticsOp('Get', 'config_with_storage_analysis_1', 'get_config_with_storage_analysis_1'),
      putAnalytics('config_with_storage_analysis_1', 'test_ls_2'),
      analyticsOp('Get', 'config_with_storage_analysis_1', 'get_config_with_storage_analysis_2'),
      putAnalytics('config_with_storage_analysis_2', 'test_ls_3'),
      analyticsOp('Get', 'config_with_storage_analysis_2', 'get_config_with_storage_analysis_3'),
      onBucket('ListBucketAnalyticsConfigurations', 'list_config_with_storage_analysis_1'),
      analyticsOp('Delete', 'config_with_storage_analysis_2'),
      onBucket('ListBucketAnalyticsConfigurations', 'list_config_with_storage_analysis_2'),
    ],
  },
  {
    test: 'TestS3::test_s3_intelligent_tier_config',
    steps: [
      createBucket(),
      putTiering('test1', 'test1', 'put_bucket_intelligent_tiering_configuration_err_1`', 'incorrect_id'),
      putTiering('test1', 'test1', 'put_bucket_intelligent_tiering_configuration_1'),
      onBucket('GetBucketIntelligentTieringConfiguration', 'get_bucket_intelligent_tiering_configuration_1', { Id: 'test1' }),
      putTiering('test2', 'test2'),
      listTiering('list_bucket_intelligent_tiering_configurations_1'),
      putTiering('test1', 'testupdate'),
      listTiering('list_bucket_intelligent_tiering_configurations_2'),
      {
        op: 'DeleteBucketIntelligentTieringConfiguration',
        params: { Bucket: 'non-existing-bucket-{{suffix}}-x', Id: 'test1' },
        snapshot: 'delete_bucket_intelligent_tiering_configuration_err_1',
      },
      onBucket('DeleteBucketIntelligentTieringConfiguration', 'delete_bucket_intelligent_tiering_configuration_err_2', { Id: 'non-existing-id' }),
      onBucket('DeleteBucketIntelligentTieringConfiguration', undefined, { Id: 'test1' }),
      listTiering('list_bucket_intelligent_tiering_configurations_3'),
    ],
  },
  {
    test: 'TestS3::test_s3_inventory_report_crud',
    steps: [
      createBucket(),
      createBucket(DEST),
      { op: 'PutBucketPolicy', params: { Bucket: DEST, Policy: INVENTORY_POLICY } },
      putInventory('test-inventory', inventory('test-inventory', { OptionalFields: ['Size', 'ETag'] }), 'put-inventory-config'),
      inventoryOp('List', 'list-inventory-config'),
      inventoryOp('Get', 'get-inventory-config', 'test-inventory'),
      inventoryOp('Delete', 'del-inventory-config', 'test-inventory'),
      inventoryOp('List', 'list-inventory-config-after-del'),
      inventoryOp('Get', 'get-nonexistent-inv-config', 'test-inventory'),
    ],
  },
  {
    test: 'TestS3::test_s3_put_inventory_report_exceptions',
    steps: [
      createBucket(),
      createBucket(DEST),
      putInventory('test-inventory', inventory('test-inventorywrong'), 'wrong-id'),
      putInventory('test-inventory', inventory('test-inventory', {}, { Bucket: DEST }), 'wrong-destination-arn'),
      putInventory('test-inventory', inventory('test-inventory', {}, { Format: 'WRONG-FORMAT' }), 'wrong-destination-format'),
      putInventory('test-inventory', inventory('test-inventory', { Schedule: { Frequency: 'Hourly' } }), 'wrong-schedule-frequency'),
      putInventory('test-inventory', inventory('test-inventory', { IncludedObjectVersions: 'Wrong' }), 'wrong-object-versions'),
      putInventory('test-inventory', inventory('test-inventory', { OptionalFields: ['TestField'] }), 'wrong-optional-field'),
    ],
  },
  {
    test: 'TestS3::test_put_bucket_inventory_config_order',
    steps: [
      createBucket(),
      createBucket(DEST),
      ...['test-1', 'z-test', 'a-test'].map((id) => putInventory(id, inventory(id))),
      inventoryOp('List', 'list-inventory-config'),
      inventoryOp('Delete', 'del-inventory-config', 'z-test'),
      inventoryOp('List', 'list-inventory-config-after-del'),
    ],
  },
  {
    test: 'TestS3::test_empty_bucket_fixture',
    steps: [
      createBucket(),
      ...[0, 1, 2].map((i) => put(`key${i}`, '123')),
      listV2('list-obj'),
      onBucket('DeleteObjects', undefined, { Delete: { Objects: [0, 1, 2].map((i) => ({ Key: `key${i}` })) } }),
      listV2('list-obj-after-empty'),
    ],
  },
];
