import type { Tag } from '@aws-sdk/client-secrets-manager';
import type { Caller } from '../../core/service.ts';
import { isReservedTagKey } from '../../core/tags.ts';
import { SecretsErrors } from './errors.ts';

/**
 * At most 50 tags per secret (`all`, the set after the change; the `aws:` tags CloudFormation adds do not count);
 * `aws:` keys are reserved, and a tag without a key is no tag (the model leaves Key optional).
 */
export function checkTags(added: Tag[], all: Tag[], caller: Caller): void {
  if (all.filter((tag) => !tag.Key?.toLowerCase().startsWith('aws:')).length > 50) throw SecretsErrors.validation('Number of tags exceeds Secrets Manager limit of 50.');
  for (const tag of added) if (tag.Key === undefined || isReservedTagKey(tag.Key, caller)) throw SecretsErrors.invalidParameter('Invalid tag key.');
}
