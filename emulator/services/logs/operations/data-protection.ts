import type {
  DeleteDataProtectionPolicyRequest,
  GetDataProtectionPolicyRequest,
  GetDataProtectionPolicyResponse,
  PutDataProtectionPolicyRequest,
  PutDataProtectionPolicyResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import type { RequestContext } from '../../../core/service.ts';
import { parseDataProtectionPolicy } from '../data-protection.ts';
import { notFound } from '../errors.ts';
import { findGroup } from '../groups.ts';
import type { LogsState } from '../state.ts';

type Ctx = RequestContext<LogsState>;

/** Masks what the policy's identifiers find in events ingested from now on (earlier events stay as they were). */
export function putDataProtectionPolicy(input: PutDataProtectionPolicyRequest, ctx: Ctx): PutDataProtectionPolicyResponse {
  const group = findGroup(ctx.state, { logGroupIdentifier: input.logGroupIdentifier });
  parseDataProtectionPolicy(input.policyDocument!);
  group.dataProtection = { document: input.policyDocument!, lastUpdated: ctx.emulator.clock.now() };
  return { logGroupIdentifier: input.logGroupIdentifier, policyDocument: group.dataProtection.document, lastUpdatedTime: group.dataProtection.lastUpdated };
}

export function getDataProtectionPolicy(input: GetDataProtectionPolicyRequest, ctx: Ctx): GetDataProtectionPolicyResponse {
  const group = findGroup(ctx.state, { logGroupIdentifier: input.logGroupIdentifier });
  return { logGroupIdentifier: input.logGroupIdentifier, policyDocument: group.dataProtection?.document, lastUpdatedTime: group.dataProtection?.lastUpdated };
}

export function deleteDataProtectionPolicy(input: DeleteDataProtectionPolicyRequest, ctx: Ctx): object {
  const group = findGroup(ctx.state, { logGroupIdentifier: input.logGroupIdentifier });
  if (!group.dataProtection) throw notFound('The specified log group has no data protection policy.');
  group.dataProtection = undefined;
  return {};
}
