import type { DescribeOrganizationsAccessInput } from '@aws-sdk/client-cloudformation';
import { AwsError } from '../../../core/errors.ts';
import { checkCallAs } from '../stack-sets/requests.ts';

/**
 * Trusted access between CloudFormation stack sets and AWS Organizations. Twinstack serves no AWS Organizations, so
 * no account is an organization's management account: access is DISABLED and cannot be turned on or off.
 */
export function describeOrganizationsAccess(input: DescribeOrganizationsAccessInput) {
  checkCallAs(input.CallAs);
  return { Status: 'DISABLED' as const };
}

function notInOrganization(): AwsError {
  return new AwsError('InvalidOperationException', 'This account is not the management account of an organization in AWS Organizations');
}

export function activateOrganizationsAccess(): never {
  throw notInOrganization();
}

export function deactivateOrganizationsAccess(): never {
  throw notInOrganization();
}
