import type { TagResourceCommandInput, UntagResourceCommandInput } from '@aws-sdk/client-secrets-manager';
import { requireLiveSecret, type SecretsContext } from '../secrets.ts';
import { checkTags } from '../tags.ts';

export function tagResource(input: TagResourceCommandInput, ctx: SecretsContext) {
  const secret = requireLiveSecret(ctx, input.SecretId!);
  const tags = (secret.tags ?? []).map((t) => ({ ...t }));
  for (const tag of input.Tags!) {
    const existing = tags.find((t) => t.Key === tag.Key);
    if (existing) existing.Value = tag.Value;
    else tags.push({ Key: tag.Key, Value: tag.Value });
  }
  checkTags(input.Tags!, tags, ctx.caller);
  secret.tags = tags;
  return {};
}

export function untagResource(input: UntagResourceCommandInput, ctx: SecretsContext) {
  const secret = requireLiveSecret(ctx, input.SecretId!);
  const drop = new Set(input.TagKeys);
  secret.tags = (secret.tags ?? []).filter((t) => !drop.has(t.Key!));
  return {};
}
