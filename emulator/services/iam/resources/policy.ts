import { type Properties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { policyText, targets } from './attachments.ts';

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
    await put(request, request.properties);
    return { physicalId: request.physicalName({ maxLength: 32 }), attributes: { Id: request.logicalId } };
  },
  async update(request) {
    const keep = request.previous.PolicyName === request.properties.PolicyName ? targets(request.properties) : [];
    await remove(request, request.previous, keep);
    await put(request, request.properties);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await remove(request, request.properties);
  },
};
