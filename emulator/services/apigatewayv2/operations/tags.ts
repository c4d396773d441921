import type { Caller } from '../../../core/service.ts';
import { isReservedTagKey } from '../../../core/tags.ts';
import type { ApiGatewayV2State } from '../state.ts';
import { badRequest } from '../state.ts';
import type { Ctx } from './common.ts';

export function tagsOf(state: ApiGatewayV2State, arn: string): Record<string, string> {
  return { ...state.tags.get(arn) };
}

/**
 * Refuses `aws:` keys (CloudFormation's own `aws:cloudformation:*` tags on its calls excepted), with API Gateway's
 * message as AWS answers it (quoted in aws/aws-cdk#23738 for API Gateway V2).
 */
export function checkTagKeys(tags: Record<string, string> | undefined, caller: Caller): void {
  if (Object.keys(tags ?? {}).some((key) => isReservedTagKey(key, caller))) throw badRequest("Invalid tag key. Tag keys cannot start with 'aws:' (case insensitive)");
}

export function writeTags(state: ApiGatewayV2State, arn: string, tags: Record<string, string>): void {
  state.tags.set(arn, { ...state.tags.get(arn), ...tags });
}

function checkArn(arn: string | undefined): string {
  if (!arn?.startsWith('arn:') || !arn.includes(':apigateway:')) throw badRequest(`Invalid resource ARN specified ${arn}`);
  return arn;
}

export function tagResource(input: { ResourceArn: string; Tags?: Record<string, string> }, ctx: Ctx): Record<string, never> {
  checkTagKeys(input.Tags, ctx.caller);
  writeTags(ctx.state, checkArn(input.ResourceArn), input.Tags ?? {});
  return {};
}

export function untagResource(input: { ResourceArn: string; TagKeys?: string[] }, ctx: Ctx): Record<string, never> {
  const tags = tagsOf(ctx.state, checkArn(input.ResourceArn));
  for (const key of input.TagKeys ?? []) delete tags[key];
  ctx.state.tags.set(input.ResourceArn, tags);
  return {};
}

export function getTags(input: { ResourceArn: string }, ctx: Ctx): { Tags: Record<string, string> } {
  return { Tags: tagsOf(ctx.state, checkArn(input.ResourceArn)) };
}
