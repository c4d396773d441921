// LocalStack's AWS-validated test_list_objects_v2_continuation_token_safe_chars (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3_list_operations.py, Apache-2.0) reproduced as a request sequence.
import type { SourceScenario } from '../../../verifier/port/source-types.ts';
import { createBucket, onBucket } from './common.ts';

const KEYS = [
  'file%2Fname',
  'test@key/',
  'test%123',
  'test%percent',
  'test key/',
  'test key//',
  'test%123/',
  'a/%F0%9F%98%80/',
  'date=2026-01-01/',
  'date=2026-02-01/',
  'date=2026-03-01/',
  'date=2026-05-01/',
];
const START_AFTER = KEYS[KEYS.length - 3];

export const listSafeCharScenarios: SourceScenario[] = [
  {
    test: 'TestS3ListObjectsV2::test_list_objects_v2_continuation_token_safe_chars',
    unreproduced: {
      'list-objects-start-after-url-type': 'boto3 adds EncodingType=url to every listing it is not told otherwise, so the explicitly url-encoded listing is the same request as the others',
    },
    steps: [
      createBucket(),
      ...KEYS.map((Key) => onBucket('PutObject', undefined, { Key })),
      { ...onBucket('ListObjectsV2', 'list-objects-v2-max-5', { MaxKeys: 5, EncodingType: 'url' }), capture: { token: '$.NextContinuationToken' } },
      onBucket('ListObjectsV2', 'list-objects-v2-rest', { ContinuationToken: '{{token}}', EncodingType: 'url' }),
      // EncodingType=None through a client without parameter validation: boto3 then asks for no encoding at all.
      onBucket('ListObjectsV2', 'list-objects-start-after', { StartAfter: START_AFTER, MaxKeys: 2 }),
      // The test passed EncodingType=url itself, so botocore left the values url-encoded; the verifier reads listings as
      // boto3 does by default (decoded): not scored.
      onBucket('ListObjectsV2', undefined, { StartAfter: START_AFTER, MaxKeys: 2, EncodingType: 'url' }),
      {
        ...onBucket('ListObjectsV2', 'list-objects-start-after-encoded', { StartAfter: encodeURIComponent(START_AFTER).replace(/%2F/g, '/'), MaxKeys: 2, EncodingType: 'url' }),
        capture: { token2: '$.NextContinuationToken' },
      },
      // A continuation token wins over StartAfter, with or without it.
      onBucket('ListObjectsV2', 'list-objects-start-after-token', { StartAfter: START_AFTER, ContinuationToken: '{{token2}}', MaxKeys: 2, EncodingType: 'url' }),
      onBucket('ListObjectsV2', 'list-objects-continuation-token-2', { ContinuationToken: '{{token2}}', MaxKeys: 2, EncodingType: 'url' }),
    ],
    note: 'boto3 adds EncodingType=url to every listing it is not told otherwise, so those steps carry it; the explicitly url-encoded listing (list-objects-start-after-url-type) is left out',
  },
];
