import type { Tag } from '@aws-sdk/client-secrets-manager';
import { SecretsErrors } from './errors.ts';

/** At most 50 tags per secret; `aws:` keys are reserved, and a tag without a key is no tag (the model leaves Key optional). */
export function checkTags(tags: Tag[]): void {
  if (tags.length > 50) throw SecretsErrors.validation('Number of tags exceeds Secrets Manager limit of 50.');
  for (const tag of tags) if (tag.Key === undefined || tag.Key.toLowerCase().startsWith('aws:')) throw SecretsErrors.invalidParameter('Invalid tag key.');
}
