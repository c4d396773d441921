// A small order service deployed with `cdk deploy` against twinstack: a table, a queue with a dead-letter queue fed
// by a topic, a function from a local directory that handles orders, a bucket and a parameter.
import { App, CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { fileURLToPath } from 'node:url';

const app = new App();
const stack = new Stack(app, 'OrderService', { env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION } });

const orders = new dynamodb.Table(stack, 'Orders', {
  partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
  billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  removalPolicy: RemovalPolicy.DESTROY,
});
const deadLetters = new sqs.Queue(stack, 'OrdersDlq');
const queue = new sqs.Queue(stack, 'OrdersQueue', { visibilityTimeout: Duration.seconds(30), deadLetterQueue: { queue: deadLetters, maxReceiveCount: 3 } });
const topic = new sns.Topic(stack, 'OrderEvents');
topic.addSubscription(new subscriptions.SqsSubscription(queue, { rawMessageDelivery: true }));

const handler = new lambda.Function(stack, 'OrderHandler', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  // ORDER_HANDLER_DIR deploys the handler from elsewhere (the CDK test hot-swaps a changed copy of it).
  code: lambda.Code.fromAsset(process.env.ORDER_HANDLER_DIR ?? fileURLToPath(new URL('./lambda', import.meta.url))),
  environment: { TABLE_NAME: orders.tableName },
  timeout: Duration.seconds(10),
});
orders.grantWriteData(handler);
handler.addEventSource(new SqsEventSource(queue, { batchSize: 5 }));

const receipts = new s3.Bucket(stack, 'Receipts', { removalPolicy: RemovalPolicy.DESTROY });
new ssm.StringParameter(stack, 'TableNameParameter', { parameterName: '/orders/table-name', stringValue: orders.tableName });

new CfnOutput(stack, 'TopicArn', { value: topic.topicArn });
new CfnOutput(stack, 'TableName', { value: orders.tableName });
new CfnOutput(stack, 'BucketName', { value: receipts.bucketName });
new CfnOutput(stack, 'FunctionName', { value: handler.functionName });
