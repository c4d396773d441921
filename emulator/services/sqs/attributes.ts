import { LIMITS } from './limits.ts';
import { invalidAttributeName, invalidAttributeValue, unknownAttribute } from './errors.ts';

/** Attributes a queue stores (as AWS returns them: strings). */
export type QueueAttributes = Record<string, string>;

const STANDARD_DEFAULTS: QueueAttributes = {
  DelaySeconds: '0',
  MaximumMessageSize: String(LIMITS.maxMessageSize),
  MessageRetentionPeriod: '345600',
  ReceiveMessageWaitTimeSeconds: '0',
  VisibilityTimeout: '30',
  SqsManagedSseEnabled: 'true',
};

const FIFO_DEFAULTS: QueueAttributes = {
  FifoQueue: 'true',
  ContentBasedDeduplication: 'false',
  DeduplicationScope: 'queue',
  FifoThroughputLimit: 'perQueue',
};

export function defaultAttributes(fifo: boolean): QueueAttributes {
  return fifo ? { ...STANDARD_DEFAULTS, ...FIFO_DEFAULTS } : { ...STANDARD_DEFAULTS };
}

// Maps, so that names like `constructor` or `__proto__` are simply unknown attributes.
const INTEGER_RANGES = new Map<string, [number, number]>([
  ['DelaySeconds', [0, LIMITS.maxDelaySeconds]],
  ['MaximumMessageSize', [LIMITS.minMessageSize, LIMITS.maxMessageSize]],
  ['MessageRetentionPeriod', [LIMITS.minRetentionPeriod, LIMITS.maxRetentionPeriod]],
  ['ReceiveMessageWaitTimeSeconds', [0, LIMITS.maxWaitTimeSeconds]],
  ['VisibilityTimeout', [0, LIMITS.maxVisibilityTimeout]],
  ['KmsDataKeyReusePeriodSeconds', [60, 86_400]],
]);
const BOOLEANS = new Set(['SqsManagedSseEnabled', 'ContentBasedDeduplication', 'FifoQueue']);
const ENUMS = new Map<string, string[]>([
  ['DeduplicationScope', ['messageGroup', 'queue']],
  ['FifoThroughputLimit', ['perQueue', 'perMessageGroupId']],
]);
const FREE_TEXT = new Set(['Policy', 'RedrivePolicy', 'RedriveAllowPolicy', 'KmsMasterKeyId']);
const FIFO_ONLY_UNKNOWN = new Set(['FifoQueue', 'ContentBasedDeduplication']);
const FIFO_ONLY_EXPLAINED = new Set(['DeduplicationScope', 'FifoThroughputLimit']);

/** Attributes GetQueueAttributes computes rather than stores. */
export const COMPUTED_ATTRIBUTES = [
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
  'QueueArn',
];

export function isKnownAttributeName(name: string): boolean {
  return (
    name === 'All' ||
    COMPUTED_ATTRIBUTES.includes(name) ||
    INTEGER_RANGES.has(name) ||
    BOOLEANS.has(name) ||
    ENUMS.has(name) ||
    FREE_TEXT.has(name)
  );
}

/**
 * Checks attributes given to CreateQueue / SetQueueAttributes for a queue of the given type and returns them
 * normalised (booleans lower-case, integers without padding).
 */
export function validateAttributes(attributes: QueueAttributes, fifo: boolean): QueueAttributes {
  const out: QueueAttributes = Object.create(null) as QueueAttributes;
  for (const [name, raw] of Object.entries(attributes)) {
    const value = String(raw);
    if (!fifo && FIFO_ONLY_UNKNOWN.has(name)) throw unknownAttribute(name);
    if (!fifo && FIFO_ONLY_EXPLAINED.has(name)) {
      throw invalidAttributeName(`You can specify the ${name} only when FifoQueue is set to true.`);
    }
    const range = INTEGER_RANGES.get(name);
    const choices = ENUMS.get(name);
    if (range) {
      const [min, max] = range;
      const n = Number(value);
      if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) throw invalidAttributeValue(name);
      out[name] = String(n);
    } else if (BOOLEANS.has(name)) {
      const lower = value.toLowerCase();
      if (lower !== 'true' && lower !== 'false') throw invalidAttributeValue(name);
      if (name === 'FifoQueue' && lower !== 'true') throw invalidAttributeValue(name, 'Modifying queue type is not supported.');
      out[name] = lower;
    } else if (choices) {
      if (!choices.includes(value)) throw invalidAttributeValue(name);
      out[name] = value;
    } else if (FREE_TEXT.has(name)) {
      out[name] = value;
    } else {
      throw unknownAttribute(name);
    }
  }
  if (out.KmsMasterKeyId && out.SqsManagedSseEnabled === 'true') {
    throw invalidAttributeName(
      'You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.',
    );
  }
  return out;
}

/** Applies validated attributes: empty strings clear optional ones, and KMS and SQS-managed SSE exclude each other. */
export function applyAttributes(current: QueueAttributes, changes: QueueAttributes): void {
  for (const [name, value] of Object.entries(changes)) {
    if (value === '' && FREE_TEXT.has(name)) delete current[name];
    else current[name] = value;
  }
  if (changes.KmsMasterKeyId && changes.SqsManagedSseEnabled === undefined) current.SqsManagedSseEnabled = 'false';
  // Turning KMS SSE off (an empty key) drops its data key reuse period too, even one set in the same call
  // (AWS-recorded test_set_queue_attributes_default_values).
  if (changes.SqsManagedSseEnabled === 'true' || changes.KmsMasterKeyId === '') {
    delete current.KmsMasterKeyId;
    delete current.KmsDataKeyReusePeriodSeconds;
  }
}
