import type { GetResourcePoliciesResponseEntry } from '@aws-sdk/client-ssm';
import { jsonText, templateJson, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { SsmErrors } from '../errors.ts';

type Caller = Pick<ResourceRequest, 'call'>;

/** The policy's current entry (its hash changes with every update); ResourcePolicyNotFoundException when it is gone. */
async function current(request: Caller, resourceArn: string, policyId: string): Promise<GetResourcePoliciesResponseEntry> {
  let NextToken: string | undefined;
  do {
    const page = await request.call<{ Policies?: GetResourcePoliciesResponseEntry[]; NextToken?: string }>('ssm', 'GetResourcePolicies', { ResourceArn: resourceArn, NextToken });
    const found = page.Policies?.find((p) => p.PolicyId === policyId);
    if (found) return found;
    NextToken = page.NextToken;
  } while (NextToken);
  throw SsmErrors.policyNotFound();
}

/** The policy id and resource ARN a physical id `PolicyId|ResourceArn` joins. */
function identifiers(physicalId: string): { policyId: string; resourceArn: string } {
  const bar = physicalId.indexOf('|');
  return { policyId: physicalId.slice(0, bar), resourceArn: physicalId.slice(bar + 1) };
}

/**
 * `AWS::SSM::ResourcePolicy`: a policy of an OpsItemGroup or an advanced parameter. Ref is `PolicyId|ResourceArn`
 * (its primary identifier, which CDK's generated CfnResourcePolicy splits its Ref into); GetAtt PolicyId, PolicyHash.
 */
export const resourcePolicy: ResourceType = {
  async create(request) {
    const resourceArn = request.properties.ResourceArn as string;
    const { PolicyId, PolicyHash } = await request.call<{ PolicyId: string; PolicyHash: string }>('ssm', 'PutResourcePolicy', { ResourceArn: resourceArn, Policy: jsonText(request.properties.Policy) });
    return { physicalId: `${PolicyId}|${resourceArn}`, attributes: { PolicyId, PolicyHash } };
  },
  async update(request) {
    const { policyId, resourceArn } = identifiers(request.physicalId);
    const { PolicyHash } = await current(request, resourceArn, policyId);
    const updated = await request.call<{ PolicyHash: string }>('ssm', 'PutResourcePolicy', { ResourceArn: resourceArn, Policy: jsonText(request.properties.Policy), PolicyId: policyId, PolicyHash });
    return { physicalId: request.physicalId, attributes: { PolicyId: policyId, PolicyHash: updated.PolicyHash } };
  },
  async delete(request) {
    const { policyId, resourceArn } = identifiers(request.physicalId);
    const { PolicyHash } = await current(request, resourceArn, policyId);
    await request.call('ssm', 'DeleteResourcePolicy', { ResourceArn: resourceArn, PolicyId: policyId, PolicyHash });
  },
  async read(request) {
    const { policyId, resourceArn } = identifiers(request.physicalId);
    const { Policy } = await current(request, resourceArn, policyId);
    return { ResourceArn: resourceArn, Policy: templateJson(request.properties.Policy, Policy) };
  },
  createOnly: ['ResourceArn'],
  properties: ['ResourceArn', 'Policy'],
};
