import type { DescribeChangeSetOutput } from '@aws-sdk/client-cloudformation';
import type { ResourceType } from '../provider.ts';

/** The resource's properties, each passed to CreateChangeSet under its own name (AWS::CloudFormation::ChangeSet's reference page). */
const PROPERTIES = [
  'StackName',
  'ChangeSetName',
  'ChangeSetType',
  'TemplateBody',
  'TemplateURL',
  'UsePreviousTemplate',
  'Capabilities',
  'Description',
  'NotificationARNs',
  'RoleARN',
  'Tags',
  'IncludeNestedStacks',
  'OnStackFailure',
  'ImportExistingResources',
  'DeploymentMode',
];

/**
 * `AWS::CloudFormation::ChangeSet`: a change set of another stack, made with CreateChangeSet and left for review (not
 * executed); every property change replaces it, as the reference page says. Ref and GetAtt ChangeSetId are its ARN;
 * GetAtt StackId and CreationTime. Deleting the resource deletes the change set (one executed since is already gone).
 */
export const changeSetType: ResourceType = {
  properties: PROPERTIES,
  primaryIdentifier: ['ChangeSetId'],
  async create(request) {
    const input = Object.fromEntries(PROPERTIES.filter((name) => request.properties[name] !== undefined).map((name) => [name, request.properties[name]]));
    const { Id } = await request.call<{ Id: string }>('cloudformation', 'CreateChangeSet', input);
    const { StackId, CreationTime } = await request.call<DescribeChangeSetOutput>('cloudformation', 'DescribeChangeSet', { ChangeSetName: Id });
    return { physicalId: Id, attributes: { ChangeSetId: Id, StackId, CreationTime: CreationTime?.toISOString() } };
  },
  async delete(request) {
    await request.call('cloudformation', 'DeleteChangeSet', { ChangeSetName: request.physicalId });
  },
};
