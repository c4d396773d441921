// DynamoDB stream -> announce each new order on the SNS topic; subscribers filter on the message attributes.
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';

const sns = new SNSClient({});

export async function handler(event) {
  for (const record of event.Records) {
    if (record.eventName !== 'INSERT') continue;
    const image = record.dynamodb.NewImage;
    const order = { orderId: image.orderId.S, customer: image.customer.S, total: Number(image.total.N) };
    await sns.send(
      new PublishCommand({
        TopicArn: process.env.TOPIC_ARN,
        Message: JSON.stringify(order),
        MessageAttributes: { total: { DataType: 'Number', StringValue: String(order.total) } },
      }),
    );
  }
}
