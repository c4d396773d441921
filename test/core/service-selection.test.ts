import assert from 'node:assert/strict';
import { startTwinstack } from '../../emulator/index.ts';

describe('choosing services', () => {
  it('enables what a chosen service needs: DynamoDB Streams alone brings DynamoDB', async () => {
    const twinstack = await startTwinstack({ port: 0, services: ['dynamodbstreams'] });
    try {
      const health = async () => ((await (await fetch(`${twinstack.endpoint}/_localstack/health`)).json()) as { services: Record<string, string> }).services;
      assert.deepEqual(await health(), { dynamodb: 'available', dynamodbstreams: 'available' });
      const res = await fetch(twinstack.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDBStreams_20120810.ListStreams' },
        body: '{}',
      });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { Streams: [] });
      assert.deepEqual(await health(), { dynamodb: 'running', dynamodbstreams: 'running' });
    } finally {
      await twinstack.stop();
    }
  });

  it('refuses an unknown service name, listing the available ones', async () => {
    await assert.rejects(startTwinstack({ port: 0, services: ['sqs', 'nosuch'] }), /unknown service\(s\): nosuch \(available: .*sqs/);
  });
});
