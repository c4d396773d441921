import assert from 'node:assert/strict';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

export const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Starts twinstack with DynamoDB and Streams for one test file and gives real SDK clients for it. */
export function useDynamo() {
  const ctx = {} as { aws: Twinstack; ddb: DynamoDBClient; streams: DynamoDBStreamsClient };
  before(async () => {
    ctx.aws = await startTwinstack({ port: 0, services: ['dynamodb', 'dynamodbstreams'] });
    ctx.ddb = new DynamoDBClient({ endpoint: ctx.aws.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    ctx.streams = new DynamoDBStreamsClient({ endpoint: ctx.aws.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
  });
  after(async () => {
    ctx.ddb.destroy();
    ctx.streams.destroy();
    await ctx.aws.stop();
  });
  return ctx;
}

/** Asserts that a call fails with the given AWS error name and exact message. */
export async function rejectsWith(call: Promise<unknown>, name: string, message: string | RegExp) {
  await assert.rejects(call, (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
    assert.equal(error.name, name);
    if (typeof message === 'string') assert.equal(error.message, message);
    else assert.match(error.message, message);
    assert.equal(error.$metadata?.httpStatusCode, 400);
    return true;
  });
}

let counter = 0;
export const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
