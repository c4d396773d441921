import { type Properties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { templateOrder } from '../../cloudformation/read-back.ts';
import { policyText, targets } from './attachments.ts';
import { templateDocument } from './read.ts';

async function attach(request: ResourceRequest, arn: string, properties: Properties, verb: 'Attach' | 'Detach', except: [string, string][] = []) {
  for (const [kind, name] of targets(properties)) {
    if (except.some(([k, n]) => k === kind && n === name)) continue;
    await request.call('iam', `${verb}${kind}Policy`, { [`${kind}Name`]: name, PolicyArn: arn });
  }
}

function state(policy: Properties) {
  return { physicalId: policy.Arn, attributes: { PolicyArn: policy.Arn, PolicyId: policy.PolicyId, DefaultVersionId: policy.DefaultVersionId, AttachmentCount: policy.AttachmentCount } };
}

/** `AWS::IAM::ManagedPolicy`: Ref is the policy ARN; a changed document becomes the new default version. */
export const managedPolicy: ResourceType = {
  async create(request) {
    const p = request.properties;
    const { Policy } = await request.call('iam', 'CreatePolicy', {
      PolicyName: p.ManagedPolicyName ?? request.physicalName({ maxLength: 128 }),
      Path: p.Path,
      Description: p.Description,
      PolicyDocument: policyText(p.PolicyDocument),
    });
    await attach(request, Policy.Arn, p, 'Attach');
    return state(Policy);
  },
  async update(request) {
    const arn = request.physicalId;
    if (JSON.stringify(request.previous.PolicyDocument) !== JSON.stringify(request.properties.PolicyDocument)) {
      const { Versions } = await request.call('iam', 'ListPolicyVersions', { PolicyArn: arn });
      const old = (Versions as Properties[]).filter((v) => !v.IsDefaultVersion);
      // IAM keeps five versions: the oldest non-default one makes room for the new default.
      if (Versions.length >= 5) await request.call('iam', 'DeletePolicyVersion', { PolicyArn: arn, VersionId: old[old.length - 1].VersionId });
      await request.call('iam', 'CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: policyText(request.properties.PolicyDocument), SetAsDefault: true });
    }
    await attach(request, arn, request.previous, 'Detach', targets(request.properties));
    await attach(request, arn, request.properties, 'Attach', targets(request.previous));
    const { Policy } = await request.call('iam', 'GetPolicy', { PolicyArn: arn });
    return state(Policy);
  },
  async delete(request) {
    const arn = request.physicalId;
    await attach(request, arn, request.properties, 'Detach').catch(() => undefined);
    const { Versions } = await request.call('iam', 'ListPolicyVersions', { PolicyArn: arn });
    for (const v of Versions as Properties[]) if (!v.IsDefaultVersion) await request.call('iam', 'DeletePolicyVersion', { PolicyArn: arn, VersionId: v.VersionId });
    await request.call('iam', 'DeletePolicy', { PolicyArn: arn });
  },
  async read(request) {
    const { Policy } = await request.call('iam', 'GetPolicy', { PolicyArn: request.physicalId });
    const { PolicyVersion } = await request.call('iam', 'GetPolicyVersion', { PolicyArn: request.physicalId, VersionId: Policy.DefaultVersionId });
    const entities = await request.call('iam', 'ListEntitiesForPolicy', { PolicyArn: request.physicalId, MaxItems: 1000 });
    const p = request.properties;
    return {
      ManagedPolicyName: Policy.PolicyName,
      Path: Policy.Path,
      Description: Policy.Description,
      PolicyDocument: templateDocument(p.PolicyDocument, PolicyVersion.Document),
      Roles: templateOrder(p.Roles, (entities.PolicyRoles as Properties[]).map((r) => r.RoleName), String),
      Users: templateOrder(p.Users, (entities.PolicyUsers as Properties[]).map((u) => u.UserName), String),
      Groups: templateOrder(p.Groups, (entities.PolicyGroups as Properties[]).map((g) => g.GroupName), String),
    };
  },
  createOnly: ['ManagedPolicyName', 'Path', 'Description'],
  properties: ['ManagedPolicyName', 'Path', 'Description', 'PolicyDocument', 'Roles', 'Users', 'Groups'],
};
