import type { InternalRequest } from '../../server/http.ts';
import type { OutboxMessage } from './per-emulator.ts';

const FILTERS = ['protocol', 'endpoint', 'accountId', 'region', 'topicArn'] as const;

/**
 * `GET /_twinstack/sns/messages`: what was sent to email, email-json, SMS and mobile push endpoints, oldest first,
 * optionally only those matching `?protocol=`, `endpoint=`, `accountId=`, `region=` or `topicArn=`;
 * `DELETE` forgets them (all, or those matching the same filters).
 */
export function outboxRoute(outbox: OutboxMessage[], request: InternalRequest): unknown {
  const matches = (message: OutboxMessage) => FILTERS.every((f) => !request.query.has(f) || message[f] === request.query.get(f));
  if (request.method === 'DELETE') {
    const kept = outbox.filter((m) => !matches(m));
    const removed = outbox.length - kept.length;
    outbox.splice(0, outbox.length, ...kept);
    return { deleted: removed };
  }
  return { messages: outbox.filter(matches) };
}
