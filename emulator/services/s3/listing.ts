import { AwsError } from '../../core/errors.ts';
import { compareUtf8, type KeyIndex } from './key-index.ts';

/** One entry of a listing: a key, or a common prefix rolled up at the delimiter. */
export type ListingEntry = { key: string } | { commonPrefix: string };

/**
 * Walks keys in UTF-8 order from after `marker` (or from `prefix`), rolling keys up into common prefixes at the
 * delimiter and stepping over each common prefix in one search, so a page costs O(page · log n).
 * `include` skips keys with nothing to list (a key whose newest version is a delete marker, for ListObjects).
 */
export function* walkKeys(
  keys: KeyIndex,
  options: { prefix: string; delimiter?: string; marker?: string; include?: (key: string) => boolean },
): Generator<ListingEntry> {
  const { prefix, delimiter, marker } = options;
  let key = marker !== undefined && compareUtf8(marker, prefix) >= 0 ? keys.ceiling(marker, true) : keys.ceiling(prefix);
  while (key !== undefined && key.startsWith(prefix)) {
    const at = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (at >= 0) {
      const commonPrefix = key.slice(0, at + delimiter!.length);
      // A common prefix at or before the marker was listed on an earlier page.
      if (marker === undefined || compareUtf8(commonPrefix, marker) > 0) yield { commonPrefix };
      key = keys.after(commonPrefix);
      continue;
    }
    if (!options.include || options.include(key)) yield { key };
    key = keys.ceiling(key, true);
  }
}

/** `encoding-type=url`: S3 URL-encodes keys and prefixes in the response (spaces as `+`, slashes kept). */
export function encoder(encodingType: string | undefined): (value: string | undefined) => string | undefined {
  if (encodingType === undefined) return (v) => v;
  if (encodingType !== 'url') {
    throw new AwsError('InvalidArgument', 'Invalid Encoding Method specified in Request', {
      status: 400,
      fields: { ArgumentName: 'encoding-type', ArgumentValue: encodingType },
    });
  }
  return (v) => (v === undefined ? v : encodeURIComponent(v).replace(/%2F/g, '/').replace(/%20/g, '+'));
}

export function maxKeys(value: number | undefined, name = 'max-keys'): number {
  if (value === undefined) return 1000;
  if (!Number.isInteger(value) || value < 0) {
    throw new AwsError('InvalidArgument', `Provided ${name} not an integer or within integer range`, {
      status: 400,
      fields: { ArgumentName: name, ArgumentValue: value },
    });
  }
  return Math.min(value, 1000);
}
