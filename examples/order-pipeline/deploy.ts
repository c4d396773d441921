/**
 * Creates the order pipeline with the plain AWS SDK v3, as an application's setup script would against AWS:
 * S3 upload -> Lambda `ingest` -> DynamoDB table -> its stream -> Lambda `publish` -> SNS topic -> SQS queues.
 */
import { readFileSync } from 'node:fs';
import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateEventSourceMappingCommand, CreateFunctionCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutBucketNotificationConfigurationCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { strToU8, zipSync } from 'fflate';

export interface Pipeline {
  bucket: string;
  queues: { billing: string; largeOrders: string };
}

export interface ClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

function functionZip(file: string): Uint8Array {
  return zipSync({ 'index.mjs': strToU8(readFileSync(new URL(`./functions/${file}`, import.meta.url), 'utf8')) });
}

export async function deployPipeline(config: ClientConfig): Promise<Pipeline> {
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  const dynamodb = new DynamoDBClient(config);
  const lambda = new LambdaClient(config);
  const sns = new SNSClient(config);
  const sqs = new SQSClient(config);
  const iam = new IAMClient(config);

  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: 'order-pipeline',
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    }),
  );

  // The fan-out: every order to billing, orders of 100 or more to a second queue (an SNS filter policy).
  const topic = await sns.send(new CreateTopicCommand({ Name: 'orders' }));
  const queues = { billing: '', largeOrders: '' };
  for (const [name, filter] of [['billing', undefined], ['largeOrders', { total: [{ numeric: ['>=', 100] }] }]] as const) {
    const queue = await sqs.send(new CreateQueueCommand({ QueueName: `orders-${name}` }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.QueueUrl, AttributeNames: ['QueueArn'] }));
    // A queue accepts SNS's deliveries only when its policy says so, as on AWS.
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: Attributes!.QueueArn, Condition: { ArnEquals: { 'aws:SourceArn': topic.TopicArn } } }] };
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queue.QueueUrl, Attributes: { Policy: JSON.stringify(policy) } }));
    await sns.send(
      new SubscribeCommand({
        TopicArn: topic.TopicArn,
        Protocol: 'sqs',
        Endpoint: Attributes!.QueueArn,
        Attributes: { RawMessageDelivery: 'true', ...(filter ? { FilterPolicy: JSON.stringify(filter) } : {}) },
      }),
    );
    queues[name] = queue.QueueUrl!;
  }

  const table = await dynamodb.send(
    new CreateTableCommand({
      TableName: 'orders',
      AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    }),
  );
  await waitUntilTableExists({ client: dynamodb, maxWaitTime: 30 }, { TableName: 'orders' });

  const functions: Record<string, string> = {};
  for (const [name, environment] of [
    ['ingest', { TABLE: 'orders' }],
    ['publish', { TOPIC_ARN: topic.TopicArn! }],
  ] as const) {
    const fn = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: `orders-${name}`,
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Role: role.Role!.Arn,
        Code: { ZipFile: functionZip(`${name}.mjs`) },
        Environment: { Variables: environment },
        Timeout: 10,
      }),
    );
    await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: fn.FunctionName });
    functions[name] = fn.FunctionArn!;
  }

  await lambda.send(
    new CreateEventSourceMappingCommand({ FunctionName: functions.publish, EventSourceArn: table.TableDescription!.LatestStreamArn, StartingPosition: 'LATEST', BatchSize: 10 }),
  );

  const bucket = 'orders-inbox';
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  // S3 may invoke the function only with the function's permission (its resource policy), as on AWS.
  await lambda.send(
    new AddPermissionCommand({ FunctionName: functions.ingest, StatementId: 's3-invoke', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceArn: `arn:aws:s3:::${bucket}` }),
  );
  await s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [{ LambdaFunctionArn: functions.ingest, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'suffix', Value: '.json' }] } } }],
      },
    }),
  );
  for (const client of [s3, dynamodb, lambda, sns, sqs, iam]) client.destroy();
  return { bucket, queues };
}
