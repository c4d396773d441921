import type {
  DeregisterStreamConsumerCommandInput,
  DescribeStreamConsumerCommandInput,
  ListStreamConsumersCommandInput,
  RegisterStreamConsumerCommandInput,
} from '@aws-sdk/client-kinesis';
import type { RequestContext } from '../../../core/service.ts';
import { invalidArgument, limitExceeded, resourceInUse, resourceNotFound } from '../errors.ts';
import { MAX_CONSUMERS_PER_STREAM } from '../limits.ts';
import { decodeToken, encodeToken } from '../page-tokens.ts';
import type { KinesisState } from '../state.ts';
import type { Consumer, Stream } from '../stream.ts';
import { addTags } from '../tags.ts';

type Ctx = RequestContext<KinesisState>;

function summary(consumer: Consumer, status = 'ACTIVE') {
  return {
    ConsumerName: consumer.name,
    ConsumerARN: consumer.arn,
    ConsumerStatus: status,
    ConsumerCreationTimestamp: consumer.createdAt,
  };
}

/** A consumer named by ConsumerARN, or by StreamARN and ConsumerName. */
function findConsumer(input: DescribeStreamConsumerCommandInput, ctx: Ctx): { stream: Stream; consumer: Consumer } {
  if (input.ConsumerARN !== undefined) {
    const found = ctx.state.consumerByArn(input.ConsumerARN);
    if (input.StreamARN !== undefined && input.StreamARN !== found.stream.arn) {
      throw invalidArgument(`Consumer ${input.ConsumerARN} does not belong to stream ${input.StreamARN}.`);
    }
    return found;
  }
  if (input.StreamARN === undefined || input.ConsumerName === undefined) {
    throw invalidArgument('Either ConsumerARN or both ConsumerName and StreamARN must be provided.');
  }
  const stream = ctx.state.stream({ StreamARN: input.StreamARN });
  const consumer = stream.consumers.get(input.ConsumerName);
  if (!consumer) throw resourceNotFound(`Consumer ${input.ConsumerName} under stream ${stream.name} under account ${stream.accountId} not found.`);
  return { stream, consumer };
}

/** Consumers are usable at once, like streams; only the registration response says CREATING, as AWS's does. */
export function registerStreamConsumer(input: RegisterStreamConsumerCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream({ StreamARN: input.StreamARN });
  const name = input.ConsumerName!;
  if (stream.consumers.has(name)) {
    throw resourceInUse(`Consumer ${name} under stream ${stream.name} under account ${stream.accountId} already exists.`);
  }
  if (stream.consumers.size >= MAX_CONSUMERS_PER_STREAM) {
    throw limitExceeded(`Stream ${stream.name} under account ${stream.accountId} already has ${MAX_CONSUMERS_PER_STREAM} consumers, the maximum.`);
  }
  const createdAt = new Date(Math.floor(ctx.emulator.clock.now() / 1000) * 1000);
  const consumer: Consumer = { name, arn: `${stream.arn}/consumer/${name}:${createdAt.getTime() / 1000}`, createdAt, tags: new Map() };
  if (input.Tags) addTags(consumer.tags, input.Tags, stream.name, stream.accountId, ctx.caller);
  stream.consumers.set(name, consumer);
  return { Consumer: summary(consumer, 'CREATING') };
}

export function deregisterStreamConsumer(input: DeregisterStreamConsumerCommandInput, ctx: Ctx) {
  const { stream, consumer } = findConsumer(input, ctx);
  stream.consumers.delete(consumer.name);
  ctx.state.policies.delete(consumer.arn);
  return {};
}

export function describeStreamConsumer(input: DescribeStreamConsumerCommandInput, ctx: Ctx) {
  const { stream, consumer } = findConsumer(input, ctx);
  return { ConsumerDescription: { ...summary(consumer), StreamARN: stream.arn } };
}

export function listStreamConsumers(input: ListStreamConsumersCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream({ StreamARN: input.StreamARN });
  const after = input.NextToken !== undefined ? decodeToken(input.NextToken, 'ListStreamConsumers', ctx.emulator.clock.now()).after : undefined;
  const limit = input.MaxResults ?? 100;
  const consumers = [...stream.consumers.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).filter((c) => after === undefined || c.name > after);
  const page = consumers.slice(0, limit);
  return {
    Consumers: page.map((c) => summary(c)),
    NextToken: consumers.length > limit ? encodeToken('ListStreamConsumers', page[page.length - 1].name, ctx.emulator.clock.now()) : undefined,
  };
}
