import type { Emulator } from '../../core/emulator.ts';

/**
 * What SNS keeps per emulator rather than per account and region: confirmation tokens (the SubscribeURL is opened
 * without credentials, so it names neither), the messages sent to email, SMS and mobile endpoints, and the signing key.
 */
export interface SnsGlobals {
  readonly tokens: Map<string, { accountId: string; region: string; subscriptionArn: string; topicArn: string }>;
  readonly outbox: OutboxMessage[];
}

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

const globals = new WeakMap<Emulator, SnsGlobals>();

export function snsGlobals(emulator: Emulator): SnsGlobals {
  let value = globals.get(emulator);
  if (!value) {
    value = { tokens: new Map(), outbox: [] };
    globals.set(emulator, value);
  }
  return value;
}
