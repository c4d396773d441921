import { SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/**
 * Serves SQS for the enclosing describe block: starts twinstack on a free port before its tests, hands it and an
 * AWS SDK v3 client to `ready`, and stops both after the tests.
 */
export function serveSqs(ready: (aws: Twinstack, sqs: SQSClient) => void): void {
  let aws: Twinstack | undefined;
  let sqs: SQSClient | undefined;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs'] });
    sqs = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    ready(aws, sqs);
  });
  after(async () => {
    sqs?.destroy();
    await aws?.stop();
  });
}
