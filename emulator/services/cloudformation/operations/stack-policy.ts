import type { GetStackPolicyInput, SetStackPolicyInput } from '@aws-sdk/client-cloudformation';
import { parseStackPolicy } from '../engine/stack-policy.ts';
import { readTemplateUrl } from '../engine/template-url.ts';
import { validationError } from '../errors.ts';
import { requireStack } from './stacks.ts';
import type { CfnContext } from './template-input.ts';

/**
 * A stack policy given as a body or as an S3 URL (read as the caller), checked; undefined when neither is given.
 * `what` names the pair in AWS's message when both are given.
 */
export async function stackPolicyFrom(ctx: CfnContext, body: string | undefined, url: string | undefined, what = 'StackPolicy'): Promise<string | undefined> {
  if (body !== undefined && url !== undefined) throw validationError(`You cannot specify both ${what}URL and ${what}Body`);
  let text = body;
  if (url !== undefined) {
    const call = (service: string, operation: string, request: object) => ctx.emulator.call<never>(service, operation, request, { caller: ctx.caller, region: ctx.region });
    text = await readTemplateUrl(url, call);
  }
  if (text !== undefined) parseStackPolicy(text);
  return text;
}

export async function setStackPolicy(input: SetStackPolicyInput, ctx: CfnContext) {
  const stack = requireStack(ctx, input.StackName);
  const policy = await stackPolicyFrom(ctx, input.StackPolicyBody, input.StackPolicyURL);
  if (policy === undefined) throw validationError('Either StackPolicyBody or StackPolicyURL must be specified.');
  stack.stackPolicyBody = policy;
  return {};
}

export function getStackPolicy(input: GetStackPolicyInput, ctx: CfnContext) {
  return { StackPolicyBody: requireStack(ctx, input.StackName).stackPolicyBody };
}
