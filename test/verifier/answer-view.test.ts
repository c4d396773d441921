import assert from 'node:assert/strict';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import type { ContractFile, ContractInteraction, InteractionMeta, JsonValue } from '../../verifier/contract/types.ts';
import { validateContract } from '../../verifier/contract/validate.ts';
import { closeConnections, runScenario } from '../../verifier/replay/run.ts';

const TARGETS: Record<string, [string, string]> = { sqs: ['AmazonSQS', '1.0'], logs: ['Logs_20140328', '1.1'] };

/** An AWS JSON call with what the verifier is to make of its answer. */
function call(step: number, service: string, operation: string, body: JsonValue, meta: Partial<InteractionMeta> = {}): ContractInteraction {
  const [prefix, version] = TARGETS[service];
  return {
    type: 'Synchronous/HTTP',
    description: `${step} ${operation}`,
    request: { method: 'POST', path: '/', headers: { 'x-amz-target': [`${prefix}.${operation}`], 'content-type': ['application/json'] }, body: { content: body, contentType: 'application/json', encoded: false } },
    response: { status: 200 },
    comments: { twinstack: { step, service, operation, protocol: 'json', requestContentType: `application/x-amz-json-${version}`, scoring: meta.expect !== undefined, expect: {}, ...meta } },
  };
}

function scenario(interactions: ContractInteraction[]): ContractFile {
  return {
    consumer: { name: 'aws-sdk' },
    provider: { name: 'aws-sqs' },
    interactions,
    metadata: { pactSpecification: { version: '4.0' }, twinstack: { formatVersion: 1, id: 'sqs/views', service: 'sqs', protocol: 'json', provenance: { kind: 'aws-docs-example', url: 'u', retrievedAt: 'd' } } },
  };
}

describe('answers judged as the test read them (InteractionMeta.view) and polls that gather them (until.count, accumulate)', function () {
  this.timeout(60_000);
  let twinstack: Twinstack;
  before(async () => {
    twinstack = await startTwinstack({ port: 0, services: ['sqs', 'logs'] });
  });
  after(async () => {
    await closeConnections();
    await twinstack.stop();
  });
  const run = (interactions: ContractInteraction[]) => {
    const contract = scenario(interactions);
    assert.deepEqual(validateContract(contract), []);
    return runScenario(contract, { endpoint: twinstack.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  };
  const queue = [
    call(0, 'sqs', 'CreateQueue', { QueueName: 'q-{{suffix}}' }, { captures: [{ name: 'url', from: '$.QueueUrl' }] }),
    ...[1, 2, 3].map((n) => call(n, 'sqs', 'SendMessage', { QueueUrl: '{{url}}', MessageBody: JSON.stringify([{ n }]) })),
  ];

  it('joins the bodies of several receives into one list, until it holds the count waited for', async () => {
    const receive = (expect: InteractionMeta['expect']) =>
      call(4, 'sqs', 'ReceiveMessage', { QueueUrl: '{{url}}', MaxNumberOfMessages: 1, VisibilityTimeout: 60 }, { view: 'message-body-lists', until: { path: '$', count: 3, accumulate: true, timeoutSeconds: 20 }, expect });
    const results = await run([...queue, receive({ status: 200, output: [{ n: 1 }, { n: 2 }, { n: 3 }], unordered: ['$'] })]);
    assert.deepEqual(results.map((r) => r.mismatches), [[], [], [], [], []]);
    // Another order of the same three is fine; a fourth element is not.
    const more = await run([...queue, receive({ status: 200, output: [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }], unordered: ['$'] })]);
    assert.equal(more[4].passed, false);
  });

  it("reads a function's log as the events it printed, without Lambda's own lines, waiting through a missing group", async () => {
    const lines = ['INIT_START Runtime Version: python:3.12', 'START RequestId: 1 Version: $LATEST', '{"Records": [1]}\n', 'not json', 'END RequestId: 1', 'REPORT RequestId: 1'];
    const results = await run([
      call(0, 'logs', 'FilterLogEvents', { logGroupName: '/aws/lambda/none-{{suffix}}' }, { view: 'function-log', until: { path: '$', count: 1, whileError: 'ResourceNotFoundException', timeoutSeconds: 1 }, expect: { status: 200, output: [] } }),
      call(1, 'logs', 'CreateLogGroup', { logGroupName: '/aws/lambda/f-{{suffix}}' }),
      call(2, 'logs', 'CreateLogStream', { logGroupName: '/aws/lambda/f-{{suffix}}', logStreamName: 's' }),
      call(3, 'logs', 'PutLogEvents', { logGroupName: '/aws/lambda/f-{{suffix}}', logStreamName: 's', logEvents: lines.map((message, i) => ({ timestamp: Date.now() + i, message })) }),
      call(4, 'logs', 'FilterLogEvents', { logGroupName: '/aws/lambda/f-{{suffix}}' }, { view: 'function-log', until: { path: '$', count: 2 }, expect: { status: 200, output: [{ Records: [1] }, 'not json'] } }),
    ]);
    assert.deepEqual(results.map((r) => r.mismatches), [[], [], [], [], []]);
    // The events holding Records only, as the tests keep them.
    const records = await run([
      call(0, 'logs', 'CreateLogGroup', { logGroupName: '/aws/lambda/r-{{suffix}}' }),
      call(1, 'logs', 'CreateLogStream', { logGroupName: '/aws/lambda/r-{{suffix}}', logStreamName: 's' }),
      call(2, 'logs', 'PutLogEvents', { logGroupName: '/aws/lambda/r-{{suffix}}', logStreamName: 's', logEvents: lines.map((message, i) => ({ timestamp: Date.now() + i, message })) }),
      call(3, 'logs', 'FilterLogEvents', { logGroupName: '/aws/lambda/r-{{suffix}}' }, { view: 'function-log-records', until: { path: '$', count: 1 }, expect: { status: 200, output: [{ Records: [1] }] } }),
    ]);
    assert.deepEqual(records.map((r) => r.mismatches), [[], [], [], []]);
  });

  it('refuses an accumulating poll without a count, and a poll waiting for both a value and a count', () => {
    const bad = scenario([
      call(0, 'sqs', 'ReceiveMessage', { QueueUrl: 'u' }, { until: { path: '$', matches: 'x', accumulate: true } }),
      call(1, 'sqs', 'ReceiveMessage', { QueueUrl: 'u' }, { until: { path: '$', count: 1, matches: 'x' } }),
    ]);
    assert.deepEqual(
      validateContract(bad).map((problem) => problem.split(':')[0]),
      ['$.interactions[0].comments.twinstack.until.accumulate', '$.interactions[1].comments.twinstack.until'],
    );
  });
});
