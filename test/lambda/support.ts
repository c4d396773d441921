import { CreateFunctionCommand, LambdaClient, type CreateFunctionRequest } from '@aws-sdk/client-lambda';
import { zipSync, strToU8 } from 'fflate';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
export const ROLE = 'arn:aws:iam::000000000000:role/lambda-role';

/** Starts twinstack with `services` around a mocha suite, with a Lambda client. */
export function useLambda(services: string[] = ['lambda', 'sts', 'sqs']): { aws: Twinstack; lambda: LambdaClient } {
  const context = {} as { aws: Twinstack; lambda: LambdaClient };
  before(async () => {
    context.aws = await startTwinstack({ port: 0, services });
    context.lambda = new LambdaClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  });
  after(async () => {
    context.lambda.destroy();
    await context.aws.stop();
  });
  return context;
}

/** A zip archive of the given files (name -> text). */
export function zip(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

let counter = 0;
export const uniqueName = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

/** Creates a function from handler sources and returns its name. */
export async function createFunction(lambda: LambdaClient, files: Record<string, string>, options: Partial<CreateFunctionRequest> = {}): Promise<string> {
  const name = options.FunctionName ?? uniqueName('fn');
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'python3.12',
      Handler: 'handler.handler',
      Role: ROLE,
      Code: { ZipFile: zip(files) },
      ...options,
    }),
  );
  return name;
}

export const decode = (payload: Uint8Array | undefined) => JSON.parse(Buffer.from(payload ?? []).toString('utf8'));
