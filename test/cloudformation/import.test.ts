import assert from 'node:assert/strict';
import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  ExecuteChangeSetCommand,
  UpdateStackCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';

function template(visibility = 30, extra: object = {}) {
  return JSON.stringify({
    Resources: {
      Queue: { Type: 'AWS::SQS::Queue', DeletionPolicy: 'Retain', Properties: { QueueName: 'adopted', VisibilityTimeout: visibility } },
      Setting: { Type: 'AWS::SSM::Parameter', DeletionPolicy: 'Delete', Properties: { Name: '/adopted/setting', Type: 'String', Value: 'on' } },
      ...extra,
    },
    Outputs: { QueueArn: { Value: { 'Fn::GetAtt': ['Queue', 'Arn'] } }, SettingValue: { Value: { 'Fn::GetAtt': ['Setting', 'Value'] } } },
  });
}

describe('CloudFormation: IMPORT change sets adopt existing resources', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let sqs: SQSClient;
  let ssm: SSMClient;
  serveCloudFormation((aws, client) => {
    cfn = client;
    sqs = new SQSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    ssm = new SSMClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });
  after(() => [sqs, ssm].forEach((c) => c.destroy()));

  it('imports a queue and a parameter into a new stack, which then updates and deletes them as its own', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'adopted' }));
    await ssm.send(new PutParameterCommand({ Name: '/adopted/setting', Type: 'String', Value: 'on' }));
    const { Id } = await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'adopter',
        ChangeSetName: 'adopt',
        ChangeSetType: 'IMPORT',
        TemplateBody: template(),
        ResourcesToImport: [
          { ResourceType: 'AWS::SQS::Queue', LogicalResourceId: 'Queue', ResourceIdentifier: { QueueUrl: QueueUrl! } },
          { ResourceType: 'AWS::SSM::Parameter', LogicalResourceId: 'Setting', ResourceIdentifier: { Name: '/adopted/setting' } },
        ],
      }),
    );
    const described = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: Id }));
    assert.equal(described.Status, 'CREATE_COMPLETE');
    assert.deepEqual(
      described.Changes!.map((c) => [c.ResourceChange!.Action, c.ResourceChange!.LogicalResourceId, c.ResourceChange!.PhysicalResourceId]),
      [['Import', 'Queue', QueueUrl], ['Import', 'Setting', '/adopted/setting']],
    );
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
    const stack = await settled(cfn, 'adopter');
    assert.equal(stack.StackStatus, 'IMPORT_COMPLETE');
    assert.deepEqual(Object.fromEntries(stack.Outputs!.map((o) => [o.OutputKey, o.OutputValue])), { QueueArn: 'arn:aws:sqs:us-east-1:000000000000:adopted', SettingValue: 'on' });
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'adopter' }));
    const queueEvents = StackEvents!.filter((e) => e.LogicalResourceId === 'Queue').map((e) => e.ResourceStatus).reverse();
    assert.deepEqual(queueEvents, ['IMPORT_IN_PROGRESS', 'IMPORT_COMPLETE']);
    assert.deepEqual(StackEvents!.filter((e) => e.LogicalResourceId === 'adopter').map((e) => e.ResourceStatus).reverse(), ['REVIEW_IN_PROGRESS', 'IMPORT_IN_PROGRESS', 'IMPORT_COMPLETE']);

    // The stack owns them now: an update changes the queue, a delete keeps it (Retain) and deletes the parameter.
    await cfn.send(new UpdateStackCommand({ StackName: 'adopter', TemplateBody: template(45) }));
    assert.equal((await settled(cfn, 'adopter')).StackStatus, 'UPDATE_COMPLETE');
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['VisibilityTimeout'] }));
    assert.equal(Attributes!.VisibilityTimeout, '45');
    await cfn.send(new DeleteStackCommand({ StackName: 'adopter' }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
    assert.ok((await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes);
  });

  it('refuses imports without a DeletionPolicy, of types that cannot be imported, or changing other parts of the stack', async () => {
    const importing = (body: string, resources: object[], stackName = 'refused') =>
      cfn.send(new CreateChangeSetCommand({ StackName: stackName, ChangeSetName: 'adopt', ChangeSetType: 'IMPORT', TemplateBody: body, ResourcesToImport: resources as never }));
    const noPolicy = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'x' } } } });
    await assert.rejects(importing(noPolicy, [{ ResourceType: 'AWS::SQS::Queue', LogicalResourceId: 'Queue', ResourceIdentifier: { QueueUrl: 'x' } }]), {
      name: 'ValidationError',
      message: 'The following resources to import [Queue] must have DeletionPolicy attribute specified in the template.',
    });
    await assert.rejects(importing(template(), []), { name: 'ValidationError', message: 'ResourcesToImport must be specified for change sets of type IMPORT' });
    await cfn.send(new CreateStackCommand({ StackName: 'existing', TemplateBody: JSON.stringify({ Resources: { Other: { Type: 'AWS::SQS::Queue' } } }) }));
    assert.equal((await settled(cfn, 'existing')).StackStatus, 'CREATE_COMPLETE');
    const changed = JSON.stringify({ Resources: { Other: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 5 } }, Queue: { Type: 'AWS::SQS::Queue', DeletionPolicy: 'Retain', Properties: { QueueName: 'adopted' } } } });
    await assert.rejects(importing(changed, [{ ResourceType: 'AWS::SQS::Queue', LogicalResourceId: 'Queue', ResourceIdentifier: { QueueUrl: 'x' } }], 'existing'), {
      message: 'As part of the import operation, you cannot modify or add [Resources]',
    });
  });

  it('rolls the import back when a resource does not exist, leaving the stack without it', async () => {
    const { Id } = await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'ghost',
        ChangeSetName: 'adopt',
        ChangeSetType: 'IMPORT',
        TemplateBody: JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue', DeletionPolicy: 'Retain', Properties: { QueueName: 'ghost' } } } }),
        ResourcesToImport: [{ ResourceType: 'AWS::SQS::Queue', LogicalResourceId: 'Queue', ResourceIdentifier: { QueueUrl: 'http://127.0.0.1/000000000000/ghost' } }],
      }),
    );
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
    const stack = await settled(cfn, 'ghost');
    assert.equal(stack.StackStatus, 'IMPORT_ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'ghost' }));
    const rollingBack = StackEvents!.find((e) => e.ResourceStatus === 'IMPORT_ROLLBACK_IN_PROGRESS')!;
    assert.match(rollingBack.ResourceStatusReason!, /^The following resource\(s\) failed to import: \[Queue\]\. Resource handler returned message: "The specified queue does not exist/);
    assert.equal(StackEvents!.find((e) => e.LogicalResourceId === 'Queue' && e.ResourceStatus === 'IMPORT_FAILED')!.ResourceStatus, 'IMPORT_FAILED');
  });
});
