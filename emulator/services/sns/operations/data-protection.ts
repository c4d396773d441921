import type { GetDataProtectionPolicyCommandInput, PutDataProtectionPolicyCommandInput } from '@aws-sdk/client-sns';
import { invalidParameter } from '../errors.ts';
import { findTopic, type SnsContext } from '../lookup.ts';

/** Data protection policies are stored and returned; messages are not audited or masked. */
export function putDataProtectionPolicy(input: PutDataProtectionPolicyCommandInput, ctx: SnsContext) {
  const topic = findTopic(ctx, input.ResourceArn, 'PutDataProtectionPolicy', 'ResourceArn');
  try {
    JSON.parse(input.DataProtectionPolicy!);
  } catch {
    throw invalidParameter('DataProtectionPolicy Reason: failed to parse JSON.');
  }
  topic.attributes.set('DataProtectionPolicy', input.DataProtectionPolicy!);
  return {};
}

export function getDataProtectionPolicy(input: GetDataProtectionPolicyCommandInput, ctx: SnsContext) {
  const topic = findTopic(ctx, input.ResourceArn, 'GetDataProtectionPolicy', 'ResourceArn');
  return { DataProtectionPolicy: topic.attributes.get('DataProtectionPolicy') };
}
