import { effectiveDeliveryPolicy } from './delivery-policy.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The members of a retry policy, in the order AWS writes them back (AWS-recorded sub-attrs). */
const RETRY_MEMBERS = ['minDelayTarget', 'maxDelayTarget', 'numRetries', 'numMaxDelayRetries', 'numNoDelayRetries', 'numMinDelayRetries', 'backoffFunction'];
const BACKOFF_FUNCTIONS = ['arithmetic', 'exponential', 'geometric', 'linear'];
/** AWS's limits for HTTP/S retry policies ("Amazon SNS message delivery retries"). */
const MAX_DELAY_TARGET = 3600;
const MAX_RETRIES = 100;

function checkRetryPolicy(name: string, policy: Json, fail: (detail: string) => Error): Json {
  const at = (member: string) => `${name}.${member}`;
  for (const member of ['minDelayTarget', 'maxDelayTarget', 'numRetries']) {
    if (policy[member] === undefined || policy[member] === null) throw fail(`DeliveryPolicy: ${at(member)} must be specified`);
  }
  for (const member of RETRY_MEMBERS.slice(0, 6)) {
    const value = policy[member];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value))) throw fail(`DeliveryPolicy: ${at(member)} must be an integer`);
  }
  const n = (member: string) => (policy[member] as number | undefined) ?? 0;
  if (n('minDelayTarget') < 1) throw fail(`DeliveryPolicy: ${at('minDelayTarget')} must be greater than or equal to 1`);
  if (n('maxDelayTarget') > MAX_DELAY_TARGET) throw fail(`DeliveryPolicy: ${at('maxDelayTarget')} must be less than or equal to ${MAX_DELAY_TARGET}`);
  if (n('maxDelayTarget') < n('minDelayTarget')) throw fail(`DeliveryPolicy: ${at('maxDelayTarget')} must be greater than or equal to minDelayTarget`);
  if (n('numRetries') > MAX_RETRIES) throw fail(`DeliveryPolicy: ${at('numRetries')} must be less than or equal to ${MAX_RETRIES}`);
  for (const member of ['numRetries', 'numMaxDelayRetries', 'numNoDelayRetries', 'numMinDelayRetries']) {
    if (n(member) < 0) throw fail(`DeliveryPolicy: ${at(member)} must be greater than or equal to 0`);
  }
  if (n('numRetries') < n('numMinDelayRetries') + n('numNoDelayRetries') + n('numMaxDelayRetries')) {
    throw fail(`DeliveryPolicy: ${at('numRetries')} must be greater than or equal to total of numMinDelayRetries, numNoDelayRetries and numMaxDelayRetries`);
  }
  const backoff = policy.backoffFunction;
  if (backoff !== undefined && !BACKOFF_FUNCTIONS.includes(backoff as string)) {
    throw fail(`DeliveryPolicy: ${at('backoffFunction')} must be one of ${BACKOFF_FUNCTIONS.join(', ')}`);
  }
  const unknown = Object.keys(policy).find((k) => !RETRY_MEMBERS.includes(k));
  if (unknown) throw fail(`DeliveryPolicy: ${name}.${unknown} is not a valid attribute`);
  return Object.fromEntries(RETRY_MEMBERS.filter((k) => policy[k] !== undefined).map((k) => [k, policy[k]]));
}

/**
 * Checks a subscription's DeliveryPolicy against AWS's limits and returns it as AWS stores it (AWS-recorded
 * test_subscribe_external_http_endpoint_content_type): every part present, null when not given, `guaranteed` false
 * unless given, retry policy members in AWS's order.
 */
export function storedSubscriptionDeliveryPolicy(policy: unknown, fail: (detail: string) => Error): string {
  if (!isObject(policy)) throw fail('DeliveryPolicy: must be a JSON object');
  const retry = (name: string) => (isObject(policy[name]) ? checkRetryPolicy(name, policy[name], fail) : policy[name] === undefined || policy[name] === null ? null : fail(`DeliveryPolicy: ${name} must be a JSON object`));
  const healthy = retry('healthyRetryPolicy');
  const sickly = retry('sicklyRetryPolicy');
  if (healthy instanceof Error) throw healthy;
  if (sickly instanceof Error) throw sickly;
  const throttle = policy.throttlePolicy;
  if (isObject(throttle) && throttle.maxReceivesPerSecond !== undefined) {
    const rate = throttle.maxReceivesPerSecond;
    if (typeof rate !== 'number' || !Number.isInteger(rate) || rate < 1) throw fail('DeliveryPolicy: throttlePolicy.maxReceivesPerSecond must be greater than or equal to 1');
  }
  const request = policy.requestPolicy;
  if (request !== undefined && request !== null && !(isObject(request) && typeof (request.headerContentType ?? '') === 'string')) {
    throw fail('DeliveryPolicy: requestPolicy.headerContentType must be a string');
  }
  return JSON.stringify({
    healthyRetryPolicy: healthy,
    sicklyRetryPolicy: sickly,
    throttlePolicy: throttle ?? null,
    requestPolicy: request ?? null,
    guaranteed: policy.guaranteed ?? false,
  });
}

/**
 * A subscription's EffectiveDeliveryPolicy: its own policy, with the topic's effective healthy retry policy and request
 * policy where it sets none (or everywhere, when the topic disables subscription overrides).
 */
export function effectiveSubscriptionDeliveryPolicy(stored: string | undefined, topicPolicy: string | undefined): string {
  const topic = (JSON.parse(effectiveDeliveryPolicy(topicPolicy)) as { http: Json }).http;
  const own = stored && !topic.disableSubscriptionOverrides ? (JSON.parse(stored) as Json) : {};
  const healthy = isObject(own.healthyRetryPolicy) ? { ...(topic.defaultHealthyRetryPolicy as Json), ...own.healthyRetryPolicy } : topic.defaultHealthyRetryPolicy;
  return JSON.stringify({
    healthyRetryPolicy: Object.fromEntries(RETRY_MEMBERS.filter((k) => (healthy as Json)[k] !== undefined).map((k) => [k, (healthy as Json)[k]])),
    sicklyRetryPolicy: own.sicklyRetryPolicy ?? null,
    throttlePolicy: own.throttlePolicy ?? null,
    requestPolicy: own.requestPolicy ?? topic.defaultRequestPolicy,
    guaranteed: own.guaranteed ?? false,
  });
}
