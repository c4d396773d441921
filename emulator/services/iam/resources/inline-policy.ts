import type { ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';
import { policyText, type Kind } from './attachments.ts';
import { templateDocument } from './read.ts';

/**
 * `AWS::IAM::RolePolicy`, `UserPolicy` and `GroupPolicy`: one inline policy embedded in one identity. Ref is the
 * schema's primary identifier (`PolicyName`, then the identity's name) joined with `|`, as CloudFormation gives
 * composite identifiers; a changed document is put again in place, a changed name makes a new policy.
 */
export function inlinePolicy(kind: Kind): ResourceType {
  const nameKey = `${kind}Name`;
  const put = async (request: ResourceRequest) => {
    const p = request.properties;
    await request.call('iam', `Put${kind}Policy`, { [nameKey]: p[nameKey], PolicyName: p.PolicyName, PolicyDocument: policyText(p.PolicyDocument) });
    return { physicalId: `${p.PolicyName}|${p[nameKey]}`, attributes: {} };
  };
  return {
    /** AWS's schema has no list handler. */
    unlisted: true,
    create: put,
    update: put,
    async delete(request) {
      await request.call('iam', `Delete${kind}Policy`, { [nameKey]: request.properties[nameKey], PolicyName: request.properties.PolicyName });
    },
    async read(request) {
      const p = request.properties;
      const { PolicyDocument } = await request.call<{ PolicyDocument: string }>('iam', `Get${kind}Policy`, { [nameKey]: p[nameKey], PolicyName: p.PolicyName });
      return { PolicyName: p.PolicyName, [nameKey]: p[nameKey], PolicyDocument: templateDocument(p.PolicyDocument, PolicyDocument) };
    },
    createOnly: ['PolicyName', nameKey],
    properties: ['PolicyName', nameKey, 'PolicyDocument'],
  };
}
