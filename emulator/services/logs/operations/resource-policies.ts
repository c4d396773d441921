import type {
  DeleteResourcePolicyRequest,
  DescribeResourcePoliciesRequest,
  DescribeResourcePoliciesResponse,
  PutResourcePolicyRequest,
  PutResourcePolicyResponse,
  ResourcePolicy as ResourcePolicyShape,
} from '@aws-sdk/client-cloudwatch-logs';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { page } from '../pages.ts';
import type { LogsState, ResourcePolicy } from '../state.ts';

type Ctx = RequestContext<LogsState>;

/** AWS allows 10 account-level resource policies per region. */
const MAX_POLICIES = 10;

function shape(policy: ResourcePolicy): ResourcePolicyShape {
  return { policyName: policy.policyName, policyDocument: policy.policyDocument, lastUpdatedTime: policy.lastUpdatedTime, policyScope: 'ACCOUNT' };
}

export function putResourcePolicy(input: PutResourcePolicyRequest, ctx: Ctx): PutResourcePolicyResponse {
  if (!input.policyName || !input.policyDocument) throw invalidParameter('policyName and policyDocument are required.');
  try {
    JSON.parse(input.policyDocument);
  } catch {
    throw invalidParameter('Invalid policy document.');
  }
  if (!ctx.state.resourcePolicies.has(input.policyName) && ctx.state.resourcePolicies.size >= MAX_POLICIES) {
    throw new AwsError('LimitExceededException', 'Resource limit exceeded.');
  }
  const policy = { policyName: input.policyName, policyDocument: input.policyDocument, lastUpdatedTime: ctx.emulator.clock.now() };
  ctx.state.resourcePolicies.set(policy.policyName, policy);
  return { resourcePolicy: shape(policy) };
}

export function deleteResourcePolicy(input: DeleteResourcePolicyRequest, ctx: Ctx): object {
  if (!input.policyName || !ctx.state.resourcePolicies.delete(input.policyName)) {
    throw notFound(`Policy with name [${input.policyName}] does not exist.`);
  }
  return {};
}

export function describeResourcePolicies(input: DescribeResourcePoliciesRequest, ctx: Ctx): DescribeResourcePoliciesResponse {
  const { items, nextToken } = page([...ctx.state.resourcePolicies.values()], input.nextToken, input.limit ?? 50);
  return { resourcePolicies: items.map(shape), nextToken };
}
