import type { Emulator } from '../../core/emulator.ts';
import type { InternalRequest } from '../../server/http.ts';
import type { SnsState } from './state.ts';

/** A message SNS sent to an endpoint outside the emulator (email, email-json, SMS, mobile push), kept to be read back. */
export interface OutboxMessage {
  protocol: 'email' | 'email-json' | 'sms' | 'application';
  endpoint: string;
  accountId: string;
  region: string;
  subject?: string;
  message: string;
  messageId: string;
  timestamp: string;
  topicArn?: string;
  subscriptionArn?: string;
  attributes?: Record<string, unknown>;
}

/** Keeps a sent message in its account's and region's state (so that a reset forgets it). */
export function recordSent(emulator: Emulator, message: OutboxMessage): void {
  emulator.state<SnsState>('sns', message.accountId, message.region).outbox.push(message);
}

function allStates(emulator: Emulator): SnsState[] {
  for (const [name, store] of emulator.stores()) if (name === 'sns') return [...store.entries()].map(([, state]) => state as SnsState);
  return [];
}

const FILTERS = ['protocol', 'endpoint', 'accountId', 'region', 'topicArn'] as const;

/**
 * `GET /_twinstack/sns/messages`: what was sent to email, email-json, SMS and mobile push endpoints, oldest first,
 * optionally only those matching `?protocol=`, `endpoint=`, `accountId=`, `region=` or `topicArn=`;
 * `DELETE` forgets them (all, or those matching the same filters).
 */
export function outboxRoute(emulator: Emulator, request: InternalRequest): unknown {
  const matches = (message: OutboxMessage) => FILTERS.every((f) => !request.query.has(f) || message[f] === request.query.get(f));
  const states = allStates(emulator);
  if (request.method === 'DELETE') {
    let deleted = 0;
    for (const state of states) {
      const kept = state.outbox.filter((m) => !matches(m));
      deleted += state.outbox.length - kept.length;
      state.outbox.splice(0, state.outbox.length, ...kept);
    }
    return { deleted };
  }
  const messages = states.flatMap((state) => state.outbox.filter(matches));
  return { messages: messages.sort((a, b) => a.timestamp.localeCompare(b.timestamp)) };
}
