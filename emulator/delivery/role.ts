import { parseArn } from '../core/arn.ts';
import type { Caller } from '../core/service.ts';

/**
 * A session of the IAM role a service assumes to deliver (SNS SubscriptionRoleArn, a Logs subscription filter's
 * roleArn, Firehose's RoleARN): the caller the target judges, as that role's account. Undefined for text that is not a
 * role ARN.
 */
export function roleSession(roleArn: string | undefined, sessionName: string): Caller | undefined {
  const role = roleArn ? parseArn(roleArn) : undefined;
  const name = role?.service === 'iam' && role.resource.startsWith('role/') ? role.resource.split('/').at(-1) : undefined;
  if (!role || !name || !/^\d{12}$/.test(role.accountId)) return undefined;
  return { accountId: role.accountId, arn: `arn:${role.partition}:sts::${role.accountId}:assumed-role/${name}/${sessionName}` };
}
