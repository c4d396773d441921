import assert from 'node:assert/strict';
import {
  CreateMaintenanceWindowCommand,
  CreateOpsItemCommand,
  CreateOpsMetadataCommand,
  DeleteOpsMetadataCommand,
  DescribeOpsItemsCommand,
  GetOpsItemCommand,
  GetOpsMetadataCommand,
  ListOpsMetadataCommand,
  UpdateOpsItemCommand,
  UpdateOpsMetadataCommand,
  CreatePatchBaselineCommand,
  CreateResourceDataSyncCommand,
  DeleteMaintenanceWindowCommand,
  DeletePatchBaselineCommand,
  DeleteResourceDataSyncCommand,
  DeregisterPatchBaselineForPatchGroupCommand,
  DeregisterTargetFromMaintenanceWindowCommand,
  DeregisterTaskFromMaintenanceWindowCommand,
  DescribeMaintenanceWindowsCommand,
  DescribeMaintenanceWindowTargetsCommand,
  DescribeMaintenanceWindowTasksCommand,
  DescribePatchBaselinesCommand,
  DescribePatchGroupsCommand,
  GetDefaultPatchBaselineCommand,
  GetMaintenanceWindowCommand,
  GetMaintenanceWindowTaskCommand,
  GetPatchBaselineCommand,
  GetPatchBaselineForPatchGroupCommand,
  GetServiceSettingCommand,
  ListResourceDataSyncCommand,
  ListTagsForResourceCommand,
  PutParameterCommand,
  RegisterDefaultPatchBaselineCommand,
  RegisterPatchBaselineForPatchGroupCommand,
  RegisterTargetWithMaintenanceWindowCommand,
  RegisterTaskWithMaintenanceWindowCommand,
  ResetServiceSettingCommand,
  SSMClient,
  UpdateMaintenanceWindowCommand,
  UpdateMaintenanceWindowTargetCommand,
  UpdateMaintenanceWindowTaskCommand,
  UpdatePatchBaselineCommand,
  UpdateResourceDataSyncCommand,
  UpdateServiceSettingCommand,
} from '@aws-sdk/client-ssm';
import { useTwinstack } from '../support/twinstack.ts';
import { expectError } from '../support/aws-error.ts';

// Shapes follow the SSM API reference and the AWS CLI examples (get-service-setting: Status "Default", last
// modified by "System"; maintenance window ids mw- and baseline ids pb- with 17 hex digits).
describe('SSM maintenance windows, patch baselines, resource data syncs and service settings through the AWS SDK v3', function () {
  this.timeout(30_000);
  const context = useTwinstack({ services: ['ssm'], accessKeyId: '111111111111' }, { ssm: (settings) => new SSMClient(settings) });

  it('maintenance windows: create (idempotent by ClientToken), get with the next execution, update, describe filters, delete', async () => {
    context.aws.emulator.clock.set(Date.parse('2026-03-02T10:00:00Z'));
    const request = { Name: 'nightly', Schedule: 'cron(0 2 ? * * *)', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: false, ClientToken: 'token-1' };
    const { WindowId } = await context.ssm.send(new CreateMaintenanceWindowCommand({ ...request, Tags: [{ Key: 'env', Value: 'prod' }] }));
    assert.match(WindowId!, /^mw-[0-9a-f]{17}$/);
    assert.equal((await context.ssm.send(new CreateMaintenanceWindowCommand(request))).WindowId, WindowId);
    await assert.rejects(context.ssm.send(new CreateMaintenanceWindowCommand({ ...request, Duration: 4 })), expectError('IdempotentParameterMismatch', 400));
    const window = await context.ssm.send(new GetMaintenanceWindowCommand({ WindowId }));
    assert.deepEqual(
      [window.Name, window.Schedule, window.Duration, window.Cutoff, window.Enabled, window.AllowUnassociatedTargets, window.NextExecutionTime],
      ['nightly', 'cron(0 2 ? * * *)', 3, 1, true, false, '2026-03-03T02:00Z'],
    );
    await assert.rejects(context.ssm.send(new CreateMaintenanceWindowCommand({ ...request, ClientToken: undefined, Cutoff: 3 })), expectError('ValidationException', 400));
    await assert.rejects(context.ssm.send(new CreateMaintenanceWindowCommand({ ...request, ClientToken: undefined, Schedule: 'every day' })), expectError('ValidationException', 400));
    const updated = await context.ssm.send(new UpdateMaintenanceWindowCommand({ WindowId, Enabled: false, Description: 'off for now' }));
    assert.deepEqual([updated.Enabled, updated.Description, updated.Name, updated.Duration], [false, 'off for now', 'nightly', 3]);
    const { ClientToken: _token, ...settings } = request;
    const replaced = await context.ssm.send(new UpdateMaintenanceWindowCommand({ WindowId, Replace: true, ...settings }));
    assert.equal(replaced.Description, undefined);
    await assert.rejects(context.ssm.send(new UpdateMaintenanceWindowCommand({ WindowId, Replace: true, Name: 'x-only' })), expectError('ValidationException', 400));
    await context.ssm.send(new CreateMaintenanceWindowCommand({ ...request, Name: 'weekly', ClientToken: undefined, Schedule: 'rate(7 days)' }));
    const byName = await context.ssm.send(new DescribeMaintenanceWindowsCommand({ Filters: [{ Key: 'Name', Values: ['weekly'] }] }));
    assert.deepEqual(byName.WindowIdentities!.map((w) => [w.Name, w.Enabled]), [['weekly', true]]);
    assert.deepEqual((await context.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'MaintenanceWindow', ResourceId: WindowId }))).TagList, [{ Key: 'env', Value: 'prod' }]);
    await assert.rejects(
      context.ssm.send(new GetMaintenanceWindowCommand({ WindowId: 'mw-0123456789abcdef0' })),
      expectError('DoesNotExistException', 400, 'Maintenance window mw-0123456789abcdef0 does not exist'),
    );
    assert.equal((await context.ssm.send(new DeleteMaintenanceWindowCommand({ WindowId: 'mw-0123456789abcdef0' }))).WindowId, 'mw-0123456789abcdef0');
  });

  it('window targets and tasks: register, describe, get, update (Replace), a target in use stays with Safe, deregister', async () => {
    const { WindowId } = await context.ssm.send(new CreateMaintenanceWindowCommand({ Name: 'patching', Schedule: 'rate(1 day)', Duration: 2, Cutoff: 0, AllowUnassociatedTargets: true }));
    const { WindowTargetId } = await context.ssm.send(
      new RegisterTargetWithMaintenanceWindowCommand({ WindowId, ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:Patch', Values: ['yes'] }], Name: 'web', OwnerInformation: 'ops' }),
    );
    const targets = (await context.ssm.send(new DescribeMaintenanceWindowTargetsCommand({ WindowId }))).Targets!;
    assert.deepEqual(targets, [{ WindowId, WindowTargetId, ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:Patch', Values: ['yes'] }], Name: 'web', OwnerInformation: 'ops' }]);
    const target = await context.ssm.send(new UpdateMaintenanceWindowTargetCommand({ WindowId, WindowTargetId, Description: 'web servers' }));
    assert.deepEqual([target.Name, target.Description, target.OwnerInformation], ['web', 'web servers', 'ops']);

    const { WindowTaskId } = await context.ssm.send(
      new RegisterTaskWithMaintenanceWindowCommand({
        WindowId,
        TaskArn: 'AWS-RunPatchBaseline',
        TaskType: 'RUN_COMMAND',
        Targets: [{ Key: 'WindowTargetIds', Values: [WindowTargetId!] }],
        MaxConcurrency: '2',
        MaxErrors: '1',
        TaskInvocationParameters: { RunCommand: { Parameters: { Operation: ['Install'] } } },
      }),
    );
    const task = await context.ssm.send(new GetMaintenanceWindowTaskCommand({ WindowId, WindowTaskId }));
    assert.deepEqual([task.TaskType, task.Priority, task.TaskInvocationParameters?.RunCommand?.Parameters], ['RUN_COMMAND', 1, { Operation: ['Install'] }]);
    const listed = (await context.ssm.send(new DescribeMaintenanceWindowTasksCommand({ WindowId, Filters: [{ Key: 'TaskType', Values: ['RUN_COMMAND'] }] }))).Tasks!;
    assert.deepEqual(listed.map((t) => [t.WindowTaskId, t.Type, t.TaskArn]), [[WindowTaskId, 'RUN_COMMAND', 'AWS-RunPatchBaseline']]);
    await assert.rejects(
      context.ssm.send(new RegisterTaskWithMaintenanceWindowCommand({ WindowId, TaskArn: 'AWS-RunShellScript', TaskType: 'RUN_COMMAND', Targets: [{ Key: 'WindowTargetIds', Values: ['00000000-0000-0000-0000-000000000000'] }], MaxConcurrency: '1', MaxErrors: '1' })),
      expectError('DoesNotExistException', 400),
    );
    const task2 = await context.ssm.send(new UpdateMaintenanceWindowTaskCommand({ WindowId, WindowTaskId, Priority: 5 }));
    assert.deepEqual([task2.Priority, task2.MaxConcurrency], [5, '2']);
    await assert.rejects(context.ssm.send(new DeregisterTargetFromMaintenanceWindowCommand({ WindowId, WindowTargetId, Safe: true })), expectError('TargetInUseException', 400));
    await context.ssm.send(new DeregisterTaskFromMaintenanceWindowCommand({ WindowId, WindowTaskId }));
    await context.ssm.send(new DeregisterTargetFromMaintenanceWindowCommand({ WindowId, WindowTargetId, Safe: true }));
    assert.deepEqual((await context.ssm.send(new DescribeMaintenanceWindowTargetsCommand({ WindowId }))).Targets, []);
  });

  it('patch baselines: AWS predefined defaults per OS, custom baselines, patch groups, the default baseline, deletion rules', async () => {
    const predefined = await context.ssm.send(new GetDefaultPatchBaselineCommand({ OperatingSystem: 'AMAZON_LINUX_2' }));
    assert.match(predefined.BaselineId!, /^arn:aws:ssm:us-east-1:aws:patchbaseline\/pb-[0-9a-f]{17}$/);
    assert.equal((await context.ssm.send(new GetPatchBaselineCommand({ BaselineId: predefined.BaselineId }))).Name, 'AWS-AmazonLinux2DefaultPatchBaseline');
    const { BaselineId } = await context.ssm.send(
      new CreatePatchBaselineCommand({
        Name: 'al2-critical',
        OperatingSystem: 'AMAZON_LINUX_2',
        ApprovalRules: { PatchRules: [{ PatchFilterGroup: { PatchFilters: [{ Key: 'SEVERITY', Values: ['Critical'] }] }, ApproveAfterDays: 7 }] },
        Tags: [{ Key: 'tier', Value: 'gold' }],
      }),
    );
    assert.match(BaselineId!, /^pb-[0-9a-f]{17}$/);
    const baseline = await context.ssm.send(new GetPatchBaselineCommand({ BaselineId }));
    assert.deepEqual(
      [baseline.OperatingSystem, baseline.ApprovedPatchesComplianceLevel, baseline.RejectedPatchesAction, baseline.ApprovedPatches, baseline.PatchGroups],
      ['AMAZON_LINUX_2', 'UNSPECIFIED', 'ALLOW_AS_DEPENDENCY', [], []],
    );
    await assert.rejects(
      context.ssm.send(new CreatePatchBaselineCommand({ Name: 'both', ApprovalRules: { PatchRules: [{ PatchFilterGroup: { PatchFilters: [] }, ApproveAfterDays: 1, ApproveUntilDate: '2026-01-01' }] } })),
      expectError('ValidationException', 400),
    );
    const updated = await context.ssm.send(new UpdatePatchBaselineCommand({ BaselineId, Description: 'critical only', ApprovedPatches: ['KB123'] }));
    assert.deepEqual([updated.Name, updated.Description, updated.ApprovedPatches], ['al2-critical', 'critical only', ['KB123']]);

    await context.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId, PatchGroup: 'web' }));
    await assert.rejects(context.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: predefined.BaselineId, PatchGroup: 'web' })), expectError('AlreadyExistsException', 400));
    const forGroup = await context.ssm.send(new GetPatchBaselineForPatchGroupCommand({ PatchGroup: 'web', OperatingSystem: 'AMAZON_LINUX_2' }));
    assert.equal(forGroup.BaselineId, BaselineId);
    const groups = (await context.ssm.send(new DescribePatchGroupsCommand({}))).Mappings!;
    assert.deepEqual(groups.map((m) => [m.PatchGroup, m.BaselineIdentity?.BaselineName, m.BaselineIdentity?.DefaultBaseline]), [['web', 'al2-critical', false]]);
    await assert.rejects(context.ssm.send(new DeletePatchBaselineCommand({ BaselineId })), expectError('ResourceInUseException', 400));
    await context.ssm.send(new DeregisterPatchBaselineForPatchGroupCommand({ BaselineId, PatchGroup: 'web' }));

    await context.ssm.send(new RegisterDefaultPatchBaselineCommand({ BaselineId }));
    assert.equal((await context.ssm.send(new GetDefaultPatchBaselineCommand({ OperatingSystem: 'AMAZON_LINUX_2' }))).BaselineId, BaselineId);
    const mine = await context.ssm.send(new DescribePatchBaselinesCommand({ Filters: [{ Key: 'OWNER', Values: ['Self'] }] }));
    assert.deepEqual(mine.BaselineIdentities!.map((b) => [b.BaselineName, b.DefaultBaseline]), [['al2-critical', true]]);
    const aws2 = await context.ssm.send(new DescribePatchBaselinesCommand({ Filters: [{ Key: 'OWNER', Values: ['AWS'] }, { Key: 'OPERATING_SYSTEM', Values: ['UBUNTU'] }] }));
    assert.deepEqual(aws2.BaselineIdentities!.map((b) => [b.BaselineName, b.DefaultBaseline]), [['AWS-UbuntuDefaultPatchBaseline', true]]);
    await assert.rejects(context.ssm.send(new DeletePatchBaselineCommand({ BaselineId })), expectError('ResourceInUseException', 400));
    await context.ssm.send(new RegisterDefaultPatchBaselineCommand({ BaselineId: predefined.BaselineId }));
    await context.ssm.send(new DeletePatchBaselineCommand({ BaselineId }));
    await assert.rejects(context.ssm.send(new GetPatchBaselineCommand({ BaselineId })), expectError('DoesNotExistException', 400));
    await assert.rejects(context.ssm.send(new UpdatePatchBaselineCommand({ BaselineId: predefined.BaselineId, Description: 'x' })), expectError('InvalidResourceId', 400));
  });

  it('resource data syncs: to an S3 destination or from sources, update rules, not-found and duplicate errors', async () => {
    const s3 = { BucketName: 'inventory', SyncFormat: 'JsonSerDe' as const, Region: 'us-east-1' };
    await context.ssm.send(new CreateResourceDataSyncCommand({ SyncName: 'to-s3', S3Destination: s3 }));
    await assert.rejects(context.ssm.send(new CreateResourceDataSyncCommand({ SyncName: 'to-s3', S3Destination: s3 })), expectError('ResourceDataSyncAlreadyExistsException', 400));
    await assert.rejects(context.ssm.send(new CreateResourceDataSyncCommand({ SyncName: 'nothing' })), expectError('ResourceDataSyncInvalidConfigurationException', 400));
    const source = { SourceType: 'SingleAccountMultiRegions', SourceRegions: ['us-east-1'] };
    await context.ssm.send(new CreateResourceDataSyncCommand({ SyncName: 'ops', SyncType: 'SyncFromSource', SyncSource: source }));
    const toS3 = (await context.ssm.send(new ListResourceDataSyncCommand({}))).ResourceDataSyncItems!;
    assert.deepEqual(toS3.map((s) => [s.SyncName, s.SyncType, s.S3Destination?.BucketName]), [['to-s3', 'SyncToDestination', 'inventory']]);
    await context.ssm.send(new UpdateResourceDataSyncCommand({ SyncName: 'ops', SyncType: 'SyncFromSource', SyncSource: { ...source, SourceRegions: ['us-east-1', 'eu-west-1'] } }));
    const fromSource = (await context.ssm.send(new ListResourceDataSyncCommand({ SyncType: 'SyncFromSource' }))).ResourceDataSyncItems!;
    assert.deepEqual(fromSource.map((s) => [s.SyncName, s.SyncSource?.SourceRegions, s.SyncSource?.State]), [['ops', ['us-east-1', 'eu-west-1'], 'Active']]);
    await assert.rejects(
      context.ssm.send(new UpdateResourceDataSyncCommand({ SyncName: 'to-s3', SyncType: 'SyncFromSource', SyncSource: source })),
      expectError('ResourceDataSyncInvalidConfigurationException', 400),
    );
    await context.ssm.send(new DeleteResourceDataSyncCommand({ SyncName: 'to-s3' }));
    await assert.rejects(context.ssm.send(new DeleteResourceDataSyncCommand({ SyncName: 'to-s3' })), expectError('ResourceDataSyncNotFoundException', 400));
  });

  it('service settings: defaults, update, reset; the default parameter tier applies to new parameters', async () => {
    const id = '/ssm/parameter-store/default-parameter-tier';
    const initial = (await context.ssm.send(new GetServiceSettingCommand({ SettingId: id }))).ServiceSetting!;
    assert.deepEqual(
      [initial.SettingValue, initial.Status, initial.LastModifiedUser, initial.ARN],
      ['Standard', 'Default', 'System', 'arn:aws:ssm:us-east-1:111111111111:servicesetting/ssm/parameter-store/default-parameter-tier'],
    );
    await context.ssm.send(new UpdateServiceSettingCommand({ SettingId: initial.ARN, SettingValue: 'Advanced' }));
    const changed = (await context.ssm.send(new GetServiceSettingCommand({ SettingId: id }))).ServiceSetting!;
    assert.deepEqual([changed.SettingValue, changed.Status, changed.LastModifiedUser], ['Advanced', 'Customized', 'arn:aws:iam::111111111111:root']);
    assert.equal((await context.ssm.send(new PutParameterCommand({ Name: 'tiered', Value: 'x', Type: 'String' }))).Tier, 'Advanced');
    await assert.rejects(context.ssm.send(new UpdateServiceSettingCommand({ SettingId: id, SettingValue: 'Premium' })), expectError('ValidationException', 400));
    await assert.rejects(context.ssm.send(new GetServiceSettingCommand({ SettingId: '/ssm/unknown' })), expectError('ServiceSettingNotFound', 400));
    const reset = (await context.ssm.send(new ResetServiceSettingCommand({ SettingId: id }))).ServiceSetting!;
    assert.deepEqual([reset.SettingValue, reset.Status], ['Standard', 'Default']);
  });

  it('OpsItems and OpsMetadata: create, read, update, filter, tag, delete; reserved data keys and key limits', async () => {
    const { OpsItemId, OpsItemArn } = await context.ssm.send(
      new CreateOpsItemCommand({ Title: 'Disk full', Description: 'Volume at 99%', Source: 'EC2', Priority: 2, OperationalData: { volume: { Value: 'vol-1', Type: 'SearchableString' } }, Tags: [{ Key: 'sev', Value: 'high' }] }),
    );
    assert.match(OpsItemId!, /^oi-[0-9a-f]{12}$/);
    assert.equal(OpsItemArn, `arn:aws:ssm:us-east-1:111111111111:opsitem/${OpsItemId}`);
    await context.ssm.send(new UpdateOpsItemCommand({ OpsItemId, Status: 'Resolved', OperationalDataToDelete: ['volume'] }));
    const item = (await context.ssm.send(new GetOpsItemCommand({ OpsItemId }))).OpsItem!;
    assert.deepEqual([item.Status, item.Version, item.OperationalData, item.CreatedBy], ['Resolved', '2', undefined, 'arn:aws:iam::111111111111:root']);
    const open = await context.ssm.send(new DescribeOpsItemsCommand({ OpsItemFilters: [{ Key: 'Status', Values: ['Open'], Operator: 'Equal' }] }));
    assert.deepEqual(open.OpsItemSummaries, []);
    const titled = await context.ssm.send(new DescribeOpsItemsCommand({ OpsItemFilters: [{ Key: 'Title', Values: ['Disk'], Operator: 'Contains' }] }));
    assert.deepEqual(titled.OpsItemSummaries!.map((s) => [s.OpsItemId, s.Priority]), [[OpsItemId, 2]]);
    assert.deepEqual((await context.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'OpsItem', ResourceId: OpsItemId }))).TagList, [{ Key: 'sev', Value: 'high' }]);
    await assert.rejects(
      context.ssm.send(new CreateOpsItemCommand({ Title: 't', Description: 'd', Source: 's', OperationalData: { awsKey: { Value: 'x' } } })),
      expectError('OpsItemInvalidParameterException', 400),
    );
    await assert.rejects(context.ssm.send(new GetOpsItemCommand({ OpsItemId: 'oi-000000000000' })), expectError('OpsItemNotFoundException', 400));

    const { OpsMetadataArn } = await context.ssm.send(new CreateOpsMetadataCommand({ ResourceId: '/aws/ssm/MyGroup/appmanager', Metadata: { owner: { Value: 'ops' } } }));
    assert.equal(OpsMetadataArn, 'arn:aws:ssm:us-east-1:111111111111:opsmetadata/aws/ssm/MyGroup/appmanager');
    await assert.rejects(context.ssm.send(new CreateOpsMetadataCommand({ ResourceId: '/aws/ssm/MyGroup/appmanager' })), expectError('OpsMetadataAlreadyExistsException', 400));
    await context.ssm.send(new UpdateOpsMetadataCommand({ OpsMetadataArn, MetadataToUpdate: { tier: { Value: 'gold' } }, KeysToDelete: ['owner'] }));
    assert.deepEqual(await context.ssm.send(new GetOpsMetadataCommand({ OpsMetadataArn })).then(({ ResourceId, Metadata }) => ({ ResourceId, Metadata })), {
      ResourceId: '/aws/ssm/MyGroup/appmanager',
      Metadata: { tier: { Value: 'gold' } },
    });
    const many = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((k) => [k, { Value: k }]));
    await assert.rejects(context.ssm.send(new UpdateOpsMetadataCommand({ OpsMetadataArn, MetadataToUpdate: many })), expectError('OpsMetadataKeyLimitExceededException', 400));
    assert.deepEqual((await context.ssm.send(new ListOpsMetadataCommand({}))).OpsMetadataList!.map((o) => o.OpsMetadataArn), [OpsMetadataArn]);
    await context.ssm.send(new DeleteOpsMetadataCommand({ OpsMetadataArn }));
    await assert.rejects(context.ssm.send(new GetOpsMetadataCommand({ OpsMetadataArn })), expectError('OpsMetadataNotFoundException', 400));
  });
});
