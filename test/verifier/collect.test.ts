import assert from 'node:assert/strict';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import type { ContractFile, ContractInteraction, Expectation, InteractionMeta } from '../../verifier/contract/types.ts';
import { validateContract } from '../../verifier/contract/validate.ts';
import { closeConnections, runScenario } from '../../verifier/replay/run.ts';

/** An SQS JSON-protocol call as a contract holds it. */
function sqsCall(step: number, operation: string, body: Record<string, unknown>, expect: Expectation, more: Partial<InteractionMeta> = {}): ContractInteraction {
  return {
    type: 'Synchronous/HTTP',
    description: `${step} ${operation} (json)`,
    request: {
      method: 'POST',
      path: '/',
      headers: { 'x-amz-target': [`AmazonSQS.${operation}`], 'content-type': ['application/json'] },
      body: { content: body as never, contentType: 'application/json', encoded: false },
    },
    response: { status: 200 },
    comments: {
      twinstack: { step, service: 'sqs', operation, protocol: 'json', requestContentType: 'application/x-amz-json-1.0', scoring: Object.keys(expect).length > 0, expect, ...more },
    },
  };
}

const QUEUE = '{{queueUrl}}';
const message = (body: string) => ({ Body: body, MD5OfBody: '{{*}}', MessageId: '{{*}}', ReceiptHandle: '{{*}}' });

/**
 * Three messages sent, then gathered one per receive (a test's polling helper) and deleted as they arrive; a last
 * receive shows the queue empty. `count` and the per-item step are the parts under test.
 */
function contract(count: number, expected: string[]): ContractFile {
  return {
    consumer: { name: 'aws-sdk' },
    provider: { name: 'aws-sqs' },
    interactions: [
      sqsCall(0, 'CreateQueue', { QueueName: 'collect-{{suffix}}' }, {}, { captures: [{ name: 'queueUrl', from: '$.QueueUrl' }] }),
      ...['one', 'two', 'three'].map((body, i) => sqsCall(1 + i, 'SendMessage', { QueueUrl: QUEUE, MessageBody: body }, {})),
      sqsCall(
        4,
        'ReceiveMessage',
        { QueueUrl: QUEUE, MaxNumberOfMessages: 1, VisibilityTimeout: 0 },
        { status: 200, output: { Messages: expected.map(message) }, unordered: ['$.Messages'] },
        { until: { path: '$.Messages', count, accumulate: true, timeoutSeconds: 2, intervalSeconds: 0.05 } },
      ),
      sqsCall(5, 'DeleteMessage', { QueueUrl: QUEUE, ReceiptHandle: '{{message.ReceiptHandle}}' }, {}, { eachCollected: { step: 4, as: 'message' } }),
      sqsCall(6, 'ReceiveMessage', { QueueUrl: QUEUE }, { status: 200, output: {} }),
    ],
    metadata: {
      pactSpecification: { version: '4.0' },
      twinstack: { formatVersion: 1, id: 'sqs/collect', service: 'sqs', protocol: 'json', provenance: { kind: 'aws-docs-example', url: 'u', retrievedAt: 'd' } },
    },
  };
}

describe('gathering over several calls (until.accumulate, eachCollected)', () => {
  let twinstack: Twinstack;
  let target: Parameters<typeof runScenario>[1];
  before(async () => {
    twinstack = await startTwinstack({ port: 0, services: ['sqs'] });
    target = { endpoint: twinstack.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  });
  after(async () => {
    await closeConnections();
    await twinstack.stop();
  });

  it('receives until the count is reached, deletes each item as it arrives, and judges the gathered list', async () => {
    const file = contract(3, ['three', 'one', 'two']);
    assert.deepEqual(validateContract(file), []);
    const results = await runScenario(file, target);
    assert.deepEqual(results.flatMap((r) => r.mismatches), []);
    // One result per interaction; the per-item delete is reported once, after its collector, with its run count.
    assert.deepEqual(results.map((r) => r.step), [0, 1, 2, 3, 4, 5, 6]);
    assert.match(results[5].description, /DeleteMessage .*\(×3\)$/);
  });

  it('judges what it gathered by the deadline when fewer items come', async () => {
    const results = await runScenario(contract(4, ['one', 'two', 'three', 'four']), target);
    const gathering = results.find((r) => r.step === 4)!;
    assert.deepEqual(gathering.mismatches.map((m) => [m.path, m.reason]), [
      ['$.Messages', 'list length'],
      ['$.Messages[3]', 'no matching element (unordered list)'],
    ]);
  });

  it('refuses a per-item step without an earlier gathering step, a malformed gathering, and the old collect', () => {
    const file = contract(3, ['one', 'two', 'three']);
    file.interactions[5].comments.twinstack.eachCollected = { step: 3, as: 'message' };
    file.interactions[4].comments.twinstack.until = { path: 'Messages', count: 0, accumulate: true, intervalSeconds: -1 };
    Object.assign(file.interactions[6].comments.twinstack, { collect: { path: '$.Messages', count: 1 } });
    const problems = validateContract(file).join('\n');
    assert.match(problems, /interactions\[4\]\.comments\.twinstack\.until: needs a path/);
    assert.match(problems, /interactions\[5\]\.comments\.twinstack\.eachCollected: needs the step of an earlier interaction that gathers/);
    assert.match(problems, /interactions\[6\]\.comments\.twinstack\.collect: is until/);
  });
});
