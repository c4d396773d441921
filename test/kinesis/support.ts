import { KinesisClient } from '@aws-sdk/client-kinesis';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Starts twinstack with `services` around a mocha suite; the returned object holds the server and a Kinesis client. */
export function useKinesis(services: string[] = ['kinesis']): { aws: Twinstack; kinesis: KinesisClient } {
  const context = {} as { aws: Twinstack; kinesis: KinesisClient };
  before(async () => {
    context.aws = await startTwinstack({ port: 0, services });
    context.kinesis = new KinesisClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  });
  after(async () => {
    context.kinesis.destroy();
    await context.aws.stop();
  });
  return context;
}
