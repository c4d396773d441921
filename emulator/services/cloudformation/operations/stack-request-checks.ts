import type { CreateStackInput } from '@aws-sdk/client-cloudformation';
import { accountRootArn, parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { Caller } from '../../../core/service.ts';
import { validationError } from '../errors.ts';
import type { Template } from '../template/parse.ts';
import type { CfnContext } from './template-input.ts';

/** Whether a resource type is one a `ResourceTypes` entry allows: `AWS::*`, `AWS::SNS::*`, `Custom::*`, or the type itself. */
function allowedBy(type: string, pattern: string): boolean {
  return pattern.endsWith('::*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern;
}

/** `ResourceTypes` of CreateStack/UpdateStack: every resource of the template must be of a type it allows (AWS's message). */
export function checkResourceTypes(template: Template, resourceTypes: string[] | undefined): void {
  if (resourceTypes === undefined) return;
  for (const resource of Object.values(template.Resources ?? {})) {
    if (!resourceTypes.some((pattern) => allowedBy(resource.Type, pattern))) {
      throw validationError(`Resource type ${resource.Type} is not allowed by parameter ResourceTypes [${resourceTypes.join(', ')}]`);
    }
  }
}

const TRIGGER_TYPES = new Set(['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm']);

/** A RollbackConfiguration's triggers: CloudWatch alarms named by alarm ARNs (AWS's messages, type checked first). */
export function checkRollbackConfiguration(config: CreateStackInput['RollbackConfiguration']): void {
  for (const trigger of config?.RollbackTriggers ?? []) {
    if (!TRIGGER_TYPES.has(trigger.Type ?? '')) throw validationError('Rollback Trigger Type not supported');
    const arn = parseArn(trigger.Arn ?? '');
    if (!arn || arn.service !== 'cloudwatch' || !arn.resource.startsWith('alarm:')) throw validationError("RelativeId of a Rollback Trigger's ARN is incorrect");
  }
}

/**
 * A service role (RoleARN) must be one CloudFormation can assume: an IAM role of the account whose trust policy lets
 * cloudformation.amazonaws.com assume it, else AWS's "invalid or cannot be assumed".
 */
export async function checkServiceRole(ctx: CfnContext, roleArn: string | undefined): Promise<void> {
  if (roleArn === undefined || !ctx.emulator.isEnabled('iam') || !ctx.emulator.isEnabled('sts')) return;
  const invalid = validationError(`Role ${roleArn} is invalid or cannot be assumed`);
  const arn = parseArn(roleArn);
  if (!arn || arn.service !== 'iam' || !arn.resource.startsWith('role/')) throw invalid;
  const root = { accountId: arn.accountId, arn: accountRootArn(arn.accountId, ctx.region) };
  const service: Caller = { ...root, servicePrincipal: 'cloudformation.amazonaws.com', sourceAccount: ctx.accountId };
  try {
    await ctx.emulator.call('iam', 'GetRole', { RoleName: arn.resource.slice(arn.resource.lastIndexOf('/') + 1) }, { caller: root, region: ctx.region });
    await ctx.emulator.call('sts', 'AssumeRole', { RoleArn: roleArn, RoleSessionName: 'AWSCloudFormation' }, { caller: service, region: ctx.region });
  } catch (error) {
    if (error instanceof AwsError && (error.code === 'NoSuchEntityException' || error.code === 'AccessDenied')) throw invalid;
    throw error;
  }
}
