import { buildArn, parseArn } from '../../core/arn.ts';
import type { Caller } from '../../core/service.ts';
import type { LambdaFunction } from './function.ts';

/**
 * The identity Lambda acts as for a function's own work (destinations, dead-letter queues, polling event sources):
 * a session of the function's execution role, in the role's account, as on AWS. Without a parseable role ARN, the
 * function's account root.
 */
export function executionRoleCaller(fn: LambdaFunction, region: string): Caller {
  const role = parseArn(fn.latest.config.Role ?? '');
  const accountId = role?.accountId || fn.arn.split(':')[4];
  const name = role?.resource.split('/').pop();
  const arn = name
    ? buildArn({ service: 'sts', region: '', accountId, resource: `assumed-role/${name}/${fn.name}`, partitionRegion: region })
    : buildArn({ service: 'iam', region: '', accountId, resource: 'root', partitionRegion: region });
  return { accountId, arn };
}
