import type { ListTagsForResourceInput, ListTagsForResourceOutput, TagResourceInput, UntagResourceInput } from '@aws-sdk/client-cloudwatch';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import type { CloudWatchState } from '../state.ts';
import { setTags, checkTagKeys } from '../tags.ts';

type Ctx = RequestContext<CloudWatchState>;

/**
 * Alarms, Contributor Insights rules, metric streams and alarm mute rules are tagged by ARN; a resource that does
 * not exist has no tags (recorded: an empty list after an alarm's deletion).
 */
function known(ctx: Ctx, arn: string): boolean {
  const { state } = ctx;
  return (
    [...state.alarms.values()].some((a) => a.arn === arn) ||
    [...state.insightRules.keys()].some((name) => state.insightRuleArn(name) === arn) ||
    [...state.metricStreams.keys()].some((name) => state.metricStreamArn(name) === arn) ||
    [...state.muteRules.keys()].some((name) => state.muteRuleArn(name) === arn)
  );
}

export function tagResource(input: TagResourceInput, ctx: Ctx): object {
  checkTagKeys(input.Tags, ctx.caller);
  if (!known(ctx, input.ResourceARN!)) throw new AwsError('ResourceNotFoundException', `Resource ${input.ResourceARN} not found.`);
  setTags(ctx.state, input.ResourceARN!, input.Tags);
  return {};
}

export function untagResource(input: UntagResourceInput, ctx: Ctx): object {
  if (!known(ctx, input.ResourceARN!)) throw new AwsError('ResourceNotFoundException', `Resource ${input.ResourceARN} not found.`);
  const tags = ctx.state.tags.get(input.ResourceARN!);
  for (const key of input.TagKeys!) tags?.delete(key);
  return {};
}

export function listTagsForResource(input: ListTagsForResourceInput, ctx: Ctx): ListTagsForResourceOutput {
  return { Tags: [...(ctx.state.tags.get(input.ResourceARN!) ?? [])].map(([Key, Value]) => ({ Key, Value })) };
}
