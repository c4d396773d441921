import type { Emulator } from '../../core/emulator.ts';

/**
 * What SNS keeps per emulator rather than per account and region: confirmation tokens, as the SubscribeURL is opened
 * without credentials and so names neither (a token whose subscription is gone, after a reset too, is refused).
 */
export interface SnsGlobals {
  readonly tokens: Map<string, { accountId: string; region: string; subscriptionArn: string; topicArn: string }>;
}

const globals = new WeakMap<Emulator, SnsGlobals>();

export function snsGlobals(emulator: Emulator): SnsGlobals {
  let value = globals.get(emulator);
  if (!value) {
    value = { tokens: new Map() };
    globals.set(emulator, value);
  }
  return value;
}
