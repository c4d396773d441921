// LocalStack's AWS-validated test of a SigV4 URL presigned by the AWS SDK for JavaScript (TestS3PresignedUrl in
// tests/aws/services/s3/test_s3.py, github.com/localstack/localstack, Apache-2.0), reproduced as presigned steps that
// the verifier signs at replay time. Expected responses come only from the recorded snapshots.
import type { SourcePresign, SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { createBucket, onBucket } from './common.ts';

const KEY = 'temp.txt';
/** MD5 of the body the test uploads (`123456`), which the URL signs as Content-MD5. */
const MD5 = '4QrcOUm6Wau+VuBX8g+IPg==';

/**
 * The URL the test's Lambda function (lambda_s3_integration_presign.mjs) made with `getSignedUrl` for a PutObject with
 * a storage class, metadata and Content-MD5: the SDK signs Content-MD5 as a header and moves the rest into the query,
 * with its CRC32 of the (still empty) body, its checksum algorithm and `x-id`.
 */
const jsPut = (presign: Partial<SourcePresign>, status: number): SourceStep => ({
  ...onBucket('PutObject', undefined, { Key: KEY, ContentMD5: MD5 }),
  presign: {
    version: 'v4',
    expiresIn: 86400,
    signedQuery: {
      'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD',
      'x-amz-checksum-crc32': 'AAAAAA==',
      'x-amz-meta-foo': 'bar-complicated-no-random',
      'x-amz-sdk-checksum-algorithm': 'CRC32',
      'x-amz-storage-class': 'STANDARD',
      'x-id': 'PutObject',
    },
    body: '123456',
    ...presign,
  },
  status,
});

export const jsPresignedUrlScenarios: SourceScenario[] = [
  {
    test: 'TestS3PresignedUrl::test_presigned_url_v4_x_amz_in_qs',
    steps: [
      createBucket(),
      jsPut({}, 403),
      jsPut({ headers: { 'Content-MD5': MD5 } }, 200),
      jsPut({ headers: { 'Content-MD5': MD5 }, replace: [['crc32=AAAAAA%3D%3D', 'crc32=BBBBBB%3D%3D']] }, 403),
      onBucket('HeadObject', 'head-object', { Key: KEY, ChecksumMode: 'ENABLED' }),
    ],
    note: 'the test’s Lambda function presigned the URL with the AWS SDK for JavaScript; the verifier signs the same URL (its query parameters as the SDK wrote them) at replay time. The PUTs without Content-MD5 and with an altered CRC32 parameter are the test’s asserted 403s; the second one’s 200 stored the object',
  },
];
