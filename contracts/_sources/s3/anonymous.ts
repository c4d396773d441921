// LocalStack's AWS-validated S3 tests with anonymous clients and the test's own unsigned HTTP requests
// (tests/aws/services/s3/test_s3.py, github.com/localstack/localstack, Apache-2.0). Expected responses come only from
// the recorded snapshots.
import { createHash } from 'node:crypto';
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET, createBucket, onBucket } from './common.ts';

/** The `allow_bucket_acl` fixture. */
const allowBucketAcl: SourceStep[] = [onBucket('DeleteBucketOwnershipControls'), onBucket('DeletePublicAccessBlock')];
const anonymous = (step: SourceStep): SourceStep => ({ ...step, unsigned: true });

/** test_s3_batch_delete_public_objects_using_requests's body, as the test wrote it (indentation included). */
const DELETE_BODY = `
            <Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Object>
                <Key>key-created-by-anonymous-1</Key>
              </Object>
              <Object>
                <Key>key-created-by-anonymous-2</Key>
              </Object>
            </Delete>
            `;

export const anonymousScenarios: SourceScenario[] = [
  {
    test: 'TestS3::test_get_object_with_anon_credentials',
    steps: [
      createBucket(),
      ...allowBucketAcl,
      onBucket('PutBucketAcl', undefined, { ACL: 'public-read' }),
      onBucket('PutObject', undefined, { Key: 'key-{{suffix}}', Body: 'body data' }),
      onBucket('PutObjectAcl', undefined, { Key: 'key-{{suffix}}', ACL: 'public-read' }),
      anonymous(onBucket('GetObject', 'get_object', { Key: 'key-{{suffix}}' })),
    ],
  },
  {
    test: 'TestS3::test_s3_batch_delete_public_objects_using_requests',
    steps: [
      createBucket(),
      ...allowBucketAcl,
      onBucket('PutBucketAcl', undefined, { ACL: 'public-read-write' }),
      anonymous(onBucket('PutObject', undefined, { Key: 'key-created-by-anonymous-1', Body: 'This body document', ACL: 'public-read-write' })),
      anonymous(onBucket('PutObject', undefined, { Key: 'key-created-by-anonymous-2', Body: 'This body document #2', ACL: 'public-read-write' })),
      {
        op: 'DeleteObjects',
        params: {},
        http: {
          url: 'http://s3.localhost.localstack.cloud',
          method: 'POST',
          path: `/${BUCKET}`,
          query: { delete: '' },
          headers: { 'content-md5': createHash('md5').update(DELETE_BODY).digest('base64'), 'x-amz-request-payer': 'requester' },
          body: DELETE_BODY,
        },
        snapshot: 'multi-delete-with-requests',
        answer: (xml: unknown) => ({ status: 200, xml }),
        unordered: ['$.body.DeleteResult.Deleted'],
      },
      onBucket('ListObjects', 'list-remaining-objects', { EncodingType: 'url' }),
    ],
    note: 'the unsigned DeleteObjects is a plain HTTP POST to the path-style bucket URL, as the test sent it (its status asserted 200)',
  },
];
