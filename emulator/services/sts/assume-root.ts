import type { AssumeRootCommandInput, AssumeRootCommandOutput } from '@aws-sdk/client-sts';
import type { RequestContext } from '../../core/service.ts';
import { StsErrors } from './errors.ts';
import { callerIdentity, parseArn, rootArn } from './identity.ts';
import { issueCredentials } from './issue.ts';

/** The AWS managed policies that scope a privileged root session (the only ones AssumeRoot accepts). */
const ROOT_TASK_POLICIES = new Set([
  'IAMAuditRootUserCredentials',
  'IAMCreateRootUserPassword',
  'IAMDeleteRootUserCredentials',
  'S3UnlockBucketPolicy',
  'SQSUnlockQueuePolicy',
]);

function targetAccount(principal: string): string {
  if (/^\d{12}$/.test(principal)) return principal;
  const account = parseArn(principal).account;
  if (!/^\d{12}$/.test(account)) throw StsErrors.invalidArn(principal);
  return account;
}

/**
 * Root credentials for a member account. twinstack has no organizations, so any non-root caller may open a
 * privileged session in any account; AWS's documented rule that root users cannot call AssumeRoot still holds.
 */
export function assumeRoot(input: AssumeRootCommandInput, ctx: RequestContext): Omit<AssumeRootCommandOutput, '$metadata'> {
  const caller = callerIdentity(ctx);
  if (caller.arn.endsWith(':root')) throw StsErrors.accessDenied('AssumeRoot cannot be called with root user credentials.');
  const policyArn = input.TaskPolicyArn?.arn ?? '';
  const policy = /^arn:[\w-]+:iam::aws:policy\/root-task\/(.+)$/.exec(policyArn)?.[1];
  if (!policy || !ROOT_TASK_POLICIES.has(policy)) throw StsErrors.validation(`${policyArn} is not a valid root task policy ARN`);
  const accountId = targetAccount(input.TargetPrincipal!);
  const credentials = issueCredentials(ctx, {
    accountId,
    arn: rootArn(ctx.region, accountId),
    userId: accountId,
    durationSeconds: input.DurationSeconds ?? 900,
    session: { kind: 'root', transitiveTags: new Map() },
  });
  return { Credentials: credentials };
}
