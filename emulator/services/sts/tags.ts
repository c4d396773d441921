import type { Tag } from '@aws-sdk/client-sts';
import { StsErrors } from './errors.ts';

/**
 * AWS's session tag rules: keys are case-insensitive and unique, transitive keys must name requested tags, and a
 * chained session cannot set a tag that the calling session passes on transitively. Returns the transitive tags of
 * the new session (the caller's, plus the new ones), keyed by lower-case key.
 */
export function sessionTransitiveTags(
  tags: Tag[] = [],
  transitiveKeys: string[] = [],
  inherited: ReadonlyMap<string, Tag> = new Map(),
): Map<string, Tag> {
  const byKey = new Map<string, Tag>();
  for (const tag of tags) {
    const key = (tag.Key ?? '').toLowerCase();
    if (byKey.has(key)) throw StsErrors.invalidParameterValue('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    byKey.set(key, tag);
  }
  for (const key of transitiveKeys) {
    if (!byKey.has(key.toLowerCase())) {
      throw StsErrors.invalidParameterValue('The specified transitive tag key must be included in the requested tags.');
    }
  }
  for (const key of byKey.keys()) {
    if (inherited.has(key)) {
      throw StsErrors.invalidParameterValue(
        "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
      );
    }
  }
  const transitive = new Map(inherited);
  for (const key of transitiveKeys) transitive.set(key.toLowerCase(), byKey.get(key.toLowerCase())!);
  return transitive;
}
