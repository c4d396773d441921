import { AwsError } from '../../../core/errors.ts';
import { type Properties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { policyText, targets } from './attachments.ts';

/**
 * The type's documentation: Groups, Roles and Users are each optional, but one must be given. AWS gives the resource
 * its id first and fails after (LocalStack's test_blocked_stack_deletion, recorded against AWS: CREATE_FAILED with a
 * physical id, then its deletion fails too, so the rollback and a DeleteStack fail until the policy is retained).
 * The wording is AWS's status reason, as its users quote it (guardian/elk-stack#38).
 */
function checkIdentities(properties: Properties): void {
  if (!targets(properties).length) throw new AwsError('ValidationError', 'At least one of [Groups,Roles,Users] must be non-empty.');
}

async function put(request: ResourceRequest, properties: Properties) {
  for (const [kind, name] of targets(properties)) {
    await request.call('iam', `Put${kind}Policy`, { [`${kind}Name`]: name, PolicyName: properties.PolicyName, PolicyDocument: policyText(properties.PolicyDocument) });
  }
}

async function remove(request: ResourceRequest, properties: Properties, keep: [string, string][] = []) {
  for (const [kind, name] of targets(properties)) {
    if (keep.some(([k, n]) => k === kind && n === name)) continue;
    await request.call('iam', `Delete${kind}Policy`, { [`${kind}Name`]: name, PolicyName: properties.PolicyName }).catch(() => undefined);
  }
}

/** `AWS::IAM::Policy`: one inline policy put on each role, user and group it names; Ref is a generated id. */
export const policy: ResourceType = {
  async create(request) {
    const physicalId = request.physicalName({ maxLength: 32 });
    request.initiated?.(physicalId);
    checkIdentities(request.properties);
    await put(request, request.properties);
    return { physicalId, attributes: { Id: request.logicalId } };
  },
  async update(request) {
    checkIdentities(request.properties);
    const keep = request.previous.PolicyName === request.properties.PolicyName ? targets(request.properties) : [];
    await remove(request, request.previous, keep);
    await put(request, request.properties);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    checkIdentities(request.properties);
    await remove(request, request.properties);
  },
  properties: ['PolicyName', 'PolicyDocument', 'Groups', 'Roles', 'Users'],
};
