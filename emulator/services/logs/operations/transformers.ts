import type {
  DeleteTransformerRequest,
  GetTransformerRequest,
  GetTransformerResponse,
  PutTransformerRequest,
  TestTransformerRequest,
  TestTransformerResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { findGroup } from '../groups.ts';
import type { LogsState } from '../state.ts';
import { compileTransformer, parseTransformerConfig } from '../transformer/index.ts';

type Ctx = RequestContext<LogsState>;

/** TestTransformer takes up to 100 messages. */
const MAX_TEST_MESSAGES = 100;

/** Transforms the group's events from now on, at ingestion (metric and subscription filters may read the result). */
export function putTransformer(input: PutTransformerRequest, ctx: Ctx): object {
  const group = findGroup(ctx.state, { logGroupIdentifier: input.logGroupIdentifier });
  if (group.logGroupClass !== 'STANDARD') throw new AwsError('InvalidOperationException', 'Transformers can only be created for log groups in the Standard log class.');
  parseTransformerConfig(input.transformerConfig);
  const now = ctx.emulator.clock.now();
  group.transformer = { config: input.transformerConfig!, created: group.transformer?.created ?? now, lastModified: now };
  return {};
}

export function getTransformer(input: GetTransformerRequest, ctx: Ctx): GetTransformerResponse {
  const group = findGroup(ctx.state, { logGroupIdentifier: input.logGroupIdentifier });
  if (!group.transformer) throw notFound('The specified log group has no transformer.');
  return {
    logGroupIdentifier: input.logGroupIdentifier,
    creationTime: group.transformer.created,
    lastModifiedTime: group.transformer.lastModified,
    transformerConfig: group.transformer.config as GetTransformerResponse['transformerConfig'],
  };
}

export function deleteTransformer(input: DeleteTransformerRequest, ctx: Ctx): object {
  const group = findGroup(ctx.state, { logGroupIdentifier: input.logGroupIdentifier });
  if (!group.transformer) throw notFound('The specified log group has no transformer.');
  group.transformer = undefined;
  return {};
}

export function testTransformer(input: TestTransformerRequest): TestTransformerResponse {
  if (input.logEventMessages!.length > MAX_TEST_MESSAGES) throw invalidParameter(`logEventMessages can contain at most ${MAX_TEST_MESSAGES} messages.`);
  const transform = compileTransformer(input.transformerConfig!);
  return {
    transformedLogs: input.logEventMessages!.map((message, i) => ({ eventNumber: i + 1, eventMessage: message, transformedEventMessage: transform(message) ?? message })),
  };
}
