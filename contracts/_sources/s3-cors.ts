// LocalStack's AWS-validated S3 CORS tests (github.com/localstack/localstack, tests/aws/services/s3/test_s3_cors.py,
// Apache-2.0): the configuration API calls reproduced as request sequences; expected responses only from the snapshots.
import type { SourceFile } from '../../verifier/port/source-types.ts';
import { BUCKET, createBucket, onBucket } from './s3.ts';

const ANY_GET = { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }] };
const putCors = (CORSConfiguration: unknown, snapshot?: string) => ({
  op: 'PutBucketCors',
  params: { Bucket: BUCKET, CORSConfiguration },
  ...(snapshot ? { snapshot } : {}),
});
const getCors = (snapshot: string) => ({ op: 'GetBucketCors', params: { Bucket: BUCKET }, snapshot });

const source: SourceFile = {
  service: 's3',
  module: 'test_s3_cors',
  snapshotDir: 's3',
  variants: {},
  defaultProtocol: 'rest-xml',
  scenarios: [
    { test: 'TestS3Cors::test_get_cors', steps: [createBucket(), getCors('get-cors-no-set'), putCors(ANY_GET), getCors('get-cors-after-set')] },
    {
      test: 'TestS3Cors::test_put_cors',
      steps: [
        createBucket(),
        putCors(
          {
            CORSRules: [
              {
                AllowedOrigins: ['https://test.com', 'https://app.test.com', 'http://test.com:80'],
                AllowedMethods: ['GET', 'PUT', 'HEAD'],
                MaxAgeSeconds: 3000,
                AllowedHeaders: ['x-amz-expected-bucket-owner', 'x-amz-server-side-encryption-customer-algorithm'],
              },
            ],
          },
          'put-cors',
        ),
        getCors('get-cors'),
      ],
    },
    {
      test: 'TestS3Cors::test_put_cors_invalid_rules',
      steps: [
        createBucket(),
        putCors({ CORSRules: [{ AllowedOrigins: ['*', 'https://test.com'], AllowedMethods: ['GET', 'PUT', 'HEAD', 'MYMETHOD'] }] }, 'put-cors-exc'),
        putCors({ CORSRules: [] }, 'put-cors-exc-empty'),
      ],
    },
    {
      test: 'TestS3Cors::test_put_cors_empty_origin',
      steps: [createBucket(), putCors({ CORSRules: [{ AllowedOrigins: [''], AllowedMethods: ['GET', 'PUT', 'HEAD'] }] }), getCors('get-cors-empty')],
    },
    {
      test: 'TestS3Cors::test_delete_cors',
      steps: [
        createBucket(),
        onBucket('DeleteBucketCors', 'delete-cors-before-set'),
        putCors(ANY_GET, 'put-cors'),
        getCors('get-cors'),
        onBucket('DeleteBucketCors', 'delete-cors'),
        getCors('get-cors-deleted'),
      ],
    },
  ],
  notPorted: () =>
    'preflight (OPTIONS) and Origin requests are raw HTTP requests the test sends itself, outside botocore; the porter builds client calls only (the behaviour is tested in test/s3/configurations.test.ts)',
};

export default source;
