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
  properties: ['StateMachineArn', 'Description', 'StateMachineRevisionId'],
};
