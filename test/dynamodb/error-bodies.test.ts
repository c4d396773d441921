import assert from 'node:assert/strict';
import { CreateTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { uniqueName, useDynamo } from './support.ts';

// Error bodies carry the member casing of the model (ConditionalCheckFailedException has a lower-case `message`),
// except where AWS's recorded answer shows otherwise (with the old item returned, `Message`).
describe('DynamoDB error bodies', function () {
  this.timeout(20_000);
  const ctx = useDynamo();

  it('ConditionalCheckFailedException says `message`, or `Message` beside the returned Item', async () => {
    const TableName = uniqueName('ccf');
    await ctx.ddb.send(
      new CreateTableCommand({ TableName, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }),
    );
    await ctx.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: '1' } } }));
    const put = async (extra: object) => {
      const response = await fetch(ctx.aws.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.PutItem',
          authorization: 'AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        },
        body: JSON.stringify({ TableName, Item: { id: { S: '1' } }, ConditionExpression: 'attribute_not_exists(id)', ...extra }),
      });
      return response.json();
    };
    assert.deepEqual(await put({}), {
      __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
      message: 'The conditional request failed',
    });
    assert.deepEqual(await put({ ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }), {
      __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
      Message: 'The conditional request failed',
      Item: { id: { S: '1' } },
    });
    await assert.rejects(ctx.ddb.send(new PutItemCommand({ TableName, Item: { id: { S: '1' } }, ConditionExpression: 'attribute_not_exists(id)' })), {
      name: 'ConditionalCheckFailedException',
      message: 'The conditional request failed',
    });
  });
});
