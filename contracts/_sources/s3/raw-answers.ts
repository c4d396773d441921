// LocalStack's AWS-validated S3 tests that read S3's answers themselves or sign with credentials of their own
// (tests/aws/services/s3/test_s3.py, github.com/localstack/localstack, Apache-2.0): raw signed GETs and a POST form
// whose bodies the tests parsed with xmltodict (judged as HTTP, InteractionMeta.rawAnswer), and a POST form signed with
// an assumed role's credentials. Expected responses come only from the recorded snapshots.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { callerAccount } from './notification-queues.ts';
import { BUCKET, createBucket, onBucket, put } from './common.ts';

/** The answer of a call the test read itself: the status it asserted, the body as its xmltodict parse. */
const xmlAnswer = (status: number) => (xml: unknown) => ({ status, xml });

/** The test's signed GET of `?attributes` with its own `x-amz-object-attributes` header. */
const rawAttributes = (header: string, snapshot: string): SourceStep => ({
  ...onBucket('GetObjectAttributes', snapshot, { Key: 'test-attrs', ObjectAttributes: header.split(/, */) }),
  plainHttp: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'x-amz-object-attributes': header },
  answer: xmlAnswer(200),
});

const UNICODE_KEY = 'test_unicode—_file.pdf';
const UNICODE_FIELDS: Record<string, string> = {
  'Content-Disposition': 'filename="test_—_file%E2%80%94_é_2-.pdf"',
  'Cache-Control': 'non-ascii-%E2%80%94_—_é_',
  'x-amz-meta-nonascii': 'ÄMÄZÕÑ S3',
  'x-amz-meta-nonascii-2': 'test_—_file%E2%80%94_é_2👑.pdf',
  'x-amz-meta-safe-chars': "! \"#$%&'()*+,-./0123456789:;<>'?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\t",
  'x-amz-meta-utf-8': '\x00\x01\x02\x03\x04',
  'x-amz-meta-q-encoded': '=?UTF-8?Q?actually-ascii?=',
  'x-amz-meta-b-encoded': '=?UTF-8?B?YWJj?=',
  success_action_status: '201',
};

/** The `create_role_with_policy` fixture's role (assumable by the caller's account) and `wait_and_assume_role`. */
const ROLE = 'role-{{suffix}}';
const iam = (op: string, params: Record<string, unknown>, capture?: SourceStep['capture']): SourceStep => ({ service: 'iam', protocol: 'query', op, params, ...(capture ? { capture } : {}) });
const assumedRole: SourceStep[] = [
  callerAccount,
  iam(
    'CreateRole',
    { RoleName: ROLE, AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Action: 'sts:AssumeRole', Principal: { AWS: '{{accountId}}' }, Effect: 'Allow' }] }) },
    { roleArn: '$.Role.Arn' },
  ),
  iam(
    'CreatePolicy',
    {
      PolicyName: 'p-{{suffix}}',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 's{{suffix}}', Effect: 'Allow', Action: ['s3:CreateBucket', 's3:PutObject', 's3:GetObject', 's3:DeleteBucket', 's3:DeleteObject'], Resource: '*' }],
      }),
    },
    { policyArn: '$.Policy.Arn' },
  ),
  iam('AttachRolePolicy', { RoleName: ROLE, PolicyArn: '{{policyArn}}' }),
  {
    service: 'sts',
    protocol: 'query',
    op: 'AssumeRole',
    params: { RoleArn: '{{roleArn}}', RoleSessionName: 'session-{{suffix}}' },
    capture: { roleKeyId: '$.Credentials.AccessKeyId', roleSecret: '$.Credentials.SecretAccessKey', roleToken: '$.Credentials.SessionToken' },
    // A new role can be assumed only after some seconds on AWS (the fixture retries every 5 s).
    delaySeconds: 10,
  },
];
const ROLE_CREDENTIALS = { accessKeyId: '{{roleKeyId}}', secretAccessKey: '{{roleSecret}}', sessionToken: '{{roleToken}}' };

export const rawAnswerScenarios: SourceScenario[] = [
  {
    test: 'TestS3::test_get_object_attributes_with_space',
    steps: [
      createBucket(),
      put('test-attrs', 'test-body', undefined, { ChecksumAlgorithm: 'SHA256' }),
      rawAttributes('ETag, Checksum, ObjectParts, StorageClass, ObjectSize', 'get-attrs-with-whitespace'),
      rawAttributes('ETag,Checksum,ObjectParts,StorageClass,ObjectSize', 'get-attrs-without-whitespace'),
    ],
    note: 'the test’s signed HTTP client sent the header as written (with and without spaces after the commas); the test asserted a 2xx and parsed the body',
  },
  {
    test: 'TestS3PresignedPost::test_post_object_with_unicode_metadata',
    steps: [
      createBucket(),
      {
        op: 'PutObject',
        params: {},
        postForm: {
          bucket: BUCKET,
          key: UNICODE_KEY,
          expiresIn: 60,
          signature: 'v2',
          fields: UNICODE_FIELDS,
          conditions: [{ bucket: BUCKET }, ...Object.entries(UNICODE_FIELDS).map(([name, value]) => ['eq', `$${name}`, value])],
          file: { content: 'test-body-tagging' },
        },
        snapshot: 'post-object',
        answer: (recorded: { LocationHeader: string; PostResponse: unknown }) => ({ status: 201, headers: { Location: recorded.LocationHeader }, xml: { PostResponse: recorded.PostResponse } }),
        // The test dropped the root element's namespace before snapshotting.
        ignore: ["$.body.PostResponse['@xmlns']"],
      },
      onBucket('HeadObject', 'head-object', { Key: UNICODE_KEY }),
    ],
    note: 'the us-east-1 client signs presigned POSTs with botocore’s default `s3` (SigV2) version; the test asserted the 201 and parsed its PostResponse',
  },
  {
    test: 'TestS3PresignedPost::test_presigned_post_with_different_user_credentials',
    steps: [
      ...assumedRole,
      { ...createBucket(), credentials: ROLE_CREDENTIALS, delaySeconds: 3 },
      {
        op: 'PutObject',
        params: {},
        postForm: { bucket: BUCKET, key: 'validate-policy-full-credentials', expiresIn: 60, conditions: [{ bucket: BUCKET }], file: { content: 'abcdef' } },
        credentials: ROLE_CREDENTIALS,
        status: 204,
      },
      onBucket('GetObject', 'get-obj', { Key: 'validate-policy-full-credentials' }),
    ],
    note: 'the role’s client is SigV4 (its POST form carries x-amz-security-token in its fields and policy); the bucket and the form are made with the assumed role’s credentials, the object read with the test’s own',
  },
];
