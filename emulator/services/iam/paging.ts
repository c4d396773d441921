import { IamErrors } from './errors.ts';

export interface PageInput {
  Marker?: string;
  MaxItems?: number;
}

export interface Page<T> {
  items: T[];
  IsTruncated: boolean;
  Marker?: string;
}

/**
 * IAM's Marker pagination: up to MaxItems (default 100) from where the marker points. The marker is an opaque
 * position in the listing, which IAM lists in a stable order.
 */
export function paginate<T>(all: T[], input: PageInput): Page<T> {
  let start = 0;
  if (input.Marker !== undefined) {
    const decoded = Buffer.from(input.Marker, 'base64url').toString('utf8');
    start = /^\d+$/.test(decoded) ? Number(decoded) : -1;
    if (start < 0 || start > all.length) throw IamErrors.validation('Invalid Marker.');
  }
  const max = input.MaxItems ?? 100;
  const items = all.slice(start, start + max);
  const next = start + items.length;
  return next < all.length
    ? { items, IsTruncated: true, Marker: Buffer.from(String(next)).toString('base64url') }
    : { items, IsTruncated: false };
}

/** Entities whose path starts with PathPrefix (default `/`), ordered by name as IAM lists them. */
export function byPathPrefix<T extends { path: string; name: string }>(entities: Iterable<T>, pathPrefix = '/'): T[] {
  return [...entities].filter((e) => e.path.startsWith(pathPrefix)).sort((a, b) => compareNames(a.name, b.name));
}

/** IAM lists entities in case-insensitive name order. */
export function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : 0;
}
