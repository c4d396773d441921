import type { OutboxMessage } from './outbox.ts';
import type { PlatformApplication, PlatformEndpoint } from './platform.ts';
import type { Subscription } from './subscription.ts';
import type { Topic } from './topic.ts';

/** SNS state of one account in one region. */
export class SnsState {
  /** Topics by ARN, in creation order (ListTopics pages through them). */
  readonly topics = new Map<string, Topic>();
  /** Subscriptions by ARN, in creation order. */
  readonly subscriptions = new Map<string, Subscription>();
  readonly platformApplications = new Map<string, PlatformApplication>();
  readonly platformEndpoints = new Map<string, PlatformEndpoint>();
  readonly smsAttributes = new Map<string, string>();
  /** Phone numbers of the SMS sandbox: number -> Pending | Verified. */
  readonly sandboxNumbers = new Map<string, 'Pending' | 'Verified'>();
  readonly optedOut = new Set<string>();
  /** Messages sent to email, SMS and mobile endpoints, readable at `/_twinstack/sns/messages`. */
  readonly outbox: OutboxMessage[] = [];
  /**
   * Confirmation tokens sent for this state's topics (SubscriptionConfirmation, UnsubscribeConfirmation), kept with
   * the state so that a SubscribeURL still confirms after a restart with `--persist`.
   */
  readonly confirmationTokens = new Map<string, { subscriptionArn: string; topicArn: string }>();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}
}
