import type { Caller, RequestContext } from '../../../core/service.ts';
import { parseArn } from '../../../core/arn.ts';
import { isReservedTagKey } from '../../../core/tags.ts';
import { badRequest } from '../errors.ts';
import type { ApiGatewayState } from '../state.ts';

type Ctx = RequestContext<ApiGatewayState>;

export function tagsOf(state: ApiGatewayState, arn: string): Record<string, string> {
  return { ...state.tags.get(arn) };
}

/**
 * Refuses `aws:` keys (CloudFormation's own `aws:cloudformation:*` tags on its calls excepted), with API Gateway's
 * message as AWS answers it (quoted in serverless/serverless#9223 and aws/aws-cdk#23738).
 */
export function checkTagKeys(tags: Record<string, string> | undefined, caller: Caller): void {
  if (Object.keys(tags ?? {}).some((key) => isReservedTagKey(key, caller))) throw badRequest("Invalid tag key. Tag keys cannot start with 'aws:' (case insensitive)");
}

export function writeTags(state: ApiGatewayState, arn: string, tags: Record<string, string>): void {
  state.tags.set(arn, { ...state.tags.get(arn), ...tags });
}

function checkArn(arn: string): string {
  const parts = parseArn(arn);
  if (!parts || parts.service !== 'apigateway') throw badRequest(`Invalid ARN. ARN is not well formed ${arn}`);
  return arn;
}

export function tagResource(input: { resourceArn: string; tags?: Record<string, string> }, ctx: Ctx): Record<string, never> {
  checkTagKeys(input.tags, ctx.caller);
  writeTags(ctx.state, checkArn(input.resourceArn), input.tags ?? {});
  return {};
}

export function untagResource(input: { resourceArn: string; tagKeys?: string[] }, ctx: Ctx): Record<string, never> {
  const tags = tagsOf(ctx.state, checkArn(input.resourceArn));
  for (const key of input.tagKeys ?? []) delete tags[key];
  ctx.state.tags.set(input.resourceArn, tags);
  return {};
}

export function getTags(input: { resourceArn: string }, ctx: Ctx): { tags: Record<string, string> } {
  return { tags: tagsOf(ctx.state, checkArn(input.resourceArn)) };
}
