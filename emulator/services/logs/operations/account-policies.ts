import type {
  AccountPolicy as AccountPolicyShape,
  DeleteAccountPolicyRequest,
  DescribeAccountPoliciesRequest,
  DescribeAccountPoliciesResponse,
  PutAccountPolicyRequest,
  PutAccountPolicyResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { parseDataProtectionPolicy } from '../data-protection.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { page } from '../pages.ts';
import type { AccountPolicy, LogsState } from '../state.ts';
import { parseTransformerConfig } from '../transformer/index.ts';
import { parseIndexPolicy } from './index-policies.ts';

type Ctx = RequestContext<LogsState>;

/** AWS's quotas of account policies per type (one data protection policy, two subscription filter policies...). */
const MAX_PER_TYPE: Record<string, number> = {
  DATA_PROTECTION_POLICY: 1,
  SUBSCRIPTION_FILTER_POLICY: 2,
  FIELD_INDEX_POLICY: 40,
  TRANSFORMER_POLICY: 20,
  METRIC_EXTRACTION_POLICY: 5,
};

/** The selection criteria each type takes: log groups left out by name, or chosen by name prefix. */
const CRITERIA: Record<string, RegExp | undefined> = {
  SUBSCRIPTION_FILTER_POLICY: /^\s*LogGroupName\s+NOT IN\s*\[.*\]\s*$/s,
  FIELD_INDEX_POLICY: /^\s*LogGroupNamePrefix\s+IN\s*\[.*\]\s*$/s,
  TRANSFORMER_POLICY: /^\s*LogGroupNamePrefix\s+IN\s*\[.*\]\s*$/s,
  METRIC_EXTRACTION_POLICY: /^\s*LogGroupNamePrefix\s+IN\s*\[.*\]\s*$/s,
};

function checkDocument(type: string, document: string): void {
  if (type === 'DATA_PROTECTION_POLICY') return void parseDataProtectionPolicy(document);
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    throw invalidParameter('Invalid policy document: the policy must be a valid JSON document.');
  }
  if (type === 'TRANSFORMER_POLICY') parseTransformerConfig((parsed as { transformerConfig?: unknown })?.transformerConfig);
  if (type === 'FIELD_INDEX_POLICY') parseIndexPolicy(document);
}

export function putAccountPolicy(input: PutAccountPolicyRequest, ctx: Ctx): PutAccountPolicyResponse {
  const type = input.policyType!;
  if (input.selectionCriteria !== undefined) {
    const allowed = CRITERIA[type];
    if (!allowed) throw invalidParameter(`selectionCriteria is not supported for policy type ${type}.`);
    if (!allowed.test(input.selectionCriteria)) throw invalidParameter(`Invalid selectionCriteria: ${input.selectionCriteria}`);
  }
  checkDocument(type, input.policyDocument!);
  const key = `${type}/${input.policyName}`;
  const ofType = [...ctx.state.accountPolicies.values()].filter((p) => p.policyType === type);
  if (!ctx.state.accountPolicies.has(key) && ofType.length >= MAX_PER_TYPE[type]) {
    throw new AwsError('LimitExceededException', `Account policy quota of ${MAX_PER_TYPE[type]} for policy type ${type} exceeded.`);
  }
  const policy: AccountPolicy = {
    policyName: input.policyName!,
    policyType: type,
    policyDocument: input.policyDocument!,
    scope: 'ALL',
    selectionCriteria: input.selectionCriteria,
    lastUpdatedTime: ctx.emulator.clock.now(),
  };
  ctx.state.accountPolicies.set(key, policy);
  return { accountPolicy: view(policy, ctx.accountId) };
}

export function describeAccountPolicies(input: DescribeAccountPoliciesRequest, ctx: Ctx): DescribeAccountPoliciesResponse {
  // Other accounts' policies are reached through an organization's monitoring account, not served: own account only.
  if (input.accountIdentifiers?.length && !input.accountIdentifiers.includes(ctx.accountId)) return { accountPolicies: [] };
  const matching = [...ctx.state.accountPolicies.values()].filter(
    (p) => p.policyType === input.policyType && (input.policyName === undefined || p.policyName === input.policyName),
  );
  if (input.policyName !== undefined && !matching.length) throw notFound(`Policy with name [${input.policyName}] does not exist.`);
  const { items, nextToken } = page(matching, input.nextToken, 50);
  return { accountPolicies: items.map((p) => view(p, ctx.accountId)), nextToken };
}

export function deleteAccountPolicy(input: DeleteAccountPolicyRequest, ctx: Ctx): object {
  if (!ctx.state.accountPolicies.delete(`${input.policyType}/${input.policyName}`)) throw notFound(`Policy with name [${input.policyName}] does not exist.`);
  return {};
}

function view(p: AccountPolicy, accountId: string): AccountPolicyShape {
  return {
    policyName: p.policyName,
    policyDocument: p.policyDocument,
    lastUpdatedTime: p.lastUpdatedTime,
    policyType: p.policyType as AccountPolicyShape['policyType'],
    scope: p.scope,
    selectionCriteria: p.selectionCriteria,
    accountId,
  };
}
