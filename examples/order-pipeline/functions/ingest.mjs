// S3 notification -> read the uploaded order -> store it in DynamoDB. The SDK and the endpoint come from the runtime,
// as on AWS (twinstack sets AWS_ENDPOINT_URL for its functions).
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({ forcePathStyle: true });
const dynamodb = new DynamoDBClient({});

export async function handler(event) {
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const order = JSON.parse(await object.Body.transformToString());
    await dynamodb.send(
      new PutItemCommand({
        TableName: process.env.TABLE,
        Item: {
          orderId: { S: order.orderId },
          customer: { S: order.customer },
          total: { N: String(order.items.reduce((sum, item) => sum + item.price * item.quantity, 0)) },
          items: { N: String(order.items.length) },
        },
        ConditionExpression: 'attribute_not_exists(orderId)',
      }),
    );
  }
}
