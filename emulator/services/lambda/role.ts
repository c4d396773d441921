import { buildArn, parseArn } from '../../core/arn.ts';
import type { Caller } from '../../core/service.ts';
import type { LambdaFunction } from './function.ts';

/**
 * The session name of a function's execution role: the function's name, which a one-character name (shorter than
 * STS's two-character minimum) extends with `@lambda_function`, as AWS does (AWS-recorded test_assume_role[1]).
 */
export function roleSessionName(fn: LambdaFunction): string {
  return fn.name.length < 2 ? `${fn.name}@lambda_function` : fn.name;
}

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
    ? buildArn({ service: 'sts', region: '', accountId, resource: `assumed-role/${name}/${roleSessionName(fn)}`, partitionRegion: region })
    : buildArn({ service: 'iam', region: '', accountId, resource: 'root', partitionRegion: region });
  return { accountId, arn };
}
