// Stores each order from the queue in the table (the AWS SDK v3 comes with the Node.js runtime).
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';

const dynamodb = new DynamoDBClient({});

export async function handler(event) {
  for (const record of event.Records) {
    const order = JSON.parse(record.body);
    await dynamodb.send(new PutItemCommand({
      TableName: process.env.TABLE_NAME,
      Item: { id: { S: order.id }, item: { S: order.item }, status: { S: 'RECEIVED' } },
    }));
  }
  return { processed: event.Records.length };
}
