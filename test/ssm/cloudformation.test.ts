import assert from 'node:assert/strict';
import {
  DescribeAssociationCommand,
  DescribeDocumentCommand,
  DescribeMaintenanceWindowTargetsCommand,
  DescribeMaintenanceWindowTasksCommand,
  GetDefaultPatchBaselineCommand,
  GetDocumentCommand,
  GetMaintenanceWindowCommand,
  GetPatchBaselineCommand,
  ListResourceDataSyncCommand,
  ListTagsForResourceCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { deleteStack, deploy, output, serveWithClients } from '../cloudformation/serve.ts';
import { expectError } from '../support/aws-error.ts';

const template = (version: string, method: string) => `
Resources:
  Hello:
    Type: AWS::SSM::Document
    Properties:
      Name: cfn-hello
      DocumentType: Command
      UpdateMethod: ${method}
      Tags: [{ Key: team, Value: blue }]
      Content:
        schemaVersion: '2.2'
        description: Say hello ${version}
        parameters: { who: { type: String, default: world } }
        mainSteps: [{ action: aws:runShellScript, name: hello, inputs: { runCommand: ['echo hello {{ who }}'] } }]
  Nightly:
    Type: AWS::SSM::Association
    Properties:
      Name: !Ref Hello
      AssociationName: nightly-hello
      ScheduleExpression: cron(0 2 ? * * *)
      Targets: [{ Key: tag:Role, Values: [web] }]
      Parameters: { who: [ops] }
  Window:
    Type: AWS::SSM::MaintenanceWindow
    Properties: { Name: cfn-window, Schedule: rate(1 day), Duration: 2, Cutoff: 1, AllowUnassociatedTargets: false }
  WindowTarget:
    Type: AWS::SSM::MaintenanceWindowTarget
    Properties: { WindowId: !Ref Window, ResourceType: INSTANCE, Targets: [{ Key: tag:Role, Values: [web] }] }
  WindowTask:
    Type: AWS::SSM::MaintenanceWindowTask
    Properties:
      WindowId: !Ref Window
      TaskArn: !Ref Hello
      TaskType: RUN_COMMAND
      Priority: 3
      MaxConcurrency: '1'
      MaxErrors: '0'
      Targets: [{ Key: WindowTargetIds, Values: [!Ref WindowTarget] }]
      TaskInvocationParameters:
        MaintenanceWindowRunCommandParameters: { Parameters: { who: [window] } }
  Baseline:
    Type: AWS::SSM::PatchBaseline
    Properties:
      Name: cfn-baseline
      OperatingSystem: AMAZON_LINUX_2023
      PatchGroups: [web]
      DefaultBaseline: true
      ApprovalRules: { PatchRules: [{ ApproveAfterDays: 3, PatchFilterGroup: { PatchFilters: [{ Key: CLASSIFICATION, Values: [Security] }] } }] }
  Sync:
    Type: AWS::SSM::ResourceDataSync
    Properties: { SyncName: cfn-sync, BucketName: inventory-bucket, BucketRegion: us-east-1, SyncFormat: JsonSerDe }
Outputs:
  Association: { Value: !GetAtt Nightly.AssociationId }
  Window: { Value: !Ref Window }
  Baseline: { Value: !Ref Baseline }
`;

// Resource shapes follow the CloudFormation resource reference of AWS::SSM::Document, Association,
// MaintenanceWindow(Target/Task), PatchBaseline and ResourceDataSync (Ref and GetAtt as documented there).
describe('SSM CloudFormation resource types', function () {
  this.timeout(60_000);
  const served = serveWithClients({ ssm: SSMClient });

  it('creates documents, associations, windows with targets and tasks, baselines and syncs; updates and deletes them', async () => {
    const stack = await deploy(served.cfn, 'ssm-stack', template('v1', 'NewVersion'));
    const document = (await served.ssm.send(new DescribeDocumentCommand({ Name: 'cfn-hello' }))).Document!;
    // CloudFormation adds its aws:cloudformation:* tags to what it creates, next to the template's.
    const tags = Object.fromEntries(document.Tags!.map((t) => [t.Key, t.Value]));
    assert.deepEqual([document.Description, tags.team, tags['aws:cloudformation:logical-id'], tags['aws:cloudformation:stack-name']], ['Say hello v1', 'blue', 'Hello', 'ssm-stack']);
    const association = (await served.ssm.send(new DescribeAssociationCommand({ AssociationId: output(stack, 'Association') }))).AssociationDescription!;
    assert.deepEqual([association.Name, association.AssociationName, association.Parameters], ['cfn-hello', 'nightly-hello', { who: ['ops'] }]);
    const windowId = output(stack, 'Window');
    assert.equal((await served.ssm.send(new GetMaintenanceWindowCommand({ WindowId: windowId }))).Name, 'cfn-window');
    const targets = (await served.ssm.send(new DescribeMaintenanceWindowTargetsCommand({ WindowId: windowId }))).Targets!;
    const tasks = (await served.ssm.send(new DescribeMaintenanceWindowTasksCommand({ WindowId: windowId }))).Tasks!;
    assert.deepEqual(tasks.map((t) => [t.TaskArn, t.Priority, t.Targets]), [['cfn-hello', 3, [{ Key: 'WindowTargetIds', Values: [targets[0].WindowTargetId] }]]]);
    const baselineId = output(stack, 'Baseline');
    assert.deepEqual((await served.ssm.send(new GetPatchBaselineCommand({ BaselineId: baselineId }))).PatchGroups, ['web']);
    assert.equal((await served.ssm.send(new GetDefaultPatchBaselineCommand({ OperatingSystem: 'AMAZON_LINUX_2023' }))).BaselineId, baselineId);
    const syncs = (await served.ssm.send(new ListResourceDataSyncCommand({}))).ResourceDataSyncItems!;
    assert.deepEqual(syncs.map((s) => [s.SyncName, s.S3Destination?.BucketName]), [['cfn-sync', 'inventory-bucket']]);

    await deploy(served.cfn, 'ssm-stack', template('v2', 'NewVersion'), {}, true);
    const updated = (await served.ssm.send(new DescribeDocumentCommand({ Name: 'cfn-hello' }))).Document!;
    assert.deepEqual([updated.Description, updated.DefaultVersion, updated.LatestVersion], ['Say hello v2', '2', '2']);
    assert.match((await served.ssm.send(new GetDocumentCommand({ Name: 'cfn-hello', DocumentVersion: '1' }))).Content!, /Say hello v1/);

    await deleteStack(served.cfn, stack);
    await assert.rejects(served.ssm.send(new DescribeDocumentCommand({ Name: 'cfn-hello' })), expectError('InvalidDocument', 400));
    await assert.rejects(served.ssm.send(new GetMaintenanceWindowCommand({ WindowId: windowId })), expectError('DoesNotExistException', 400));
    await assert.rejects(served.ssm.send(new GetPatchBaselineCommand({ BaselineId: baselineId })), expectError('DoesNotExistException', 400));
    await assert.rejects(served.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Association', ResourceId: association.AssociationId })), expectError('InvalidResourceId', 400));
    assert.match((await served.ssm.send(new GetDefaultPatchBaselineCommand({ OperatingSystem: 'AMAZON_LINUX_2023' }))).BaselineId!, /^arn:aws:ssm:us-east-1:aws:patchbaseline\//);
    assert.deepEqual((await served.ssm.send(new ListResourceDataSyncCommand({}))).ResourceDataSyncItems, []);
  });
});
