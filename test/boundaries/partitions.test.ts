import assert from 'node:assert/strict';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { AddPermissionCommand, CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, GetFederationTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/** One region of each partition AWS's partition data knows, and the partition its ARNs must name. */
const PARTITIONS: [region: string, partition: string][] = [
  ['us-east-1', 'aws'],
  ['cn-north-1', 'aws-cn'],
  ['us-gov-west-1', 'aws-us-gov'],
  ['us-iso-east-1', 'aws-iso'],
  ['us-isob-east-1', 'aws-iso-b'],
  ['eu-isoe-west-1', 'aws-iso-e'],
  ['us-isof-south-1', 'aws-iso-f'],
];

const ACCOUNT = '123456789012';
const credentials = { accessKeyId: ACCOUNT, secretAccessKey: 'test' };

describe('ARNs in every partition (a resource of every served service per partition)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs', 'sts', 'dynamodb', 'dynamodbstreams', 'kinesis'] });
  });
  after(() => aws.stop());

  for (const [region, partition] of PARTITIONS) {
    it(`${region} -> arn:${partition}:`, async () => {
      const config = { endpoint: aws.endpoint, region, credentials, maxAttempts: 1 };
      const sqs = new SQSClient(config);
      const sts = new STSClient(config);
      const ddb = new DynamoDBClient(config);
      const streams = new DynamoDBStreamsClient(config);
      const kinesis = new KinesisClient(config);
      try {
        const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'orders' }));
        await sqs.send(new AddPermissionCommand({ QueueUrl, Label: 'share', AWSAccountIds: ['210987654321'], Actions: ['SendMessage'] }));
        const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn', 'Policy'] }));
        assert.equal(Attributes!.QueueArn, `arn:${partition}:sqs:${region}:${ACCOUNT}:orders`);
        const statement = JSON.parse(Attributes!.Policy!).Statement[0];
        assert.equal(statement.Principal.AWS, `arn:${partition}:iam::210987654321:root`);

        const identity = await sts.send(new GetCallerIdentityCommand({}));
        assert.equal(identity.Arn, `arn:${partition}:iam::${ACCOUNT}:root`);
        const federated = await sts.send(new GetFederationTokenCommand({ Name: 'bob' }));
        assert.equal(federated.FederatedUser!.Arn, `arn:${partition}:sts::${ACCOUNT}:federated-user/bob`);

        const { TableDescription } = await ddb.send(
          new CreateTableCommand({
            TableName: 'items',
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            BillingMode: 'PAY_PER_REQUEST',
            StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
            SSESpecification: { Enabled: true },
          }),
        );
        assert.equal(TableDescription!.TableArn, `arn:${partition}:dynamodb:${region}:${ACCOUNT}:table/items`);
        assert.match(TableDescription!.SSEDescription!.KMSMasterKeyArn!, new RegExp(`^arn:${partition}:kms:${region}:${ACCOUNT}:key/`));
        const { Streams } = await streams.send(new ListStreamsCommand({ TableName: 'items' }));
        assert.match(Streams![0].StreamArn!, new RegExp(`^arn:${partition}:dynamodb:${region}:${ACCOUNT}:table/items/stream/`));

        await kinesis.send(new CreateStreamCommand({ StreamName: 'events', ShardCount: 1 }));
        const summary = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'events' }));
        assert.equal(summary.StreamDescriptionSummary!.StreamARN, `arn:${partition}:kinesis:${region}:${ACCOUNT}:stream/events`);
      } finally {
        for (const client of [sqs, sts, ddb, streams, kinesis]) client.destroy();
      }
    });
  }

  it('queue URLs in the AWS form of another partition name their region', async () => {
    const sqs = new SQSClient({ endpoint: aws.endpoint, region: 'cn-north-1', credentials, maxAttempts: 1 });
    const elsewhere = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
    try {
      await sqs.send(new CreateQueueCommand({ QueueName: 'china' }));
      const { Attributes } = await elsewhere.send(
        new GetQueueAttributesCommand({ QueueUrl: `https://sqs.cn-north-1.amazonaws.com.cn/${ACCOUNT}/china`, AttributeNames: ['QueueArn'] }),
      );
      assert.equal(Attributes!.QueueArn, `arn:aws-cn:sqs:cn-north-1:${ACCOUNT}:china`);
    } finally {
      sqs.destroy();
      elsewhere.destroy();
    }
  });
});
