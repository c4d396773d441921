import { randomUUID } from 'node:crypto';
import type { FilterRule, GetBucketNotificationConfigurationRequest, NotificationConfiguration, PutBucketNotificationConfigurationRequest } from '@aws-sdk/client-s3';
import { AwsError } from '../../../core/errors.ts';
import { deliverySource, destinationsOf, SUBJECT, testEvent, type Destination } from '../notifications.ts';
import { S3Errors } from '../errors.ts';
import { requireBucket, type S3Context } from '../registry.ts';
import { parseArn } from '../../../core/arn.ts';

const EVENT = /^s3:(ObjectCreated|ObjectRemoved|ObjectRestore|ReducedRedundancyLostObject|Replication|LifecycleExpiration|LifecycleTransition|IntelligentTiering|ObjectTagging|ObjectAcl)(:[A-Za-z*]+)?$/;
/** The argument name AWS gives an unparsable destination ARN, by kind of destination. */
const ARGUMENT_NAME: Record<Destination['kind'], string> = { queue: 'Queue', topic: 'Topic', function: 'CloudFunction' };

/** AWS's checks of the document itself (events, filter rules, ARNs), made for every destination before any is contacted. */
function checkForm(destinations: Destination[]): void {
  for (const destination of destinations) {
    for (const event of destination.events) {
      if (!EVENT.test(event)) throw S3Errors.invalidArgument('The event is not supported for notifications', event, event);
    }
    for (const rule of destination.rules) {
      if (rule.Name === undefined || rule.Value === undefined) throw S3Errors.malformedXml();
      if (!['prefix', 'suffix'].includes(rule.Name.toLowerCase())) {
        throw S3Errors.invalidArgument('filter rule name must be either prefix or suffix', 'FilterRule.Name', rule.Name);
      }
    }
  }
  // AWS reports an unparsable ARN only after the rest of the document passed (AWS-recorded test_multiple_invalid_sqs_arns).
  const unparsable = destinations.find((d) => !parseArn(d.arn));
  if (unparsable) throw S3Errors.invalidArgument('The ARN could not be parsed', ARGUMENT_NAME[unparsable.kind], unparsable.arn);
}

/**
 * Why S3 cannot publish to a destination, or undefined when it can: a queue or topic gets the `s3:TestEvent` (a missing
 * one and one whose policy refuses are told apart); a function is only checked (an Invoke DryRun), and AWS says it is
 * not authorized whether it is missing or refuses.
 */
async function validationFailure(ctx: S3Context, bucket: Parameters<typeof deliverySource>[0], destination: Destination): Promise<[string, string] | undefined> {
  try {
    if (destination.kind === 'function') await ctx.emulator.deliver(destination.arn, { body: '', dryRun: true }, deliverySource(bucket));
    else await ctx.emulator.deliver(destination.arn, { body: testEvent(ctx, bucket), subject: SUBJECT }, deliverySource(bucket));
    return undefined;
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    if (destination.kind === 'function') return [`${destination.arn}, null`, `Not authorized to invoke function [${destination.arn}]`];
    const missing = /NonExistent|NotFound|DoesNotExist/i.test(error.code);
    const reason = missing
      ? `The destination ${destination.kind} does not exist`
      : `Permissions on the destination ${destination.kind} do not allow S3 to publish notifications from this bucket`;
    return [destination.arn, reason];
  }
}

/**
 * Rule names as AWS stores and returns them, whatever their case in the request (`suffix` -> `Suffix`); the SDK's
 * type names only the lower-case spelling its requests use.
 */
function normaliseRules(rules: FilterRule[] | undefined): void {
  for (const rule of rules ?? []) rule.Name = (rule.Name?.toLowerCase() === 'prefix' ? 'Prefix' : 'Suffix') as FilterRule['Name'];
}

/**
 * Stores a notification configuration after AWS's checks: known events, prefix/suffix filter rules, parsable ARNs,
 * then each destination reachable (unless SkipDestinationValidation) — every failing one is named in one
 * InvalidArgument, numbered as AWS numbers them.
 */
export async function putBucketNotificationConfiguration(input: PutBucketNotificationConfigurationRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const config: NotificationConfiguration = structuredClone(input.NotificationConfiguration ?? {});
  const destinations = destinationsOf(config);
  checkForm(destinations);
  if (!input.SkipDestinationValidation) {
    const failures: [string, string][] = [];
    const seen = new Set<string>();
    for (const destination of destinations) {
      if (seen.has(destination.arn)) continue;
      seen.add(destination.arn);
      const failure = await validationFailure(ctx, bucket, destination);
      if (failure) failures.push(failure);
    }
    if (failures.length) {
      const fields = Object.fromEntries(failures.flatMap(([name, value], i) => [[`ArgumentName${i + 1}`, name], [`ArgumentValue${i + 1}`, value]]));
      throw new AwsError('InvalidArgument', 'Unable to validate the following destination configurations', { status: 400, fields });
    }
  }
  for (const list of [config.QueueConfigurations, config.TopicConfigurations, config.LambdaFunctionConfigurations]) {
    for (const entry of list ?? []) {
      entry.Id ??= randomUUID();
      normaliseRules(entry.Filter?.Key?.FilterRules);
    }
  }
  bucket.configs.set('notification', config);
  return {};
}

export function getBucketNotificationConfiguration(input: GetBucketNotificationConfigurationRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  return { ...((bucket.configs.get('notification') as object | undefined) ?? {}) };
}
