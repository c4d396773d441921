import type { ListTagsForResourceInput, ListTagsForResourceOutput, Tag, TagResourceInput, UntagResourceInput } from '@aws-sdk/client-sfn';
import { AwsError } from '../../../core/errors.ts';
import type { Caller, RequestContext } from '../../../core/service.ts';
import { isReservedTagKey } from '../../../core/tags.ts';
import { checkArn, SfnErrors } from '../errors.ts';
import type { SfnState } from '../state.ts';

type Ctx = RequestContext<SfnState>;

const MAX_TAGS = 50;

/** `aws:` keys are AWS's (CloudFormation's own on its calls excepted). No AWS recording gives the words: ours. */
export function checkTagKeys(tags: Tag[] | undefined, caller: Caller): void {
  const tag = tags?.find((t) => isReservedTagKey(t.key ?? '', caller));
  if (tag) throw SfnErrors.validation(`Tag key ${tag.key} is reserved: tag keys can't start with 'aws:'.`);
}

export function setTags(state: SfnState, arn: string, tags: Tag[]): void {
  const current = state.tags.get(arn) ?? new Map<string, string>();
  const next = new Map(current);
  for (const tag of tags) next.set(tag.key!, tag.value ?? '');
  if (next.size > MAX_TAGS) throw new AwsError('TooManyTags', `Too many tags for resource ${arn}: the limit is ${MAX_TAGS}`, { fields: { resourceName: arn } });
  state.tags.set(arn, next);
}

/** Tags live on state machines and activities (and their aliases and versions' base machines). */
function taggable(state: SfnState, arn: string): string {
  checkArn(arn, ['stateMachine', 'activity']);
  if (!state.machines.has(arn) && !state.activities.has(arn)) throw SfnErrors.resourceNotFound(`Resource not found: '${arn}'`);
  return arn;
}

export function tagResource(input: TagResourceInput, ctx: Ctx): object {
  checkTagKeys(input.tags, ctx.caller);
  setTags(ctx.state, taggable(ctx.state, input.resourceArn!), input.tags ?? []);
  return {};
}

export function untagResource(input: UntagResourceInput, ctx: Ctx): object {
  const tags = ctx.state.tags.get(taggable(ctx.state, input.resourceArn!));
  for (const key of input.tagKeys ?? []) tags?.delete(key);
  return {};
}

export function listTagsForResource(input: ListTagsForResourceInput, ctx: Ctx): ListTagsForResourceOutput {
  const tags = ctx.state.tags.get(taggable(ctx.state, input.resourceArn!)) ?? new Map<string, string>();
  return { tags: [...tags].map(([key, value]) => ({ key, value })) };
}
