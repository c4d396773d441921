import { request } from 'node:http';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { DeletePublicAccessBlockCommand, PutBucketOwnershipControlsCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** An S3 client of the emulator, path-style (virtual hosts need DNS; see the addressing tests for those). */
export function s3Client(aws: Twinstack, options: { region?: string; accountKey?: string } = {}): S3Client {
  return new S3Client({
    endpoint: aws.endpoint,
    region: options.region ?? 'us-east-1',
    forcePathStyle: true,
    credentials: options.accountKey ? { accessKeyId: options.accountKey, secretAccessKey: 'test' } : CREDENTIALS,
  });
}

export async function startS3(services = ['s3']): Promise<Twinstack> {
  return startTwinstack({ port: 0, services });
}

/** One emulator for a `describe` block, started before its tests and stopped after them, with a client of it. */
export function s3Fixture(): { readonly aws: Twinstack; readonly s3: S3Client } {
  let aws: Twinstack | undefined;
  let s3: S3Client | undefined;
  before(async () => {
    aws = await startS3();
    s3 = s3Client(aws);
  });
  after(() => aws?.stop());
  return {
    get aws() {
      return aws!;
    },
    get s3() {
      return s3!;
    },
  };
}

let counter = 0;
export const bucketName = (prefix = 'b') => `${prefix}-${Date.now().toString(36)}-${counter++}`;

/** The error name, status and fields of a rejected SDK call. */
export async function failure(promise: Promise<unknown>): Promise<{ name: string; status?: number; message: string; raw: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message, raw: e as unknown as Record<string, unknown> };
  }
  throw new Error('expected the call to fail');
}

/** A plain HTTP request to the emulator with an explicit Host header (virtual-host and website names need no DNS). */
export function withHost(
  aws: Twinstack,
  host: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { port } = new URL(aws.endpoint);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { ...headers, host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** What AWS needs before a bucket takes ACLs and public policies (new buckets have both blocked), as LocalStack's `allow_bucket_acl`. */
export async function allowPublicAccess(s3: S3Client, bucket: string): Promise<void> {
  await s3.send(new DeletePublicAccessBlockCommand({ Bucket: bucket }));
  await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }));
}

/** Access keys of a new IAM user of the default account whose only policy holds `statements` (for --enforce-iam tests). */
export async function iamUserKeys(aws: Twinstack, name: string, statements: object[]): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const iam = new IAMClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  await iam.send(new CreateUserCommand({ UserName: name }));
  await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
  iam.destroy();
  return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
}

/** A new queue that an AWS service principal (`s3.amazonaws.com`, `events.amazonaws.com`...) may send to. */
export async function queueAllowing(sqs: SQSClient, service: string): Promise<{ url: string; arn: string }> {
  const url = (await sqs.send(new CreateQueueCommand({ QueueName: bucketName('q') }))).QueueUrl!;
  const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  const Policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sqs:SendMessage', Resource: arn }] });
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy } }));
  return { url, arn };
}
