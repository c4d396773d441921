import assert from 'node:assert/strict';
import { CloudControlClient, GetResourceCommand } from '@aws-sdk/client-cloudcontrol';
import { DeleteResourceDataSyncCommand, ListResourceDataSyncCommand, SSMClient, UpdateMaintenanceWindowTargetCommand, UpdateMaintenanceWindowTaskCommand } from '@aws-sdk/client-ssm';
import { deploy, output, serveWithClients, stackDrift } from './serve.ts';

const TEMPLATE = `
Resources:
  Hello:
    Type: AWS::SSM::Document
    Properties:
      DocumentType: Command
      Content: { schemaVersion: '2.2', mainSteps: [{ action: aws:runShellScript, name: hello, inputs: { runCommand: ['echo hello'] } }] }
  Window:
    Type: AWS::SSM::MaintenanceWindow
    Properties: { Name: drift-window, Schedule: rate(1 day), Duration: 2, Cutoff: 1, AllowUnassociatedTargets: false }
  WindowTarget:
    Type: AWS::SSM::MaintenanceWindowTarget
    Properties: { WindowId: !Ref Window, ResourceType: INSTANCE, Targets: [{ Key: tag:Role, Values: [web] }], Description: web servers }
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
        MaintenanceWindowRunCommandParameters: { Comment: nightly, TimeoutSeconds: 600 }
      LoggingInfo: { S3Bucket: drift-logs, Region: us-east-1, S3Prefix: window/ }
  Sync:
    Type: AWS::SSM::ResourceDataSync
    Properties:
      SyncName: drift-sync
      S3Destination: { BucketName: inventory-bucket, BucketRegion: us-east-1, BucketPrefix: nodes, SyncFormat: JsonSerDe }
Outputs:
  Window: { Value: !Ref Window }
  Target: { Value: !Ref WindowTarget }
  Task: { Value: !Ref WindowTask }
`;

describe('CloudFormation: drift of SSM maintenance window targets and tasks and resource data syncs', function () {
  this.timeout(60_000);
  const aws = serveWithClients({ ssm: SSMClient, control: CloudControlClient });

  it('finds them in sync, then the changes made through SSM as property differences (or DELETED)', async () => {
    const stack = await deploy(aws.cfn, 'ssm-drift', TEMPLATE);
    const out = (name: string) => output(stack, name);
    // The sync's S3Destination reaches SSM in the API's names.
    const { ResourceDataSyncItems } = await aws.ssm.send(new ListResourceDataSyncCommand({}));
    assert.deepEqual(ResourceDataSyncItems![0].S3Destination, { BucketName: 'inventory-bucket', Region: 'us-east-1', Prefix: 'nodes', SyncFormat: 'JsonSerDe' });
    const first = await stackDrift(aws.cfn, 'ssm-drift');
    assert.deepEqual(['WindowTarget', 'WindowTask', 'Sync'].map((id) => [id, first.resources[id].StackResourceDriftStatus, first.resources[id].PropertyDifferences]), [
      ['WindowTarget', 'IN_SYNC', []],
      ['WindowTask', 'IN_SYNC', []],
      ['Sync', 'IN_SYNC', []],
    ]);

    await aws.ssm.send(new UpdateMaintenanceWindowTargetCommand({ WindowId: out('Window'), WindowTargetId: out('Target'), Description: 'all servers' }));
    await aws.ssm.send(new UpdateMaintenanceWindowTaskCommand({ WindowId: out('Window'), WindowTaskId: out('Task'), Priority: 5, TaskInvocationParameters: { RunCommand: { Comment: 'weekly', TimeoutSeconds: 600 } } }));
    await aws.ssm.send(new DeleteResourceDataSyncCommand({ SyncName: 'drift-sync' }));

    const second = await stackDrift(aws.cfn, 'ssm-drift');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences('WindowTarget'), [['/Description', 'web servers', 'all servers', 'NOT_EQUAL']]);
    assert.deepEqual(differences('WindowTask'), [
      ['/Priority', '3', '5', 'NOT_EQUAL'],
      ['/TaskInvocationParameters/MaintenanceWindowRunCommandParameters/Comment', 'nightly', 'weekly', 'NOT_EQUAL'],
    ]);
    assert.equal(second.resources.Sync.StackResourceDriftStatus, 'DELETED');

    // Cloud Control knows a task by its id alone (AWS's primary identifier) and answers it in the template's names.
    const { ResourceDescription } = await aws.control.send(new GetResourceCommand({ TypeName: 'AWS::SSM::MaintenanceWindowTask', Identifier: out('Task') }));
    const task = JSON.parse(ResourceDescription!.Properties!);
    assert.deepEqual([task.WindowId, task.Priority, task.LoggingInfo, task.TaskInvocationParameters], [out('Window'), 5, { S3Bucket: 'drift-logs', S3Prefix: 'window/', Region: 'us-east-1' }, { MaintenanceWindowRunCommandParameters: { Comment: 'weekly', TimeoutSeconds: 600 } }]);
  });
});
