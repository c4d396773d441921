import type { ArnParts } from '../core/arn.ts';
import type { Caller } from '../core/service.ts';

/** A message attribute as SNS and SQS carry it. */
export interface DeliveryAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: Uint8Array;
}

/** What one service hands another: the common shape of an SQS message, SNS publish, Lambda event or stream record. */
export interface DeliveryPayload {
  /** The message, event or record body (JSON text for Lambda and EventBridge targets). */
  body: string;
  subject?: string;
  attributes?: Record<string, DeliveryAttribute>;
  /** FIFO targets (SQS FIFO queues, SNS FIFO topics). */
  messageGroupId?: string;
  messageDeduplicationId?: string;
  /** The X-Ray trace header the delivering service passes on (an SQS target keeps it as the AWSTraceHeader attribute). */
  traceHeader?: string;
  /** Stream targets (Kinesis, Firehose). */
  partitionKey?: string;
  /** Stream targets: the record's bytes when they are not the body's text (CloudWatch Logs' gzipped payloads). */
  data?: Uint8Array;
  /** HTTP(S) targets: request headers (the body is posted as is). */
  headers?: Record<string, string>;
  /**
   * Only check that the source may deliver, delivering nothing: a Lambda target answers an Invoke DryRun (S3 checks a
   * function so when a notification configuration names it). Targets that AWS checks by delivering ignore it.
   */
  dryRun?: boolean;
}

/** The service that delivers and the resource it acts for, as a target's resource policy sees them. */
export interface DeliverySource {
  /** e.g. `sns.amazonaws.com`, `s3.amazonaws.com`, `events.amazonaws.com`. */
  servicePrincipal: string;
  /** The resource the delivery is for: the topic, bucket, rule, function... (`aws:SourceArn`). */
  sourceArn: string;
  /** The source resource's account (`aws:SourceAccount`). */
  accountId: string;
  region: string;
  /**
   * Deliver as this identity instead of as the service principal: the role a service assumes for its deliveries
   * (Lambda destinations and dead-letter queues use the function's execution role), judged like any caller of its account.
   */
  asCaller?: Caller;
}

/** A call of one of the target service's own operations, made as the source service (through its front door). */
export type TargetCall = (operation: string, input: object) => Promise<unknown>;

/**
 * Declared by a service that can receive deliveries (`ServiceDefinition.deliveryTarget`): turns a payload into the
 * call a client would make (SQS SendMessage, Lambda Invoke with InvocationType Event, Kinesis PutRecord...), so that
 * validation, account walls, resource policies and fault injection apply as to any other caller.
 */
export interface DeliveryTarget {
  deliver(target: ArnParts & { arn: string }, payload: DeliveryPayload, call: TargetCall): Promise<unknown>;
}
