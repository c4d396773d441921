import { DEFAULT_HTTP_DELIVERY_POLICY } from './topic.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function withoutNulls(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

/**
 * A topic DeliveryPolicy as AWS stores it (recorded): members set to null are dropped, and the http part says
 * `disableSubscriptionOverrides` (false unless given), after its healthy retry policy and before its request policy.
 */
export function storedDeliveryPolicy(text: string): string {
  const policy = JSON.parse(text) as Json;
  if (!isObject(policy.http)) return text;
  const http = withoutNulls(policy.http);
  const { defaultHealthyRetryPolicy, disableSubscriptionOverrides = false, ...rest } = http;
  const ordered = {
    ...(defaultHealthyRetryPolicy !== undefined ? { defaultHealthyRetryPolicy } : {}),
    disableSubscriptionOverrides,
    ...rest,
  };
  return JSON.stringify({ ...policy, http: ordered });
}

/**
 * The EffectiveDeliveryPolicy: the topic's http policy over AWS's defaults, member by member in the healthy retry
 * policy (unset members take the defaults), the request policy as given or the default one.
 */
export function effectiveDeliveryPolicy(stored: string | undefined): string {
  const policy = stored ? (JSON.parse(stored) as Json) : {};
  const http = isObject(policy.http) ? policy.http : {};
  const healthy = isObject(http.defaultHealthyRetryPolicy) ? http.defaultHealthyRetryPolicy : {};
  const { defaultHealthyRetryPolicy: _h, disableSubscriptionOverrides, defaultRequestPolicy, ...rest } = http;
  return JSON.stringify({
    ...policy,
    http: {
      defaultHealthyRetryPolicy: { ...DEFAULT_HTTP_DELIVERY_POLICY.defaultHealthyRetryPolicy, ...healthy },
      disableSubscriptionOverrides: disableSubscriptionOverrides ?? false,
      defaultRequestPolicy: defaultRequestPolicy ?? DEFAULT_HTTP_DELIVERY_POLICY.defaultRequestPolicy,
      ...rest,
    },
  });
}
