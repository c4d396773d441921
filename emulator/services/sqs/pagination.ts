import { invalidParameter } from './errors.ts';

/**
 * One page of `items` after the item named by `nextToken`. AWS only pages (and returns a NextToken) when the
 * caller passes MaxResults; the token is opaque to clients.
 */
export function paginate<T>(items: T[], key: (item: T) => string, maxResults?: number, nextToken?: string): { page: T[]; nextToken?: string } {
  if (maxResults !== undefined && (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000)) {
    throw invalidParameter('MaxResults', maxResults, 'MaxResults must be an integer between 1 and 1000.');
  }
  let start = 0;
  if (nextToken) {
    const after = Buffer.from(nextToken, 'base64').toString('utf8');
    const index = items.findIndex((item) => key(item) === after);
    start = index >= 0 ? index + 1 : items.findIndex((item) => key(item) > after);
    if (start < 0) start = items.length;
  }
  if (maxResults === undefined) return { page: items.slice(start, start + 1000) };
  const page = items.slice(start, start + maxResults);
  const more = start + maxResults < items.length;
  return { page, nextToken: more ? Buffer.from(key(page[page.length - 1])).toString('base64') : undefined };
}
