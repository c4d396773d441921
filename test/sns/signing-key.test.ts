import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/**
 * Making the SNS signing key (an RSA key and a self-signed certificate) once took ~0.8 s of key generation and ~0.2 s
 * of JavaScript RSA on the event loop at the first publish, stalling every other client. It is now made on the
 * thread pool from SNS's first use, and the certificate is signed by Node's crypto.
 */
describe('SNS signing key: made without blocking the event loop', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sns', 'sqs'] });
  });
  after(() => aws.stop());

  it('the first signed publish of a fresh emulator stalls the event loop for well under the key generation time', async () => {
    const config = { endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    const sns = new SNSClient(config);
    const sqs = new SQSClient(config);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    try {
      const policy = { Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: '*' }] };
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'signed', Attributes: { Policy: JSON.stringify(policy) } }));
      const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
      delay.enable();
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'signed' }));
      await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: Attributes!.QueueArn }));
      await sns.send(new PublishCommand({ TopicArn, Message: 'first' }));
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 5 }));
      delay.disable();
      const doc = JSON.parse(Messages![0].Body!);
      assert.ok(doc.Signature, 'the notification is signed');
      const stalledMs = delay.max / 1e6;
      assert.ok(stalledMs < 150, `the event loop stalled ${stalledMs.toFixed(0)} ms`);
      const certificate = new X509Certificate(await (await fetch(doc.SigningCertURL)).text());
      assert.ok(certificate.verify(certificate.publicKey), 'the certificate is validly self-signed');
      assert.equal(certificate.subject, 'CN=sns.amazonaws.com');
    } finally {
      sns.destroy();
      sqs.destroy();
    }
  });
});
