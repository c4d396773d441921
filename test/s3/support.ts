import { S3Client } from '@aws-sdk/client-s3';
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
