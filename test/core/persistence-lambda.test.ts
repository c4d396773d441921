import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AddPermissionCommand,
  CreateAliasCommand,
  CreateEventSourceMappingCommand,
  CreateFunctionUrlConfigCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  GetFunctionUrlConfigCommand,
  GetPolicyCommand,
  InvokeCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  ListLayerVersionsCommand,
  ListVersionsByFunctionCommand,
  PublishLayerVersionCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
} from '@aws-sdk/client-lambda';
import { CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { CREDENTIALS, createFunction, decode, zip } from '../lambda/support.ts';

// Answers with its version and what the layer's module says; forwards SQS batches to the results queue.
const HANDLER = `
import boto3, json, os
from greeting import hello
def handler(event, context):
    if "Records" in event:
        boto3.client("sqs").send_message(QueueUrl=os.environ["RESULTS"], MessageBody=event["Records"][0]["body"])
        return {}
    return {"version": context.function_version, "layer": hello()}
`;

const SERVICES = ['lambda', 'sts', 'sqs'];

/** Clients of one twinstack. */
function clientsOf(aws: Twinstack) {
  const config = { endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS };
  return { lambda: new LambdaClient(config), sqs: new SQSClient(config) };
}

/** Creates a function with a layer, a version, an alias, a permission, a URL, reserved concurrency and an SQS mapping. */
async function seed(aws: Twinstack) {
  const { lambda, sqs } = clientsOf(aws);
  const queue = async (name: string) => {
    const url = (await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl!;
    return { url, arn: (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn! };
  };
  const source = await queue('persisted-source');
  const results = await queue('persisted-results');
  const layer = await lambda.send(new PublishLayerVersionCommand({ LayerName: 'persisted-layer', Content: { ZipFile: zip({ 'python/greeting.py': 'def hello():\n    return "from the layer"\n' }) } }));
  await createFunction(lambda, { 'handler.py': HANDLER }, {
    FunctionName: 'persisted', Layers: [layer.LayerVersionArn!], Environment: { Variables: { RESULTS: results.url } }, Timeout: 10,
  });
  const { Version } = await lambda.send(new PublishVersionCommand({ FunctionName: 'persisted' }));
  await lambda.send(new CreateAliasCommand({ FunctionName: 'persisted', Name: 'live', FunctionVersion: Version }));
  await lambda.send(new AddPermissionCommand({ FunctionName: 'persisted', StatementId: 'sns', Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com' }));
  const url = await lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'persisted', AuthType: 'NONE' }));
  await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'persisted', ReservedConcurrentExecutions: 3 }));
  await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'persisted', EventSourceArn: source.arn, BatchSize: 1 }));
  const sha = (await lambda.send(new GetFunctionCommand({ FunctionName: 'persisted' }))).Configuration!.CodeSha256;
  lambda.destroy();
  sqs.destroy();
  return { source, results, functionUrl: url.FunctionUrl!, sha };
}
type Seeded = Awaited<ReturnType<typeof seed>>;

/** Checks through the SDK that everything `seed` made is back, runs, and that the mapping polls again. */
async function verify(aws: Twinstack, seeded: Seeded) {
  const { lambda, sqs } = clientsOf(aws);
  try {
    const fn = await lambda.send(new GetFunctionCommand({ FunctionName: 'persisted' }));
    assert.equal(fn.Configuration?.CodeSha256, seeded.sha);
    assert.equal(fn.Concurrency?.ReservedConcurrentExecutions, 3);
    const versions = await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'persisted' }));
    assert.deepEqual(versions.Versions?.map((v) => v.Version), ['$LATEST', '1']);
    assert.equal((await lambda.send(new GetAliasCommand({ FunctionName: 'persisted', Name: 'live' }))).FunctionVersion, '1');
    const policy = JSON.parse((await lambda.send(new GetPolicyCommand({ FunctionName: 'persisted' }))).Policy!);
    assert.equal(policy.Statement[0].Sid, 'sns');
    assert.equal((await lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'persisted' }))).FunctionUrl, seeded.functionUrl);
    assert.equal((await lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: 'persisted' }))).ReservedConcurrentExecutions, 3);
    assert.equal((await lambda.send(new ListLayerVersionsCommand({ LayerName: 'persisted-layer' }))).LayerVersions?.length, 1);
    // The restored code and layer are unpacked again and run, through the alias too.
    const invoked = await lambda.send(new InvokeCommand({ FunctionName: 'persisted', Qualifier: 'live', Payload: Buffer.from('{}') }));
    assert.deepEqual(decode(invoked.Payload), { version: '1', layer: 'from the layer' });
    // The mapping's poller runs again.
    const mappings = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'persisted' }));
    assert.equal(mappings.EventSourceMappings?.[0].EventSourceArn, seeded.source.arn);
    await sqs.send(new SendMessageCommand({ QueueUrl: seeded.source.url, MessageBody: 'after the restore' }));
    let body: string | undefined;
    for (let i = 0; i < 30 && !body; i++) {
      const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: seeded.results.url, WaitTimeSeconds: 1 }));
      const message = got.Messages?.[0];
      if (message) await sqs.send(new DeleteMessageCommand({ QueueUrl: seeded.results.url, ReceiptHandle: message.ReceiptHandle }));
      body = message?.Body;
    }
    assert.equal(body, 'after the restore');
  } finally {
    lambda.destroy();
    sqs.destroy();
  }
}

describe('persistence of Lambda: functions, versions, aliases, code, layers, mappings, permissions, URLs, concurrency', function () {
  this.timeout(90_000);

  it('export, reset, import', async () => {
    const aws = await startTwinstack({ port: 0, services: SERVICES });
    try {
      const seeded = await seed(aws);
      const exported = aws.exportState() as { services: Record<string, unknown> };
      assert.ok(exported.services.lambda, 'lambda was exported');
      await aws.reset();
      assert.equal((await clientsOf(aws).lambda.send(new ListLayerVersionsCommand({ LayerName: 'persisted-layer' }))).LayerVersions?.length, 0);
      await aws.importState(JSON.parse(JSON.stringify(exported)));
      await verify(aws, seeded);
    } finally {
      await aws.stop();
    }
  });

  for (const mode of ['wal', 'snapshot'] as const) {
    it(`a restart with --persist (${mode})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'twinstack-lambda-persist-'));
      try {
        let aws = await startTwinstack({ port: 0, services: SERVICES, persist: { dir, mode } });
        const seeded = await seed(aws);
        await aws.stop();
        aws = await startTwinstack({ port: 0, services: SERVICES, persist: { dir, mode } });
        try {
          await verify(aws, seeded);
        } finally {
          await aws.stop();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
