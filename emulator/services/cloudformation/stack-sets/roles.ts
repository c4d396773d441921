import type { AssumeRoleCommandOutput } from '@aws-sdk/client-sts';
import { accountRootArn, buildArn } from '../../../core/arn.ts';
import type { Emulator } from '../../../core/emulator.ts';
import { AwsError } from '../../../core/errors.ts';
import type { Caller } from '../../../core/service.ts';
import type { StackSet } from './model.ts';

export const DEFAULT_ADMIN_ROLE = 'AWSCloudFormationStackSetAdministrationRole';
export const DEFAULT_EXECUTION_ROLE = 'AWSCloudFormationStackSetExecutionRole';

/** The administration role of a self-managed stack set: the one given, else AWS's default in the stack set's account. */
export function adminRoleArn(given: string | undefined, accountId: string, region: string): string {
  return given ?? buildArn({ service: 'iam', region: '', accountId, resource: `role/${DEFAULT_ADMIN_ROLE}`, partitionRegion: region });
}

/** Why a target could not be reached: the operation result's and the account gate's reason. */
export class TargetUnreachable extends Error {}

function roleName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

async function assume(emulator: Emulator, roleArn: string, caller: Caller, region: string): Promise<Caller> {
  const out = await emulator.call<AssumeRoleCommandOutput>('sts', 'AssumeRole', { RoleArn: roleArn, RoleSessionName: 'StackSet' }, { caller, region });
  const accountId = roleArn.split(':')[4];
  return { accountId, arn: out.AssumedRoleUser!.Arn!, accessKeyId: out.Credentials!.AccessKeyId };
}

async function roleExists(emulator: Emulator, arn: string, region: string): Promise<boolean> {
  if (!emulator.isEnabled('iam')) return true;
  const accountId = arn.split(':')[4];
  try {
    await emulator.call('iam', 'GetRole', { RoleName: roleName(arn) }, { caller: { accountId, arn: accountRootArn(accountId, region) }, region });
    return true;
  } catch (error) {
    if (error instanceof AwsError && error.code === 'NoSuchEntityException') return false;
    throw error;
  }
}

/**
 * The identity a self-managed stack set's stacks are made as in one target account: CloudFormation assumes the
 * administration role (which must trust cloudformation.amazonaws.com), and as that role the execution role in the
 * target account (which must trust the administration role), with AWS's reasons when either is missing or refuses.
 */
export async function executionCaller(emulator: Emulator, set: StackSet, adminAccount: string, target: { account: string; region: string }): Promise<Caller> {
  const adminArn = set.adminRoleArn!;
  const adminFailure = new TargetUnreachable(`Account ${adminAccount} should have '${roleName(adminArn)}' role with trust relationship to CloudFormation service.`);
  if (!(await roleExists(emulator, adminArn, target.region))) throw adminFailure;
  const service: Caller = { accountId: adminAccount, arn: accountRootArn(adminAccount, target.region), servicePrincipal: 'cloudformation.amazonaws.com', sourceArn: set.arn, sourceAccount: adminAccount };
  let admin: Caller;
  try {
    admin = await assume(emulator, adminArn, service, target.region);
  } catch {
    throw adminFailure;
  }
  const executionArn = buildArn({ service: 'iam', region: '', accountId: target.account, resource: `role/${set.executionRoleName}`, partitionRegion: target.region });
  try {
    return await assume(emulator, executionArn, admin, target.region);
  } catch {
    throw new TargetUnreachable(`Account ${target.account} should have '${set.executionRoleName}' role with trust relationship to Role '${roleName(adminArn)}'.`);
  }
}
