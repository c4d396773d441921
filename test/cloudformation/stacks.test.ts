import assert from 'node:assert/strict';
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStackResourceCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  GetTemplateSummaryCommand,
  ListChangeSetsCommand,
  ListExportsCommand,
  ListImportsCommand,
  ListStackResourcesCommand,
  ListStacksCommand,
  UpdateStackCommand,
  UpdateTerminationProtectionCommand,
  ValidateTemplateCommand,
  waitUntilChangeSetCreateComplete,
} from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CLIENT_CONFIG, serveCloudFormation, settled } from './serve.ts';
import { expectError } from '../support/aws-error.ts';

const json = (template: object) => JSON.stringify(template);
const queueTemplate = (properties: object = {}, extra: object = {}) => json({ Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: properties } }, ...extra });

// Expected messages and statuses follow the CloudFormation API reference and the AWS-validated snapshots in
// shared/reference/aws-snapshots/cloudformation (LocalStack's suite, recorded against AWS).
describe('CloudFormation stacks, change sets and templates through the AWS SDK v3', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let sqs: SQSClient;
  let ssm: SSMClient;
  let endpoint: string;
  let n = 0;
  const name = (prefix = 's') => `${prefix}-${Date.now().toString(36)}-${n++}`;
  serveCloudFormation((aws, client) => {
    cfn = client;
    endpoint = aws.endpoint;
    sqs = new SQSClient({ endpoint, ...CLIENT_CONFIG });
    ssm = new SSMClient({ endpoint, ...CLIENT_CONFIG });
  });
  const create = async (stackName: string, TemplateBody: string, extra: object = {}) => {
    await cfn.send(new CreateStackCommand({ StackName: stackName, TemplateBody, ...extra }));
    return settled(cfn, stackName);
  };

  describe('template validation', () => {
    it('reports AWS errors for broken templates', async () => {
      const validate = (TemplateBody: string) => cfn.send(new ValidateTemplateCommand({ TemplateBody }));
      await assert.rejects(validate('{"Resources": '), expectError('ValidationError', 400));
      await assert.rejects(validate(json({ Resources: {} })), expectError('ValidationError', 400, 'Template format error: At least one Resources member must be defined.'));
      await assert.rejects(
        validate(json({ Resources: { A: { Type: 'AWS::Nope::Thing' } } })),
        expectError('ValidationError', 400, 'Template format error: Unrecognized resource types: [AWS::Nope::Thing]'),
      );
      await assert.rejects(
        validate(json({ Resources: { A: { Properties: {} } } })),
        expectError('ValidationError', 400, 'Template format error: [/Resources/A] Every Resources object must contain a Type member.'),
      );
      const ok = await validate('Description: d\nParameters:\n  P: {Type: String, Default: x, Description: pd}\nResources:\n  R: {Type: AWS::IAM::Role, Properties: {AssumeRolePolicyDocument: {}}}\n');
      assert.deepEqual(ok.Parameters, [{ ParameterKey: 'P', DefaultValue: 'x', NoEcho: false, Description: 'pd' }]);
      assert.deepEqual(ok.Capabilities, ['CAPABILITY_IAM']);
      assert.equal(ok.CapabilitiesReason, 'The following resource(s) require capabilities: [AWS::IAM::Role]');
    });

    it('rejects circular dependencies, unresolved references, missing and unknown parameters before creating anything', async () => {
      const cycle = json({ Resources: { A: { Type: 'AWS::SQS::Queue', DependsOn: 'B' }, B: { Type: 'AWS::SQS::Queue', DependsOn: 'A' } } });
      await assert.rejects(cfn.send(new CreateStackCommand({ StackName: name(), TemplateBody: cycle })), expectError('ValidationError', 400, 'Circular dependency between resources: [A, B]'));
      const unresolved = queueTemplate({ QueueName: { Ref: 'Nowhere' } });
      await assert.rejects(
        cfn.send(new CreateStackCommand({ StackName: name(), TemplateBody: unresolved })),
        expectError('ValidationError', 400, 'Template format error: Unresolved resource dependencies [Nowhere] in the Resources block of the template'),
      );
      const withParam = queueTemplate({}, { Parameters: { Needed: { Type: 'String' } } });
      await assert.rejects(cfn.send(new CreateStackCommand({ StackName: name(), TemplateBody: withParam })), expectError('ValidationError', 400, 'Parameters: [Needed] must have values'));
      await assert.rejects(
        cfn.send(new CreateStackCommand({ StackName: name(), TemplateBody: queueTemplate(), Parameters: [{ ParameterKey: 'Extra', ParameterValue: 'x' }] })),
        expectError('ValidationError', 400, 'Parameters: [Extra] do not exist in the template'),
      );
      const allowed = queueTemplate({}, { Parameters: { Env: { Type: 'String', AllowedValues: ['a', 'b'] } } });
      await assert.rejects(
        cfn.send(new CreateStackCommand({ StackName: name(), TemplateBody: allowed, Parameters: [{ ParameterKey: 'Env', ParameterValue: 'c' }] })),
        expectError('ValidationError', 400, "Parameter 'Env' must be one of AllowedValues"),
      );
    });

    it('needs CAPABILITY_IAM / CAPABILITY_NAMED_IAM for IAM resources', async () => {
      const role = (props: object) => json({ Resources: { R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, ...props } } } });
      await assert.rejects(cfn.send(new CreateStackCommand({ StackName: name(), TemplateBody: role({}) })), expectError('InsufficientCapabilitiesException', 400, 'Requires capabilities : [CAPABILITY_IAM]'));
      await assert.rejects(
        cfn.send(new CreateStackCommand({ StackName: name(), TemplateBody: role({ RoleName: name('r') }), Capabilities: ['CAPABILITY_IAM'] })),
        expectError('InsufficientCapabilitiesException', 400, 'Requires capabilities : [CAPABILITY_NAMED_IAM]'),
      );
      const stack = await create(name(), role({ RoleName: name('r') }), { Capabilities: ['CAPABILITY_NAMED_IAM'] });
      assert.equal(stack.StackStatus, 'CREATE_COMPLETE', JSON.stringify((await cfn.send(new DescribeStackEventsCommand({ StackName: stack.StackId }))).StackEvents!.map((e) => e.ResourceStatusReason)));
    });
  });

  describe('stacks', () => {
    it('evaluates YAML short forms, conditions, mappings and every common intrinsic', async () => {
      const stackName = name();
      const template = `
Parameters:
  Env: { Type: String, Default: prod }
  Names: { Type: CommaDelimitedList, Default: 'x,y,z' }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Or [!Equals [a, b], !Equals [1, 1]]]
Mappings:
  Sizes: { prod: { Big: '600' } }
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: !If [IsProd, 5, !Ref AWS::NoValue]
      MessageRetentionPeriod: !FindInMap [Sizes, !Ref Env, Big]
  Skipped:
    Type: AWS::SQS::Queue
    Condition: NotProd
  Value:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Sub
        - '\${AWS::Region}|\${AWS::AccountId}|\${AWS::StackName}|\${Queue.QueueName}|\${Second}|\${!Literal}|\${Joined}|\${Zone}|\${Encoded}|\${Cidr}'
        - Second: !Select [1, !Ref Names]
          Joined: !Join ['-', !Split [',', 'p,q']]
          Zone: !Select [0, !GetAZs '']
          Encoded: !Base64 hi
          Cidr: !Select [1, !Cidr [10.0.0.0/16, 2, 8]]
Outputs:
  Value: { Value: !GetAtt Value.Value }
  Both: { Value: !If [Both, yes, no] }
  Url: { Value: !Ref Queue, Condition: IsProd }
  Absent: { Value: !Ref Skipped, Condition: NotProd }
`;
      const stack = await create(stackName, template);
      assert.equal(stack.StackStatus, 'CREATE_COMPLETE', stack.StackStatusReason);
      const out = Object.fromEntries(stack.Outputs!.map((o) => [o.OutputKey, o.OutputValue]));
      const queueName = out.Url!.split('/').pop();
      assert.equal(out.Value, `us-east-1|000000000000|${stackName}|${queueName}|y|\${Literal}|p-q|us-east-1a|aGk=|10.0.1.0/24`);
      assert.equal(out.Both, 'yes');
      assert.equal('Absent' in out, false);
      const resources = await cfn.send(new ListStackResourcesCommand({ StackName: stackName }));
      assert.deepEqual(resources.StackResourceSummaries!.map((r) => r.LogicalResourceId).sort(), ['Queue', 'Value']);
      const original = await cfn.send(new GetTemplateCommand({ StackName: stackName }));
      assert.equal(original.TemplateBody, template);
      const summary = await cfn.send(new GetTemplateSummaryCommand({ StackName: stackName }));
      assert.deepEqual(summary.ResourceTypes, ['AWS::SQS::Queue', 'AWS::SSM::Parameter']);
    });

    it('rolls back a failed creation, deleting what was created, with events naming the resource', async () => {
      const stackName = name();
      const template = json({
        Resources: {
          Good: { Type: 'AWS::SQS::Queue' },
          Bad: { Type: 'AWS::SQS::Queue', DependsOn: 'Good', Properties: { DelaySeconds: 9999 } },
        },
      });
      const stack = await create(stackName, template);
      assert.equal(stack.StackStatus, 'ROLLBACK_COMPLETE');
      const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: stackName }));
      const rollback = StackEvents!.find((e) => e.ResourceStatus === 'ROLLBACK_IN_PROGRESS')!;
      assert.equal(rollback.ResourceStatusReason, 'The following resource(s) failed to create: [Bad]. Rollback requested by user.');
      const failed = StackEvents!.find((e) => e.ResourceStatus === 'CREATE_FAILED')!;
      assert.equal(failed.LogicalResourceId, 'Bad');
      assert.match(failed.ResourceStatusReason!, /^Resource handler returned message: "/);
      const good = StackEvents!.filter((e) => e.LogicalResourceId === 'Good').map((e) => e.ResourceStatus);
      assert.deepEqual(good.slice(0, 2), ['DELETE_COMPLETE', 'DELETE_IN_PROGRESS']);
      const queueUrl = StackEvents!.find((e) => e.LogicalResourceId === 'Good' && e.PhysicalResourceId)!.PhysicalResourceId!;
      await assert.rejects(sqs.send(new GetQueueUrlCommand({ QueueName: queueUrl.split('/').pop() })), { name: 'QueueDoesNotExist' });
      await assert.rejects(
        cfn.send(new UpdateStackCommand({ StackName: stackName, TemplateBody: template })),
        expectError('ValidationError', 400, `Stack:${stack.StackId} is in ROLLBACK_COMPLETE state and can not be updated.`),
      );
    });

    it('keeps the old stack when an update fails (UPDATE_ROLLBACK_COMPLETE), replaces on an immutable change', async () => {
      const stackName = name();
      const first = name('q');
      await create(stackName, queueTemplate({ QueueName: first, DelaySeconds: 1 }));
      await cfn.send(new UpdateStackCommand({ StackName: stackName, TemplateBody: queueTemplate({ QueueName: first, DelaySeconds: 9999 }) }));
      const failed = await settled(cfn, stackName);
      assert.equal(failed.StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
      const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: stackName }));
      assert.equal(StackEvents!.find((e) => e.ResourceStatus === 'UPDATE_ROLLBACK_IN_PROGRESS')!.ResourceStatusReason, 'The following resource(s) failed to update: [Queue]. ');

      const second = name('q');
      await cfn.send(new UpdateStackCommand({ StackName: stackName, TemplateBody: queueTemplate({ QueueName: second }) }));
      assert.equal((await settled(cfn, stackName)).StackStatus, 'UPDATE_COMPLETE');
      await assert.rejects(sqs.send(new GetQueueUrlCommand({ QueueName: first })), { name: 'QueueDoesNotExist' });
      const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: second }));
      const { StackResourceDetail } = await cfn.send(new DescribeStackResourceCommand({ StackName: stackName, LogicalResourceId: 'Queue' }));
      assert.equal(StackResourceDetail!.PhysicalResourceId, QueueUrl);
      await assert.rejects(cfn.send(new UpdateStackCommand({ StackName: stackName, UsePreviousTemplate: true })), expectError('ValidationError', 400, 'No updates are to be performed.'));
    });

    it('retains resources with DeletionPolicy Retain and honours termination protection', async () => {
      const stackName = name();
      const queueName = name('kept');
      await create(stackName, json({ Resources: { Queue: { Type: 'AWS::SQS::Queue', DeletionPolicy: 'Retain', Properties: { QueueName: queueName } } } }), { EnableTerminationProtection: true });
      await assert.rejects(
        cfn.send(new DeleteStackCommand({ StackName: stackName })),
        expectError('ValidationError', 400, `Stack [${stackName}] cannot be deleted while TerminationProtection is enabled`),
      );
      await cfn.send(new UpdateTerminationProtectionCommand({ StackName: stackName, EnableTerminationProtection: false }));
      const { StackId } = (await settled(cfn, stackName));
      await cfn.send(new DeleteStackCommand({ StackName: stackName }));
      assert.equal((await settled(cfn, StackId!)).StackStatus, 'DELETE_COMPLETE');
      await sqs.send(new GetQueueUrlCommand({ QueueName: queueName }));
      const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: StackId }));
      assert.ok(StackEvents!.some((e) => e.LogicalResourceId === 'Queue' && e.ResourceStatus === 'DELETE_SKIPPED'));
      const deleted = await cfn.send(new ListStacksCommand({ StackStatusFilter: ['DELETE_COMPLETE'] }));
      assert.ok(deleted.StackSummaries!.some((s) => s.StackId === StackId));
      const live = await cfn.send(new ListStacksCommand({ StackStatusFilter: ['CREATE_COMPLETE'] }));
      assert.ok(!live.StackSummaries!.some((s) => s.StackId === StackId));
    });

    it('exports and imports values, refusing to delete an export in use', async () => {
      const exporter = name('exp');
      const exportName = name('shared');
      await create(exporter, queueTemplate({}, { Outputs: { Arn: { Value: { 'Fn::GetAtt': ['Queue', 'Arn'] }, Export: { Name: exportName } } } }));
      const importer = name('imp');
      const imported = await create(importer, json({
        Resources: { P: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: { 'Fn::ImportValue': exportName } } } },
        Outputs: { V: { Value: { 'Fn::GetAtt': ['P', 'Value'] } } },
      }));
      const { Exports } = await cfn.send(new ListExportsCommand({}));
      const exported = Exports!.find((e) => e.Name === exportName)!;
      assert.equal(imported.Outputs![0].OutputValue, exported.Value);
      assert.deepEqual((await cfn.send(new ListImportsCommand({ ExportName: exportName }))).Imports, [importer]);
      await cfn.send(new DeleteStackCommand({ StackName: exporter }));
      const blocked = await settled(cfn, exporter);
      assert.equal(blocked.StackStatus, 'DELETE_FAILED');
      assert.equal(blocked.StackStatusReason, `Export ${exportName} cannot be deleted as it is in use by ${importer}`);
      const missing = await create(name(), json({ Resources: { P: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: { 'Fn::ImportValue': 'nope' } } } } }));
      assert.equal(missing.StackStatus, 'ROLLBACK_COMPLETE');
      const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: missing.StackId }));
      assert.equal(StackEvents!.find((e) => e.ResourceStatus === 'CREATE_FAILED')!.ResourceStatusReason, 'No export named nope found. Rollback requested by user.');
    });

    it('resolves SSM parameter types and dynamic references to SSM and Secrets Manager', async () => {
      const secrets = new SecretsManagerClient({ endpoint, ...CLIENT_CONFIG });
      const parameterName = `/cfn/${name()}`;
      await ssm.send(new PutParameterCommand({ Name: parameterName, Value: '42', Type: 'String' }));
      const secretName = name('secret');
      await secrets.send(new CreateSecretCommand({ Name: secretName, SecretString: JSON.stringify({ password: 'hunter2' }) }));
      const stack = await create(name(), json({
        Parameters: { Delay: { Type: 'AWS::SSM::Parameter::Value<String>', Default: parameterName } },
        Resources: {
          Queue: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: { Ref: 'Delay' } } },
          P: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: `{{resolve:ssm:${parameterName}}}-{{resolve:secretsmanager:${secretName}:SecretString:password}}` } },
        },
        Outputs: { V: { Value: { 'Fn::GetAtt': ['P', 'Value'] } } },
      }));
      assert.equal(stack.StackStatus, 'CREATE_COMPLETE', stack.StackStatusReason);
      assert.deepEqual(stack.Parameters, [{ ParameterKey: 'Delay', ParameterValue: parameterName, ResolvedValue: '42' }]);
      const physical = (await cfn.send(new DescribeStackResourceCommand({ StackName: stack.StackId, LogicalResourceId: 'P' }))).StackResourceDetail!.PhysicalResourceId;
      const { Parameter } = await ssm.send(new GetParameterCommand({ Name: physical }));
      assert.equal(Parameter!.Value, '42-hunter2');
      secrets.destroy();
    });

    it('creates nested stacks from a template in S3, with their outputs', async () => {
      const s3 = new S3Client({ endpoint, forcePathStyle: true, ...CLIENT_CONFIG });
      const bucket = name('templates');
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'child.json', Body: queueTemplate({}, { Parameters: { Delay: { Type: 'Number' } }, Outputs: { Url: { Value: { Ref: 'Queue' } } } }) }));
      const parent = name('parent');
      const stack = await create(parent, json({
        Resources: { Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: `${endpoint}/${bucket}/child.json`, Parameters: { Delay: 3 } } } },
        Outputs: { Url: { Value: { 'Fn::GetAtt': ['Child', 'Outputs.Url'] } } },
      }));
      assert.equal(stack.StackStatus, 'CREATE_COMPLETE', stack.StackStatusReason);
      const childId = (await cfn.send(new DescribeStackResourceCommand({ StackName: parent, LogicalResourceId: 'Child' }))).StackResourceDetail!.PhysicalResourceId!;
      const child = await settled(cfn, childId);
      assert.equal(child.ParentId, stack.StackId);
      assert.equal(child.RootId, stack.StackId);
      assert.equal(stack.Outputs![0].OutputValue, child.Outputs![0].OutputValue);
      await cfn.send(new DeleteStackCommand({ StackName: parent }));
      assert.equal((await settled(cfn, childId)).StackStatus, 'DELETE_COMPLETE');
      s3.destroy();
    });

    it('keeps a failed nested stack of a stack that does not roll back, and deletes it with its parent', async () => {
      const s3 = new S3Client({ endpoint, forcePathStyle: true, ...CLIENT_CONFIG });
      const bucket = name('templates');
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      // An SSM parameter without a value fails to create.
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'child.json', Body: json({ Resources: { P: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String' } } } }) }));
      s3.destroy();
      const parent = name('parent');
      const stack = await create(parent, json({ Resources: { Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: `https://${bucket}.s3.amazonaws.com/child.json` } } } }), { OnFailure: 'DO_NOTHING' });
      assert.equal(stack.StackStatus, 'CREATE_FAILED');
      const resource = (await cfn.send(new DescribeStackResourceCommand({ StackName: parent, LogicalResourceId: 'Child' }))).StackResourceDetail!;
      assert.equal(resource.ResourceStatus, 'CREATE_FAILED');
      const childId = resource.PhysicalResourceId!;
      assert.match(childId, new RegExp(`:stack/${parent}-Child-[A-Z0-9]+/`));
      assert.equal((await settled(cfn, childId)).StackStatus, 'CREATE_FAILED');
      await cfn.send(new DeleteStackCommand({ StackName: parent }));
      assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
      assert.equal((await settled(cfn, childId)).StackStatus, 'DELETE_COMPLETE');
      const childName = /:stack\/([^/]+)\//.exec(childId)![1];
      await assert.rejects(cfn.send(new DescribeStacksCommand({ StackName: childName })), expectError('ValidationError', 400, `Stack with id ${childName} does not exist`));
    });
  });

  describe('change sets', () => {
    it('describes property values (IncludePropertyValues) before and after, known after apply for a replaced resource\'s attribute', async () => {
      const stackName = name();
      const topics = (displayName: string, topicName: string) =>
        json({
          Resources: {
            A: { Type: 'AWS::SNS::Topic', Properties: { TopicName: topicName, DisplayName: displayName } },
            B: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::GetAtt': ['A', 'TopicName'] } } },
          },
        });
      const first = await cfn.send(new CreateChangeSetCommand({ StackName: stackName, ChangeSetName: 'one', ChangeSetType: 'CREATE', TemplateBody: topics('d1', `${stackName}-a`) }));
      await waitUntilChangeSetCreateComplete({ client: cfn, maxWaitTime: 60, minDelay: 1 }, { ChangeSetName: first.Id });
      const added = (await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: first.Id, IncludePropertyValues: true }))).Changes!.map((c) => c.ResourceChange!);
      assert.deepEqual(added.map((c) => [c.LogicalResourceId, JSON.parse(c.AfterContext!)]), [
        ['A', { Properties: { TopicName: `${stackName}-a`, DisplayName: 'd1' } }],
        ['B', { Properties: { DisplayName: '{{changeSet:KNOWN_AFTER_APPLY}}' } }],
      ]);
      const plain = (await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: first.Id }))).Changes!.map((c) => c.ResourceChange!);
      assert.equal(plain[0].AfterContext, undefined);
      await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: first.Id }));
      assert.equal((await settled(cfn, stackName)).StackStatus, 'CREATE_COMPLETE');

      // A's new name replaces it, so B's DisplayName (A's name) is known only after the change set runs.
      const second = await cfn.send(new CreateChangeSetCommand({ StackName: stackName, ChangeSetName: 'two', TemplateBody: topics('d2', `${stackName}-a2`) }));
      await waitUntilChangeSetCreateComplete({ client: cfn, maxWaitTime: 60, minDelay: 1 }, { ChangeSetName: second.Id });
      const [a, b] = (await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: second.Id, IncludePropertyValues: true }))).Changes!.map((c) => c.ResourceChange!);
      assert.deepEqual(JSON.parse(a.BeforeContext!), { Properties: { TopicName: `${stackName}-a`, DisplayName: 'd1' } });
      assert.deepEqual(JSON.parse(a.AfterContext!), { Properties: { TopicName: `${stackName}-a2`, DisplayName: 'd2' } });
      assert.deepEqual(a.Details!.find((d) => d.Target!.Name === 'TopicName')!.Target, {
        Attribute: 'Properties',
        Name: 'TopicName',
        RequiresRecreation: 'Always',
        Path: '/Properties/TopicName',
        BeforeValue: `${stackName}-a`,
        AfterValue: `${stackName}-a2`,
        AttributeChangeType: 'Modify',
      });
      assert.deepEqual(JSON.parse(b.AfterContext!), { Properties: { DisplayName: '{{changeSet:KNOWN_AFTER_APPLY}}' } });
      assert.deepEqual(
        b.Details!.map((d) => [d.ChangeSource, d.Evaluation, d.CausingEntity, d.Target!.AfterValue]),
        [
          ['ResourceAttribute', 'Static', 'A.TopicName', '{{changeSet:KNOWN_AFTER_APPLY}}'],
          ['DirectModification', 'Dynamic', undefined, '{{changeSet:KNOWN_AFTER_APPLY}}'],
        ],
      );
      // Without property values the details carry no values.
      const bPlain = (await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: second.Id }))).Changes![1].ResourceChange!;
      assert.deepEqual(bPlain.Details!.map((d) => [d.ChangeSource, d.Target!.AfterValue]), [['ResourceAttribute', undefined]]);
    });

    it('resolves a resource\'s Metadata, lists its changes before the properties\', and keeps capabilities an update does not name', async () => {
      const stackName = name();
      const template = (secret: string) =>
        json({
          Parameters: { Secret: { Type: 'String', NoEcho: true } },
          Resources: { P: { Type: 'AWS::SSM::Parameter', Metadata: { Seen: { Ref: 'Secret' } }, Properties: { Type: 'String', Value: { Ref: 'Secret' }, Description: secret } } },
        });
      const stack = await create(stackName, template('d'), { Parameters: [{ ParameterKey: 'Secret', ParameterValue: 'one' }], Capabilities: ['CAPABILITY_IAM'] });
      assert.equal(stack.StackStatus, 'CREATE_COMPLETE');
      assert.deepEqual(stack.Parameters, [{ ParameterKey: 'Secret', ParameterValue: '****' }]);
      const metadata = async () => JSON.parse((await cfn.send(new DescribeStackResourceCommand({ StackName: stackName, LogicalResourceId: 'P' }))).StackResourceDetail!.Metadata!);
      assert.deepEqual(await metadata(), { Seen: 'one' });

      const changeSet = await cfn.send(new CreateChangeSetCommand({ StackName: stackName, ChangeSetName: 'next', TemplateBody: template('d'), Parameters: [{ ParameterKey: 'Secret', ParameterValue: 'two' }] }));
      await waitUntilChangeSetCreateComplete({ client: cfn, maxWaitTime: 60, minDelay: 1 }, { ChangeSetName: changeSet.Id });
      const change = (await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: changeSet.Id }))).Changes![0].ResourceChange!;
      assert.deepEqual(change.Scope, ['Metadata', 'Properties']);
      const metadataTarget = { Attribute: 'Metadata', RequiresRecreation: 'Never' };
      const valueTarget = { Attribute: 'Properties', Name: 'Value', RequiresRecreation: 'Never' };
      assert.deepEqual(change.Details, [
        { Target: metadataTarget, Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: 'Secret' },
        { Target: valueTarget, Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: 'Secret' },
        { Target: metadataTarget, Evaluation: 'Dynamic', ChangeSource: 'DirectModification' },
        { Target: valueTarget, Evaluation: 'Dynamic', ChangeSource: 'DirectModification' },
      ]);
      // A change of Metadata alone is a change too.
      const onlyMetadata = await cfn.send(new CreateChangeSetCommand({ StackName: stackName, ChangeSetName: 'meta', TemplateBody: template('d').replace('"Seen"', '"Shown"'), Parameters: [{ ParameterKey: 'Secret', UsePreviousValue: true }] }));
      await waitUntilChangeSetCreateComplete({ client: cfn, maxWaitTime: 60, minDelay: 1 }, { ChangeSetName: onlyMetadata.Id });
      const metadataChange = (await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: onlyMetadata.Id }))).Changes![0].ResourceChange!;
      assert.deepEqual([metadataChange.Scope, metadataChange.Details], [['Metadata'], [{ Target: metadataTarget, Evaluation: 'Static', ChangeSource: 'DirectModification' }]]);

      await cfn.send(new UpdateStackCommand({ StackName: stackName, TemplateBody: template('e'), Parameters: [{ ParameterKey: 'Secret', ParameterValue: 'three' }] }));
      const updated = await settled(cfn, stackName);
      assert.equal(updated.StackStatus, 'UPDATE_COMPLETE');
      assert.deepEqual(updated.Capabilities, ['CAPABILITY_IAM']);
      assert.deepEqual(await metadata(), { Seen: 'three' });
    });

    it('lists changes by logical id, an id after the longer ids it begins (AWS\'s order of CDK\'s bootstrap resources)', async () => {
      const stackName = name();
      const queue = { Type: 'AWS::SQS::Queue' };
      const created = await cfn.send(new CreateChangeSetCommand({
        StackName: stackName,
        ChangeSetName: 'order',
        ChangeSetType: 'CREATE',
        TemplateBody: json({ Resources: { StagingBucket: queue, StagingBucketPolicy: queue, FilePublishingRole: queue, CdkBootstrapVersion: queue, FilePublishingRoleDefaultPolicy: queue } }),
      }));
      await waitUntilChangeSetCreateComplete({ client: cfn, maxWaitTime: 60, minDelay: 1 }, { ChangeSetName: created.Id });
      const described = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: created.Id }));
      assert.deepEqual(described.Changes!.map((c) => c.ResourceChange!.LogicalResourceId), ['CdkBootstrapVersion', 'FilePublishingRoleDefaultPolicy', 'FilePublishingRole', 'StagingBucketPolicy', 'StagingBucket']);
    });

    it('lists Add, Modify (with replacement) and Remove, executes, and fails an empty one with AWS reason', async () => {
      const stackName = name();
      const create1 = await cfn.send(new CreateChangeSetCommand({
        StackName: stackName,
        ChangeSetName: 'first',
        ChangeSetType: 'CREATE',
        TemplateBody: json({ Resources: { A: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 1 } }, B: { Type: 'AWS::SQS::Queue' } } }),
      }));
      await waitUntilChangeSetCreateComplete({ client: cfn, maxWaitTime: 60, minDelay: 1 }, { ChangeSetName: create1.Id });
      const described = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: 'first', StackName: stackName }));
      assert.equal(described.Status, 'CREATE_COMPLETE');
      assert.equal(described.ExecutionStatus, 'AVAILABLE');
      assert.deepEqual(described.Changes!.map((c) => [c.ResourceChange!.Action, c.ResourceChange!.LogicalResourceId]), [['Add', 'A'], ['Add', 'B']]);
      assert.equal((await settled(cfn, stackName)).StackStatus, 'REVIEW_IN_PROGRESS');
      await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: create1.Id }));
      assert.equal((await settled(cfn, stackName)).StackStatus, 'CREATE_COMPLETE');

      const update = await cfn.send(new CreateChangeSetCommand({
        StackName: stackName,
        ChangeSetName: 'second',
        TemplateBody: json({ Resources: { A: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 2 } }, C: { Type: 'AWS::SQS::Queue', Properties: { FifoQueue: true } } } }),
      }));
      const changes = (await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: update.Id }))).Changes!.map((c) => c.ResourceChange!);
      // Listed by logical id, whatever the action (as AWS lists them).
      assert.deepEqual(changes.map((c) => [c.Action, c.LogicalResourceId, c.Replacement]), [['Modify', 'A', 'False'], ['Remove', 'B', undefined], ['Add', 'C', undefined]]);
      assert.deepEqual(changes[0].Details, [{ Target: { Attribute: 'Properties', Name: 'DelaySeconds', RequiresRecreation: 'Never' }, Evaluation: 'Static', ChangeSource: 'DirectModification' }]);
      assert.deepEqual(changes[0].Scope, ['Properties']);
      assert.equal(changes[1].PolicyAction, 'Delete');
      const replace = await cfn.send(new CreateChangeSetCommand({
        StackName: stackName,
        ChangeSetName: 'third',
        TemplateBody: json({ Resources: { A: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 1, QueueName: name('renamed') } }, B: { Type: 'AWS::SQS::Queue' } } }),
      }));
      const replaced = (await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: replace.Id }))).Changes![0].ResourceChange!;
      assert.equal(replaced.Replacement, 'True');
      assert.deepEqual(replaced.Details![0].Target, { Attribute: 'Properties', Name: 'QueueName', RequiresRecreation: 'Always' });
      // The executed change set is no longer listed (AWS's recording of test_create_change_set_update_without_parameters).
      assert.deepEqual((await cfn.send(new ListChangeSetsCommand({ StackName: stackName }))).Summaries!.map((s) => s.ChangeSetName), ['second', 'third']);

      await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: update.Id }));
      assert.equal((await settled(cfn, stackName)).StackStatus, 'UPDATE_COMPLETE');
      const resources = await cfn.send(new ListStackResourcesCommand({ StackName: stackName }));
      assert.deepEqual(resources.StackResourceSummaries!.map((r) => r.LogicalResourceId).sort(), ['A', 'C']);
      // Executing removed the others; the executed one is no longer listed either (as in AWS's recording).
      assert.deepEqual((await cfn.send(new ListChangeSetsCommand({ StackName: stackName }))).Summaries!.map((s) => s.ChangeSetName), []);

      const empty = await cfn.send(new CreateChangeSetCommand({ StackName: stackName, ChangeSetName: 'empty', UsePreviousTemplate: true }));
      const failed = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: empty.Id }));
      assert.equal(failed.Status, 'FAILED');
      assert.equal(failed.StatusReason, "The submitted information didn't contain changes. Submit different information to create a change set.");
      await assert.rejects(cfn.send(new DescribeChangeSetCommand({ ChangeSetName: 'nope', StackName: stackName })), expectError('ChangeSetNotFoundException', 404, 'ChangeSet [nope] does not exist'));
      // Deleting by name succeeds while the stack exists, as the CDK CLI expects before each deploy.
      assert.equal((await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: 'nope', StackName: stackName }))).$metadata.httpStatusCode, 200);
      await assert.rejects(cfn.send(new DeleteChangeSetCommand({ ChangeSetName: 'nope', StackName: 'nostack' })), { name: 'ValidationError', message: 'Stack [nostack] does not exist' });
    });
  });
});
