import assert from 'node:assert/strict';
import { DetectStackResourceDriftCommand } from '@aws-sdk/client-cloudformation';
import { GetOpsItemCommand, ListTagsForResourceCommand, SSMClient, UpdateOpsItemCommand } from '@aws-sdk/client-ssm';
import { creationFailure, deleteStack, deploy, output, serveWithClients } from '../cloudformation/serve.ts';
import { expectError } from '../support/aws-error.ts';

const template = (properties: Record<string, unknown>) =>
  JSON.stringify({
    Resources: { Item: { Type: 'AWS::SSM::OpsItem', Properties: { Source: 'ec2', ...properties } } },
    Outputs: {
      Ref: { Value: { Ref: 'Item' } },
      Id: { Value: { 'Fn::GetAtt': ['Item', 'OpsItemId'] } },
      Status: { Value: { 'Fn::GetAtt': ['Item', 'Status'] } },
      Version: { Value: { 'Fn::GetAtt': ['Item', 'Version'] } },
      CreatedBy: { Value: { 'Fn::GetAtt': ['Item', 'CreatedBy'] } },
    },
  });

describe('CloudFormation: AWS::SSM::OpsItem (CreateOpsItem, UpdateOpsItem, DeleteOpsItem)', function () {
  this.timeout(30_000);
  const served = serveWithClients({ ssm: SSMClient });

  it('creates the OpsItem (Ref its ARN, GetAtt its id, status, version and creator), updates it in place, detects drift, deletes it', async () => {
    const { cfn, ssm } = served;
    const stack = await deploy(cfn, 'ops-item', template({ Title: 'Disk full', Description: 'The root volume is full', Priority: 2, Severity: '2', Category: 'Availability', Tags: [{ Key: 'team', Value: 'ops' }] }));
    const [arn, id] = [output(stack, 'Ref'), output(stack, 'Id')];
    assert.equal(arn, `arn:aws:ssm:us-east-1:000000000000:opsitem/${id}`);
    assert.deepEqual([output(stack, 'Status'), output(stack, 'Version'), output(stack, 'CreatedBy')], ['Open', '1', 'arn:aws:iam::000000000000:root']);
    const item = async () => (await ssm.send(new GetOpsItemCommand({ OpsItemId: id }))).OpsItem!;
    const created = await item();
    assert.deepEqual([created.Title, created.Description, created.Source, created.Priority, created.Severity, created.Category], ['Disk full', 'The root volume is full', 'ec2', 2, '2', 'Availability']);
    // The item's own tags (CloudFormation adds its aws:cloudformation:* tags beside them).
    const tags = async () => (await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'OpsItem', ResourceId: id }))).TagList!.filter((t) => !t.Key!.startsWith('aws:'));
    assert.deepEqual(await tags(), [{ Key: 'team', Value: 'ops' }]);

    const updated = await deploy(cfn, 'ops-item', template({ Title: 'Disk almost full', Description: 'The root volume is 95% full', Priority: 3 }), {}, true);
    assert.equal(output(updated, 'Ref'), arn);
    assert.equal(output(updated, 'Version'), '2');
    assert.deepEqual([(await item()).Title, (await item()).Priority], ['Disk almost full', 3]);
    assert.deepEqual(await tags(), []);

    const drift = async () => (await cfn.send(new DetectStackResourceDriftCommand({ StackName: 'ops-item', LogicalResourceId: 'Item' }))).StackResourceDrift!;
    assert.equal((await drift()).StackResourceDriftStatus, 'IN_SYNC');
    await ssm.send(new UpdateOpsItemCommand({ OpsItemId: id, Title: 'Renamed by hand' }));
    const drifted = await drift();
    assert.equal(drifted.StackResourceDriftStatus, 'MODIFIED');
    assert.deepEqual(
      drifted.PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue]),
      [['/Title', 'Disk almost full', 'Renamed by hand']],
    );

    await deleteStack(cfn, updated);
    await assert.rejects(ssm.send(new GetOpsItemCommand({ OpsItemId: id })), expectError('OpsItemNotFoundException', 400, `OpsItem with id ${id} not found.`));
  });

  it('a changed Source makes a new OpsItem; an OpsItem SSM refuses fails the stack with its error', async () => {
    const { cfn } = served;
    const stack = await deploy(cfn, 'ops-item-source', template({ Title: 't', Description: 'd' }));
    const replaced = await deploy(cfn, 'ops-item-source', JSON.stringify({ ...JSON.parse(template({ Title: 't', Description: 'd' })), Resources: { Item: { Type: 'AWS::SSM::OpsItem', Properties: { Source: 'rds', Title: 't', Description: 'd' } } } }), {}, true);
    assert.notEqual(output(replaced, 'Ref'), output(stack, 'Ref'));
    await deleteStack(cfn, replaced);
    const reason = await creationFailure(cfn, 'ops-item-reserved', JSON.stringify({ Resources: { Item: { Type: 'AWS::SSM::OpsItem', Properties: { Source: 'ec2', Title: 't', Description: 'd', Priority: 9 } } } }), 'Item');
    assert.match(reason, /priority/i);
  });
});
