import assert from 'node:assert/strict';
import { CreateStackCommand, DescribeStackEventsCommand, DescribeStackResourceCommand, DescribeStacksCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { Twinstack } from '../../emulator/index.ts';
import { putTrusting, serveCloudFormation, settled } from './serve.ts';

const TEMPLATE = `
Parameters:
  Count: { Type: Number, Default: 2 }
Resources:
  Handle:
    Type: AWS::CloudFormation::WaitConditionHandle
  Wait:
    Type: AWS::CloudFormation::WaitCondition
    Properties: { Handle: !Ref Handle, Timeout: 60, Count: !Ref Count }
Outputs:
  Data: { Value: !GetAtt Wait.Data }
`;

/** The handle's URL, once CloudFormation has made it. */
async function handleUrl(cfn: CloudFormationClient, stackName: string): Promise<string> {
  for (;;) {
    const { StackResourceDetail } = await cfn.send(new DescribeStackResourceCommand({ StackName: stackName, LogicalResourceId: 'Handle' })).catch(() => ({ StackResourceDetail: undefined }));
    if (StackResourceDetail?.ResourceStatus === 'CREATE_COMPLETE') return StackResourceDetail.PhysicalResourceId!;
    await new Promise((r) => setTimeout(r, 20));
  }
}

let aws: Twinstack;
async function signal(url: string, body: object): Promise<void> {
  const response = await putTrusting(aws, url, JSON.stringify(body));
  assert.equal(response.status, 200, response.text);
}

describe('CloudFormation: wait conditions signalled through the handle\'s presigned URL', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => ((aws = a), (cfn = c)));

  it('waits for Count success signals and gives their data by UniqueId', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'waits', TemplateBody: TEMPLATE }));
    const url = await handleUrl(cfn, 'waits');
    assert.match(url, /^https:\/\/.+\/cloudformation-waitcondition-useast1\/arn%3Aaws%3Acloudformation%3Aus-east-1%3A000000000000%3Astack\/waits\/.+\/Handle\?.*X-Amz-Signature=/);
    await signal(url, { Status: 'SUCCESS', Reason: 'first', UniqueId: 'a', Data: 'one' });
    await new Promise((r) => setTimeout(r, 300));
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'waits' }));
    assert.equal(Stacks![0].StackStatus, 'CREATE_IN_PROGRESS');
    await signal(url, { Status: 'SUCCESS', Reason: 'second', UniqueId: 'b', Data: 'two' });
    const stack = await settled(cfn, 'waits');
    assert.equal(stack.StackStatus, 'CREATE_COMPLETE');
    assert.deepEqual(JSON.parse(stack.Outputs![0].OutputValue!), { a: 'one', b: 'two' });
  });

  it('fails the stack with AWS\'s reason when a signal says FAILURE', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'fails', TemplateBody: TEMPLATE, Parameters: [{ ParameterKey: 'Count', ParameterValue: '1' }] }));
    await signal(await handleUrl(cfn, 'fails'), { Status: 'FAILURE', Reason: 'install broke', UniqueId: 'host-1', Data: '' });
    assert.equal((await settled(cfn, 'fails')).StackStatus, 'ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'fails' }));
    const failed = StackEvents!.find((e) => e.LogicalResourceId === 'Wait' && e.ResourceStatus === 'CREATE_FAILED')!;
    assert.equal(failed.ResourceStatusReason, "WaitCondition received failed message: 'install broke' for uniqueId: host-1");
  });
});
