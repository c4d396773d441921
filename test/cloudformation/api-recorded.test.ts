// Engine behaviours AWS's recordings of LocalStack's CloudFormation API tests show (contracts/cloudformation), checked
// through the AWS SDK v3.
import assert from 'node:assert/strict';
import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  ExecuteChangeSetCommand,
  ListChangeSetsCommand,
  UpdateStackCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';
import { expectError } from '../support/aws-error.ts';

describe('CloudFormation API behaviours recorded on AWS', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let iam: IAMClient;
  serveCloudFormation((aws, c) => {
    cfn = c;
    iam = new IAMClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });
  after(() => iam.destroy());

  it('refuses a template body that is one scalar (a URL) as an unsupported structure', async () => {
    await assert.rejects(
      cfn.send(new CreateStackCommand({ StackName: 'url-body', TemplateBody: 'https://example.com/template.yaml' })),
      expectError('ValidationError', 400, 'Template format error: unsupported structure.'),
    );
  });

  it('refuses an s3:// TemplateURL by its host, and a URL that names no S3 object', async () => {
    const create = (TemplateURL: string) => cfn.send(new CreateStackCommand({ StackName: 'by-url', TemplateURL }));
    await assert.rejects(create('s3://my-bucket/test/template.yml'), expectError('ValidationError', 400, 'S3 error: Domain name specified in my-bucket is not a valid S3 domain'));
    await assert.rejects(create('https://example.com/dummy.yml'), expectError('ValidationError', 400, 'TemplateURL must be a supported URL.'));
  });

  it("shows a resource's resolved properties in its stack events, deletion included", async () => {
    const TemplateBody = 'Parameters:\n  Name: {Type: String}\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties: {TopicName: !Ref Name}\n';
    const { StackId } = await cfn.send(new CreateStackCommand({ StackName: 'event-props', TemplateBody, Parameters: [{ ParameterKey: 'Name', ParameterValue: 'resolved-name' }] }));
    await settled(cfn, 'event-props');
    await cfn.send(new DeleteStackCommand({ StackName: 'event-props' }));
    await settled(cfn, StackId!);
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: StackId }));
    const topic = StackEvents!.filter((e) => e.LogicalResourceId === 'Topic');
    assert.deepEqual(
      topic.map((e) => e.ResourceStatus),
      ['DELETE_COMPLETE', 'DELETE_IN_PROGRESS', 'CREATE_COMPLETE', 'CREATE_IN_PROGRESS', 'CREATE_IN_PROGRESS'],
    );
    for (const event of topic) assert.deepEqual(JSON.parse(event.ResourceProperties!), { TopicName: 'resolved-name' });
  });

  describe('change sets', () => {
    const TEMPLATE = 'Resources:\n  P:\n    Type: AWS::SSM::Parameter\n    Properties: {Type: String, Value: v}\n';
    const changeSet = (StackName: string, ChangeSetName: string, ChangeSetType: 'CREATE' | 'UPDATE', TemplateBody = TEMPLATE) =>
      cfn.send(new CreateChangeSetCommand({ StackName, ChangeSetName, ChangeSetType, TemplateBody }));
    const created = async (Id: string) => {
      for (;;) {
        const described = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: Id }));
        if (described.Status !== 'CREATE_PENDING' && described.Status !== 'CREATE_IN_PROGRESS') return described;
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    it('takes a stack id for a CREATE change set, refuses one for a live or deleted stack with ValidationError, and keeps the executed one describable', async () => {
      const first = await changeSet('cs-names', 'first', 'CREATE');
      await created(first.Id!);
      // A second CREATE change set may name the stack under review by its id.
      const second = await changeSet(first.StackId!, 'second', 'CREATE');
      assert.equal(second.StackId, first.StackId);
      await created(second.Id!);
      await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: first.Id }));
      await settled(cfn, 'cs-names');
      await assert.rejects(changeSet('cs-names', 'first', 'CREATE'), expectError('ValidationError', 400, 'Stack [cs-names] already exists and cannot be created again with the changeSet [first].'));
      // Executed change sets are no longer listed; the next one is.
      const update = await changeSet('cs-names', 'update', 'UPDATE', TEMPLATE.replace('Value: v', 'Value: w'));
      await created(update.Id!);
      const { Summaries } = await cfn.send(new ListChangeSetsCommand({ StackName: 'cs-names' }));
      assert.deepEqual(Summaries!.map((c) => c.ChangeSetName), ['update']);

      await cfn.send(new DeleteStackCommand({ StackName: 'cs-names' }));
      await settled(cfn, first.StackId!);
      const executed = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: first.Id }));
      assert.equal(executed.ExecutionStatus, 'EXECUTE_COMPLETE');
      await assert.rejects(cfn.send(new DescribeChangeSetCommand({ ChangeSetName: update.Id })), expectError('ChangeSetNotFoundException', 404));
      await assert.rejects(
        changeSet(first.StackId!, 'revived', 'CREATE'),
        expectError('ValidationError', 400, `Stack [${first.StackId}] already exists and cannot be created again with the changeSet [revived].`),
      );
    });

    it('refuses to execute a change set that failed by its status', async () => {
      const first = await changeSet('cs-empty', 'first', 'CREATE');
      await created(first.Id!);
      await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: first.Id }));
      await settled(cfn, 'cs-empty');
      const empty = await changeSet('cs-empty', 'empty', 'UPDATE');
      assert.equal((await created(empty.Id!)).Status, 'FAILED');
      await assert.rejects(
        cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: empty.Id })),
        expectError('InvalidChangeSetStatusException', 400, `ChangeSet [${empty.Id}] cannot be executed in its current status of [FAILED]`),
      );
    });

    it('refuses a parameter whose name is not alphanumeric (a pseudo parameter)', async () => {
      const TemplateBody = JSON.stringify({ Parameters: { 'AWS::NoValue': { Type: 'String', Default: 'foo' } }, Resources: { P: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'v' } } } });
      await assert.rejects(
        cfn.send(new CreateChangeSetCommand({ StackName: 'cs-param', ChangeSetName: 'cs', ChangeSetType: 'CREATE', TemplateBody })),
        expectError('ValidationError', 400, 'Template format error: Parameter name AWS::NoValue is non alphanumeric.'),
      );
    });
  });

  describe('stack updates', () => {
    const TOPIC = 'Parameters:\n  Name: {Type: String}\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties: {TopicName: !Ref Name}\n';
    const parameters = (value: string) => [{ ParameterKey: 'Name', ParameterValue: value }];
    before(async () => {
      await cfn.send(new CreateStackCommand({ StackName: 'updates', TemplateBody: TOPIC, Parameters: parameters('updates-1') }));
      await settled(cfn, 'updates');
    });
    const update = (input: Partial<ConstructorParameters<typeof UpdateStackCommand>[0]>) =>
      cfn.send(new UpdateStackCommand({ StackName: 'updates', TemplateBody: TOPIC, Parameters: parameters('updates-2'), ...input }));

    it('refuses resources of types ResourceTypes does not allow', async () => {
      await assert.rejects(update({ ResourceTypes: ['AWS::EC2::*'] }), expectError('ValidationError', 400, 'Resource type AWS::SNS::Topic is not allowed by parameter ResourceTypes [AWS::EC2::*]'));
      await assert.rejects(update({ ResourceTypes: ['AWS::EC2:*', 'AWS::SQS::Queue'] }), expectError('ValidationError', 400, 'Resource type AWS::SNS::Topic is not allowed by parameter ResourceTypes [AWS::EC2:*, AWS::SQS::Queue]'));
    });

    it('refuses rollback triggers that are not CloudWatch alarms', async () => {
      await assert.rejects(update({ RollbackConfiguration: { RollbackTriggers: [{ Arn: 'x', Type: 'Another' }] } }), expectError('ValidationError', 400, 'Rollback Trigger Type not supported'));
      await assert.rejects(
        update({ RollbackConfiguration: { RollbackTriggers: [{ Arn: 'arn:aws:cloudwatch:us-east-1:123456789012:example-name', Type: 'AWS::CloudWatch::Alarm' }] } }),
        expectError('ValidationError', 400, "RelativeId of a Rollback Trigger's ARN is incorrect"),
      );
    });

    it('refuses a service role CloudFormation cannot assume, and takes one it can', async () => {
      const role = async (RoleName: string, Principal: object) =>
        (await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal }] }) }))).Role!.Arn!;
      const untrusting = await role('not-for-cfn', { Service: 'lambda.amazonaws.com' });
      await assert.rejects(update({ RoleARN: untrusting }), expectError('ValidationError', 400, `Role ${untrusting} is invalid or cannot be assumed`));
      const missing = untrusting.replace('not-for-cfn', 'missing');
      await assert.rejects(update({ RoleARN: missing }), expectError('ValidationError', 400, `Role ${missing} is invalid or cannot be assumed`));
      await update({ RoleARN: await role('for-cfn', { Service: 'cloudformation.amazonaws.com' }) });
      assert.equal((await settled(cfn, 'updates')).StackStatus, 'UPDATE_COMPLETE');
    });
  });
});
