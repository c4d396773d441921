import assert from 'node:assert/strict';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/** Names that are properties of every JavaScript object must be plain unknown names, never a 500 or a half-applied request. */
const BUILT_IN_NAMES = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf'];

describe('SQS: hostile names and malformed query input get AWS errors and change nothing', function () {
  this.timeout(20_000);
  let aws: Twinstack;
  let sqs: SQSClient;
  let url: string;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs'] });
    sqs = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    url = (await sqs.send(new CreateQueueCommand({ QueueName: 'hostile' }))).QueueUrl!;
  });
  after(async () => {
    sqs.destroy();
    await aws.stop();
  });

  const query = async (params: Record<string, string>) => {
    const response = await fetch(aws.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: 'AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: new URLSearchParams({ Version: '2012-11-05', ...params }).toString(),
    });
    return { status: response.status, body: await response.text() };
  };

  for (const name of BUILT_IN_NAMES) {
    it(`attribute name ${name} is an unknown attribute (GetQueueAttributes, SetQueueAttributes, CreateQueue)`, async () => {
      await assert.rejects(sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: [name as 'All'] })), {
        name: 'InvalidAttributeName',
        message: `Unknown Attribute ${name}.`,
      });
      await assert.rejects(sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { [name]: '1' } })), { name: 'InvalidAttributeName' });
      const created = await query({ Action: 'CreateQueue', QueueName: `q-${name.replace(/_/g, '')}`, 'Attribute.1.Name': name, 'Attribute.1.Value': '1' });
      assert.equal(created.status, 400);
      assert.match(created.body, /<Code>InvalidAttributeName<\/Code>/);
    });
  }

  it('ReceiveMessage asking for system attributes named like built-ins gets no such attributes', async () => {
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'm' }));
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['constructor' as 'All'], VisibilityTimeout: 0 }));
    assert.equal(got.Messages![0].Attributes, undefined);
  });

  it('a query-protocol tag key without a value is refused and tags nothing', async () => {
    const tagged = await query({ Action: 'TagQueue', QueueUrl: url, 'Tag.1.Key': 'team' });
    assert.equal(tagged.status, 400);
    assert.match(tagged.body, /<Code>InvalidParameterValue<\/Code>/);
    const tags = await query({ Action: 'ListQueueTags', QueueUrl: url });
    assert.doesNotMatch(tags.body, /team/);
  });
});
