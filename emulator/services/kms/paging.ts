import { AwsError } from '../../core/errors.ts';

/** KMS's Limit/Marker pagination (default 100 per page); markers are opaque positions. */
export function page<T>(all: T[], limit: number | undefined, marker: string | undefined): { items: T[]; Truncated: boolean; NextMarker?: string } {
  let start = 0;
  if (marker !== undefined) {
    start = Number(Buffer.from(marker, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0 || start > all.length) throw new AwsError('InvalidMarkerException', 'Invalid marker');
  }
  const items = all.slice(start, start + (limit ?? 100));
  const next = start + items.length;
  return next < all.length ? { items, Truncated: true, NextMarker: Buffer.from(String(next)).toString('base64url') } : { items, Truncated: false };
}
