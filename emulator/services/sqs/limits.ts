/** SQS quotas (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html). */
export const LIMITS = {
  /** 1 MiB since August 2025, for single messages and for the sum of a batch. */
  maxMessageSize: 1_048_576,
  minMessageSize: 1024,
  maxBatchEntries: 10,
  maxReceiveMessages: 10,
  maxWaitTimeSeconds: 20,
  maxVisibilityTimeout: 43_200,
  maxDelaySeconds: 900,
  minRetentionPeriod: 60,
  maxRetentionPeriod: 1_209_600,
  /** FIFO deduplication interval. */
  deduplicationWindowMs: 5 * 60 * 1000,
  /** One PurgeQueue per queue per minute. */
  purgeIntervalMs: 60 * 1000,
  maxQueueNameLength: 80,
  maxListResults: 1000,
} as const;
