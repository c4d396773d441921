import { validation } from '../errors.ts';

/** One page of a listing, with an opaque token for the next (Scheduler's MaxResults is at most 100). */
export function page<T>(items: T[], nextToken: string | undefined, max: number | undefined): { items: T[]; nextToken?: string } {
  let start = 0;
  if (nextToken !== undefined) {
    start = Number(Buffer.from(nextToken, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) throw validation('Invalid NextToken.');
  }
  const end = start + (max ?? 100);
  return { items: items.slice(start, end), nextToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined };
}
