import { randomUUID } from 'node:crypto';
import type { GetBucketNotificationConfigurationRequest, NotificationConfiguration, PutBucketNotificationConfigurationRequest } from '@aws-sdk/client-s3';
import { AwsError } from '../../../core/errors.ts';
import { deliverySource, destinationsOf, testEvent } from '../notifications.ts';
import { S3Errors } from '../errors.ts';
import { requireBucket, type S3Context } from '../registry.ts';
import { parseArn } from '../../../core/arn.ts';

const EVENT = /^s3:(ObjectCreated|ObjectRemoved|ObjectRestore|ReducedRedundancyLostObject|Replication|LifecycleExpiration|LifecycleTransition|IntelligentTiering|ObjectTagging|ObjectAcl)(:[A-Za-z*]+)?$/;

/**
 * Stores a notification configuration after AWS's checks: known events, prefix/suffix filter rules, and each
 * destination reachable — S3 sends it an `s3:TestEvent`, and a destination that refuses is AWS's InvalidArgument.
 */
export async function putBucketNotificationConfiguration(input: PutBucketNotificationConfigurationRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const config: NotificationConfiguration = structuredClone(input.NotificationConfiguration ?? {});
  for (const list of [config.QueueConfigurations, config.TopicConfigurations, config.LambdaFunctionConfigurations]) {
    for (const entry of list ?? []) entry.Id ??= randomUUID();
  }
  const destinations = destinationsOf(config);
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
    if (!parseArn(destination.arn)) throw S3Errors.invalidArgument('The ARN could not be parsed', destination.arn, destination.arn);
  }
  if (!input.SkipDestinationValidation) {
    for (const destination of destinations) {
      try {
        await ctx.emulator.deliver(destination.arn, { body: testEvent(ctx, bucket) }, deliverySource(bucket));
      } catch (error) {
        if (!(error instanceof AwsError)) throw error;
        throw new AwsError('InvalidArgument', 'Unable to validate the following destination configurations', {
          status: 400,
          fields: { ArgumentName1: destination.arn, ArgumentValue1: 'Permissions on the destination do not allow S3 to publish notifications from this bucket' },
        });
      }
    }
  }
  bucket.configs.set('notification', config);
  return {};
}

export function getBucketNotificationConfiguration(input: GetBucketNotificationConfigurationRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  return { ...((bucket.configs.get('notification') as object | undefined) ?? {}) };
}
