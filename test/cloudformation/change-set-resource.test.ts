import assert from 'node:assert/strict';
import { DescribeChangeSetCommand, DescribeStacksCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { creationFailure, deleteStack, deploy, output, serveCloudFormation } from './serve.ts';

const QUEUE = 'Resources:\n  Queue: { Type: AWS::SQS::Queue }\n';
const QUEUE_AND_TOPIC = `${QUEUE}  Topic: { Type: AWS::SNS::Topic }\n`;

/** A stack whose one resource is a change set of the given properties. */
function reviewer(properties: Record<string, unknown>): string {
  return JSON.stringify({
    Resources: { Review: { Type: 'AWS::CloudFormation::ChangeSet', Properties: properties } },
    Outputs: {
      Ref: { Value: { Ref: 'Review' } },
      Id: { Value: { 'Fn::GetAtt': ['Review', 'ChangeSetId'] } },
      StackId: { Value: { 'Fn::GetAtt': ['Review', 'StackId'] } },
      Created: { Value: { 'Fn::GetAtt': ['Review', 'CreationTime'] } },
    },
  });
}

describe('CloudFormation: AWS::CloudFormation::ChangeSet (a change set of another stack, left for review)', function () {
  this.timeout(30_000);
  let cfn: CloudFormationClient;
  serveCloudFormation((_aws, c) => (cfn = c));

  it('creates the change set with its changes, replaces it when a property changes, and deletes it with the stack', async () => {
    const target = await deploy(cfn, 'reviewed', QUEUE);
    const properties = { StackName: 'reviewed', ChangeSetName: 'add-topic', ChangeSetType: 'UPDATE', TemplateBody: QUEUE_AND_TOPIC, Description: 'first look' };
    const stack = await deploy(cfn, 'reviewer', reviewer(properties));
    const id = output(stack, 'Ref');
    assert.match(id, /^arn:aws:cloudformation:us-east-1:000000000000:changeSet\/add-topic\/[0-9a-f-]{36}$/);
    assert.equal(output(stack, 'Id'), id);
    assert.equal(output(stack, 'StackId'), target.StackId);
    const changeSet = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: id }));
    assert.equal(output(stack, 'Created'), changeSet.CreationTime!.toISOString());
    assert.deepEqual([changeSet.Status, changeSet.ExecutionStatus, changeSet.Description], ['CREATE_COMPLETE', 'AVAILABLE', 'first look']);
    assert.deepEqual(changeSet.Changes!.map((c) => [c.ResourceChange!.Action, c.ResourceChange!.LogicalResourceId]), [['Add', 'Topic']]);
    // The change set is only made: the reviewed stack keeps its template.
    assert.equal((await cfn.send(new DescribeStacksCommand({ StackName: 'reviewed' }))).Stacks![0].StackStatus, 'CREATE_COMPLETE');

    const updated = await deploy(cfn, 'reviewer', reviewer({ ...properties, ChangeSetName: 'add-topic-2', Description: 'second look' }), {}, true);
    const replacement = output(updated, 'Ref');
    assert.notEqual(replacement, id);
    assert.equal((await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: replacement }))).Description, 'second look');
    await assert.rejects(cfn.send(new DescribeChangeSetCommand({ ChangeSetName: id })), { name: 'ChangeSetNotFoundException' });

    await deleteStack(cfn, updated);
    await assert.rejects(cfn.send(new DescribeChangeSetCommand({ ChangeSetName: replacement })), { name: 'ChangeSetNotFoundException' });
  });

  it('makes a CREATE change set for a new stack (in REVIEW_IN_PROGRESS), and fails with CreateChangeSet\'s error', async () => {
    const stack = await deploy(cfn, 'proposer', reviewer({ StackName: 'proposed', ChangeSetName: 'first', ChangeSetType: 'CREATE', TemplateBody: QUEUE }));
    const proposed = (await cfn.send(new DescribeStacksCommand({ StackName: 'proposed' }))).Stacks![0];
    assert.deepEqual([proposed.StackStatus, proposed.StackId], ['REVIEW_IN_PROGRESS', output(stack, 'StackId')]);
    await deleteStack(cfn, stack);

    await deploy(cfn, 'existing', QUEUE);
    assert.equal(
      await creationFailure(cfn, 'clashing', reviewer({ StackName: 'existing', ChangeSetName: 'again', ChangeSetType: 'CREATE', TemplateBody: QUEUE }), 'Review'),
      'Stack [existing] already exists and cannot be created again with the changeSet [again].',
    );
  });
});
