import { badRequest } from './errors.ts';

/** API Gateway's listings: `limit` (default 25, at most 500) items after `position`, an opaque token for the next. */
export function page<T>(items: T[], input: { position?: string; limit?: number }): { items: T[]; position?: string } {
  const limit = input.limit ?? 25;
  if (limit < 1 || limit > 500) throw badRequest('Limit must be between 1 and 500');
  let start = 0;
  if (input.position !== undefined) {
    start = Number(Buffer.from(input.position, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) throw badRequest('Invalid position specified');
  }
  const end = start + limit;
  return { items: items.slice(start, end), position: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined };
}
