import assert from 'node:assert/strict';
import { CloudFormationClient, DeleteStackCommand, DescribeGeneratedTemplateCommand } from '@aws-sdk/client-cloudformation';
import { deploy, output, serveCloudFormation, settled } from './serve.ts';

function template(name: string, deletionPolicy: string): string {
  return JSON.stringify({
    Resources: { Generated: { Type: 'AWS::CloudFormation::GeneratedTemplate', Properties: { GeneratedTemplateName: name, TemplateConfiguration: { DeletionPolicy: deletionPolicy } } } },
    Outputs: {
      Id: { Value: { Ref: 'Generated' } },
      AttId: { Value: { 'Fn::GetAtt': ['Generated', 'GeneratedTemplateId'] } },
      Status: { Value: { 'Fn::GetAtt': ['Generated', 'Status'] } },
      Warnings: { Value: { 'Fn::GetAtt': ['Generated', 'TotalWarnings'] } },
    },
  });
}

describe('CloudFormation: AWS::CloudFormation::GeneratedTemplate', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  serveCloudFormation((_aws, c) => (cfn = c));

  it('creates an IaC generator template, renames and reconfigures it in place, and deletes it', async () => {
    const stack = await deploy(cfn, 'generator', template('first', 'DELETE'));
    const id = output(stack, 'Id');
    assert.match(id, /^arn:aws:cloudformation:us-east-1:000000000000:generatedTemplate\/[0-9a-f-]{36}$/);
    assert.deepEqual([output(stack, 'AttId'), output(stack, 'Status'), output(stack, 'Warnings')], [id, 'COMPLETE', '0']);
    const created = await cfn.send(new DescribeGeneratedTemplateCommand({ GeneratedTemplateName: 'first' }));
    assert.deepEqual([created.GeneratedTemplateId, created.TemplateConfiguration], [id, { DeletionPolicy: 'DELETE', UpdateReplacePolicy: 'RETAIN' }]);

    const updated = await deploy(cfn, 'generator', template('second', 'RETAIN'), {}, true);
    assert.equal(output(updated, 'Id'), id);
    const renamed = await cfn.send(new DescribeGeneratedTemplateCommand({ GeneratedTemplateName: 'second' }));
    assert.deepEqual([renamed.GeneratedTemplateId, renamed.TemplateConfiguration?.DeletionPolicy], [id, 'RETAIN']);
    await assert.rejects(cfn.send(new DescribeGeneratedTemplateCommand({ GeneratedTemplateName: 'first' })), { name: 'GeneratedTemplateNotFoundException' });

    await cfn.send(new DeleteStackCommand({ StackName: 'generator' }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
    await assert.rejects(cfn.send(new DescribeGeneratedTemplateCommand({ GeneratedTemplateName: id })), { name: 'GeneratedTemplateNotFoundException', message: `Generated template ${id} not found.` });
  });
});
