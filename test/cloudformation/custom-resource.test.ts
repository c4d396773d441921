import assert from 'node:assert/strict';
import { CloudFormationClient, CreateStackCommand, DeleteStackCommand, DescribeStackEventsCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { serveCloudFormation, settled } from './serve.ts';

// The custom resource protocol as CloudFormation's docs describe it: the function gets the request with a presigned
// S3 ResponseURL and answers by PUTting a JSON document there; the stack waits for the answer.
const HANDLER = `
exports.handler = async (event) => {
  if (event.RequestType === 'Delete') await new Promise((r) => setTimeout(r, Number(event.ResourceProperties.DeleteAfterMs || 0)));
  const answer = {
    Status: event.ResourceProperties.Fail === 'yes' && event.RequestType === 'Create' ? 'FAILED' : 'SUCCESS',
    Reason: 'told to fail',
    PhysicalResourceId: event.PhysicalResourceId || 'custom-' + event.LogicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    Data: { Doubled: String(Number(event.ResourceProperties.Value) * 2), Type: event.RequestType },
  };
  const response = await fetch(event.ResponseURL, { method: 'PUT', body: JSON.stringify(answer) });
  if (!response.ok) throw new Error('response PUT failed: ' + response.status);
};
`;

function template(properties: object) {
  return JSON.stringify({
    Resources: {
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
      },
      Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Timeout: 30, Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Code: { ZipFile: HANDLER } } },
      Custom: { Type: 'Custom::Doubler', Properties: { ServiceToken: { 'Fn::GetAtt': ['Fn', 'Arn'] }, ...properties } },
    },
    Outputs: { Doubled: { Value: { 'Fn::GetAtt': ['Custom', 'Doubled'] } }, Id: { Value: { Ref: 'Custom' } } },
  });
}

describe('CloudFormation custom resources backed by Lambda', function () {
  this.timeout(120_000);
  let cfn: CloudFormationClient;
  serveCloudFormation((_aws, client) => {
    cfn = client;
  });

  it('creates through the function and reads its Data with Fn::GetAtt', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'custom-ok', TemplateBody: template({ Value: 21 }), Capabilities: ['CAPABILITY_IAM'] }));
    const stack = await settled(cfn, 'custom-ok');
    assert.equal(stack.StackStatus, 'CREATE_COMPLETE', stack.StackStatusReason);
    assert.deepEqual(Object.fromEntries(stack.Outputs!.map((o) => [o.OutputKey, o.OutputValue])), { Doubled: '42', Id: 'custom-Custom' });
    await cfn.send(new DeleteStackCommand({ StackName: 'custom-ok' }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
  });

  it('fails the resource with the reason the function gives', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'custom-fail', TemplateBody: template({ Value: 1, Fail: 'yes' }), Capabilities: ['CAPABILITY_IAM'] }));
    const stack = await settled(cfn, 'custom-fail');
    assert.equal(stack.StackStatus, 'ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'custom-fail' }));
    const failed = StackEvents!.find((e) => e.ResourceStatus === 'CREATE_FAILED')!;
    assert.equal(failed.LogicalResourceId, 'Custom');
    assert.match(failed.ResourceStatusReason!, /^Received response status \[FAILED\] from custom resource\. Message returned: told to fail \(RequestId: [0-9a-f-]{36}\)$/);
  });

  it("answers the first DescribeStacks by name after a slow deletion's answer as AWS would once it is done: not found", async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'custom-slow', TemplateBody: template({ Value: 1, DeleteAfterMs: 3000 }), Capabilities: ['CAPABILITY_IAM'] }));
    assert.equal((await settled(cfn, 'custom-slow')).StackStatus, 'CREATE_COMPLETE');
    // The deletion outlasts DeleteStack's answer; the next DescribeStacks waits for it, then finds no stack of that name.
    await cfn.send(new DeleteStackCommand({ StackName: 'custom-slow' }));
    await assert.rejects(cfn.send(new DescribeStacksCommand({ StackName: 'custom-slow' })), { name: 'ValidationError', message: 'Stack with id custom-slow does not exist' });
  });
});
