// The test body the three runners share: an application's queue round trip against the twinstack their global
// setup started. The AWS SDK reads AWS_ENDPOINT_URL, credentials and region from the environment the setup filled.
const { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } = require('@aws-sdk/client-sqs');

exports.roundTrip = async function roundTrip(queueName) {
  const sqs = new SQSClient({});
  try {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: queueName }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `hello from ${queueName}` }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    return { endpoint: process.env.AWS_ENDPOINT_URL, bodies: (Messages ?? []).map((m) => m.Body) };
  } finally {
    sqs.destroy();
  }
};
