import type { ResourceType } from '../../cloudformation/provider.ts';

/**
 * `AWS::StepFunctions::StateMachineVersion`: Ref is the version ARN; GetAtt Arn. Every property replaces it (a new
 * `StateMachineRevisionId` publishes a new version). The machine's `StateMachineRevisionId` attribute is its ARN until
 * its first update, which stands for the initial revision here.
 */
export const stateMachineVersion: ResourceType = {
  async create(request) {
    const p = request.properties;
    const revision = p.StateMachineRevisionId === p.StateMachineArn ? 'INITIAL' : p.StateMachineRevisionId;
    const { stateMachineVersionArn } = await request.call('stepfunctions', 'PublishStateMachineVersion', {
      stateMachineArn: p.StateMachineArn,
      description: p.Description,
      revisionId: revision,
    });
    return { physicalId: stateMachineVersionArn, attributes: { Arn: stateMachineVersionArn } };
  },
  async delete(request) {
    await request.call('stepfunctions', 'DeleteStateMachineVersion', { stateMachineVersionArn: request.physicalId });
  },
  async read(request) {
    const version = await request.call('stepfunctions', 'DescribeStateMachine', { stateMachineArn: request.physicalId });
    // A version's ARN is its machine's with `:<number>`; the revision it was published from is not read back.
    return { StateMachineArn: request.physicalId.slice(0, request.physicalId.lastIndexOf(':')), Description: version.description };
  },
  properties: ['StateMachineArn', 'Description', 'StateMachineRevisionId'],
};
