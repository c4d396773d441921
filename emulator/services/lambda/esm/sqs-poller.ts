import type { Message } from '@aws-sdk/client-sqs';
import { accountRootArn, parseArn } from '../../../core/arn.ts';
import type { Caller } from '../../../core/service.ts';
import { executionRoleCaller } from '../role.ts';
import type { Emulator } from '../../../core/emulator.ts';
import type { EventSourceMapping, LambdaState } from '../state.ts';
import { filterView, parsePatterns, passes } from './filter.ts';

/** A pause that does not keep the process alive (pollers stop with their state). */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Lambda polls and invokes as the mapped function's execution role (the account root when the function is gone). */
export function mappingCaller(state: LambdaState, mapping: EventSourceMapping): Caller {
  const fn = state.functions.get(mapping.config.FunctionArn!.split(':')[6]);
  return fn ? executionRoleCaller(fn, state.region) : { accountId: state.accountId, arn: accountRootArn(state.accountId, state.region) };
}

const DEFAULT_POLLERS = 5;
const MAX_POLLERS = 10;

const SYSTEM_ATTRIBUTES = ['ApproximateReceiveCount', 'SentTimestamp', 'SenderId', 'ApproximateFirstReceiveTimestamp', 'SequenceNumber', 'MessageGroupId', 'MessageDeduplicationId'];

/**
 * An SQS message as Lambda hands it to a function (AWS's event record shape). A message without attributes has no
 * md5OfMessageAttributes member when the mapping does not batch over time, and a null one when it does, as AWS's
 * recorded events show (LocalStack's test_lambda_integration_sqs snapshots of November 2025).
 */
function toRecord(message: Message, queueArn: string, region: string, batchingWindow: number) {
  const attributes: Record<string, string> = {};
  for (const name of SYSTEM_ATTRIBUTES) if (message.Attributes?.[name as never] !== undefined) attributes[name] = message.Attributes[name as never]!;
  const messageAttributes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    messageAttributes[name] = {
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') } : {}),
      stringListValues: [],
      binaryListValues: [],
      dataType: value.DataType,
    };
  }
  return {
    messageId: message.MessageId,
    receiptHandle: message.ReceiptHandle,
    body: message.Body,
    attributes,
    messageAttributes,
    ...(message.MD5OfMessageAttributes !== undefined || batchingWindow > 0 ? { md5OfMessageAttributes: message.MD5OfMessageAttributes ?? null } : {}),
    md5OfBody: message.MD5OfBody,
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

/** Which messages of a successful batch failed, from a ReportBatchItemFailures response; all of them when it is malformed. */
export function failedItems(payload: Buffer, ids: string[]): Set<string> {
  let response: unknown;
  try {
    response = JSON.parse(payload.toString('utf8') || 'null');
  } catch {
    return new Set(ids);
  }
  if (response === null || typeof response !== 'object' || !('batchItemFailures' in response)) return new Set();
  const failures = (response as { batchItemFailures: unknown }).batchItemFailures;
  if (failures === null || failures === undefined) return new Set();
  if (!Array.isArray(failures)) return new Set(ids);
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown })?.itemIdentifier;
    if (typeof id !== 'string' || !ids.includes(id)) return new Set(ids);
    failed.add(id);
  }
  return failed;
}

/**
 * Polls an SQS queue for an event source mapping through SQS's own operations (ReceiveMessage, DeleteMessageBatch),
 * invokes the function with batches, deletes what succeeded; failed messages return after their visibility timeout
 * and follow the queue's redrive policy.
 */
export function startSqsPoller(emulator: Emulator, state: LambdaState, mapping: EventSourceMapping): () => void {
  let stopped = false;
  const queueArn = mapping.config.EventSourceArn!;
  const queue = parseArn(queueArn)!;
  const sqs = <T>(operation: string, input: object) =>
    emulator.call<T>('sqs', operation, input, { caller: mappingCaller(state, mapping), region: queue.region, accountId: queue.accountId });

  /**
   * One batch: up to BatchSize messages, gathered for up to MaximumBatchingWindowInSeconds (emulator clock) once the
   * first has arrived, with long polls (never a busy loop) while the window is open.
   */
  async function collect(url: string): Promise<Message[]> {
    const config = mapping.config;
    const size = config.BatchSize ?? 10;
    const windowMs = (config.MaximumBatchingWindowInSeconds ?? 0) * 1000;
    const messages: Message[] = [];
    let closes = Infinity;
    while (!stopped && messages.length < size) {
      const left = closes - emulator.clock.now();
      if (messages.length && left <= 0) break;
      const wait = messages.length ? Math.min(20, Math.floor(left / 1000)) : 1;
      const out = await sqs<{ Messages?: Message[] }>('ReceiveMessage', {
        QueueUrl: url,
        MaxNumberOfMessages: Math.min(10, size - messages.length),
        WaitTimeSeconds: wait,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      });
      if (out.Messages?.length && !messages.length) closes = emulator.clock.now() + windowMs;
      messages.push(...(out.Messages ?? []));
      if (!messages.length) return messages;
      // Under a second left: the long poll's granularity; wait out the rest of the window once.
      if (!out.Messages?.length && wait === 0 && closes - emulator.clock.now() > 0) await sleep(Math.min(250, closes - emulator.clock.now()));
    }
    return messages;
  }

  /** Messages a mapping deleted meanwhile received are visible again at once, for whoever reads the queue next. */
  async function release(url: string, messages: Message[]) {
    const entries = messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle, VisibilityTimeout: 0 }));
    for (let i = 0; i < entries.length; i += 10) await sqs('ChangeMessageVisibilityBatch', { QueueUrl: url, Entries: entries.slice(i, i + 10) }).catch(() => undefined);
  }

  async function handle(url: string, messages: Message[]) {
    const config = mapping.config;
    const patterns = parsePatterns(config.FilterCriteria?.Filters);
    const records = messages.map((m) => toRecord(m, queueArn, queue.region, config.MaximumBatchingWindowInSeconds ?? 0));
    const selected = records.filter((r) => passes(patterns, filterView(r, 'body', r.body)));
    const done = new Set(records.filter((r) => !selected.includes(r)).map((r) => r.messageId!));
    if (selected.length) {
      // AWS's SQS mappings report no LastProcessingResult (a failed batch simply returns to the queue).
      try {
        const out = await emulator.call<{ FunctionError?: string; Payload?: Buffer }>(
          'lambda',
          'Invoke',
          { FunctionName: config.FunctionArn, Payload: Buffer.from(JSON.stringify({ Records: selected })) },
          { caller: mappingCaller(state, mapping), region: state.region, accountId: state.accountId },
        );
        if (!out.FunctionError) {
          const ids = selected.map((r) => r.messageId!);
          const failed = config.FunctionResponseTypes?.includes('ReportBatchItemFailures') ? failedItems(out.Payload ?? Buffer.alloc(0), ids) : new Set<string>();
          for (const id of ids) if (!failed.has(id)) done.add(id);
        }
      } catch {
        // The invocation failed: the batch stays in the queue for its visibility timeout.
      }
    }
    const entries = messages.filter((m) => done.has(m.MessageId!)).map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle }));
    for (let i = 0; i < entries.length; i += 10) await sqs('DeleteMessageBatch', { QueueUrl: url, Entries: entries.slice(i, i + 10) }).catch(() => undefined);
  }

  /** Concurrent batches: ScalingConfig.MaximumConcurrency, at most MAX_POLLERS here (AWS starts with five and scales up). */
  const concurrency = () => Math.min(mapping.config.ScalingConfig?.MaximumConcurrency ?? DEFAULT_POLLERS, MAX_POLLERS);

  async function loop(index: number) {
    let url: string | undefined;
    while (!stopped && !state.disposed) {
      if (mapping.config.State !== 'Enabled' || index >= concurrency()) {
        await sleep(200);
        continue;
      }
      try {
        url ??= (await sqs<{ QueueUrl: string }>('GetQueueUrl', { QueueName: queue.resource, QueueOwnerAWSAccountId: queue.accountId })).QueueUrl;
        const messages = await collect(url);
        if (messages.length && !stopped) await handle(url, messages);
        else if (messages.length) await release(url, messages);
      } catch {
        url = undefined;
        await sleep(1000);
      }
    }
  }
  for (let i = 0; i < MAX_POLLERS; i++) void loop(i);
  return () => {
    stopped = true;
  };
}
