import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  AddTagsToResourceCommand,
  CreateAssociationBatchCommand,
  CreateAssociationCommand,
  CreateDocumentCommand,
  DeleteAssociationCommand,
  DeleteDocumentCommand,
  DescribeAssociationCommand,
  DescribeDocumentCommand,
  DescribeDocumentPermissionCommand,
  GetDocumentCommand,
  ListAssociationsCommand,
  ListAssociationVersionsCommand,
  ListDocumentsCommand,
  ListDocumentVersionsCommand,
  ListTagsForResourceCommand,
  ModifyDocumentPermissionCommand,
  SSMClient,
  UpdateAssociationCommand,
  UpdateDocumentCommand,
  UpdateDocumentDefaultVersionCommand,
} from '@aws-sdk/client-ssm';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { useTwinstack } from '../support/twinstack.ts';
import { expectError } from '../support/aws-error.ts';
import { BOTO3_ENV, runBoto3Script } from '../support/boto3.ts';

const commandDocument = (commands: string[]) =>
  JSON.stringify({
    schemaVersion: '2.2',
    description: 'Say hello',
    parameters: { greeting: { type: 'String', description: 'What to say', default: 'hello' }, times: { type: 'String' } },
    mainSteps: [{ action: 'aws:runShellScript', name: 'hello', inputs: { runCommand: commands } }],
  });

// Shapes and rules follow the SSM API reference (CreateDocument, UpdateDocument, ListDocuments, CreateAssociation,
// UpdateAssociation) and the AWS CLI examples (create-document answers Status "Creating", update-document "Updating").
describe('SSM documents and associations through the AWS SDK v3', function () {
  this.timeout(30_000);
  const context = useTwinstack({ services: ['ssm'], accessKeyId: '111111111111' }, { ssm: (settings) => new SSMClient(settings) });

  it('CreateDocument reads JSON content: hash, parameters, platforms, schema; duplicates, reserved names and bad content fail', async () => {
    const content = commandDocument(['echo {{ greeting }}']);
    const created = (await context.ssm.send(new CreateDocumentCommand({ Name: 'Hello-Doc', Content: content, Tags: [{ Key: 'team', Value: 'blue' }] }))).DocumentDescription!;
    assert.deepEqual(
      { ...created, CreatedDate: undefined },
      {
        Hash: (await import('node:crypto')).createHash('sha256').update(content).digest('hex'),
        HashType: 'Sha256',
        Name: 'Hello-Doc',
        Owner: '111111111111',
        CreatedDate: undefined,
        Status: 'Creating',
        DocumentVersion: '1',
        Description: 'Say hello',
        Parameters: [
          { Name: 'greeting', Type: 'String', Description: 'What to say', DefaultValue: 'hello' },
          { Name: 'times', Type: 'String' },
        ],
        PlatformTypes: ['Linux', 'MacOS'],
        DocumentType: 'Command',
        SchemaVersion: '2.2',
        LatestVersion: '1',
        DefaultVersion: '1',
        DocumentFormat: 'JSON',
        Tags: [{ Key: 'team', Value: 'blue' }],
      },
    );
    await assert.rejects(
      context.ssm.send(new CreateDocumentCommand({ Name: 'Hello-Doc', Content: content })),
      expectError('DocumentAlreadyExists', 400, 'Document with same name Hello-Doc already exists'),
    );
    await assert.rejects(context.ssm.send(new CreateDocumentCommand({ Name: 'AWS-Mine', Content: content })), expectError('ValidationException', 400));
    await assert.rejects(context.ssm.send(new CreateDocumentCommand({ Name: 'broken', Content: '{"schemaVersion": ' })), (e: Error) => {
      assert.equal(e.name, 'InvalidDocumentContent');
      assert.match(e.message, /^JSON not well-formed\. at Line: 1, Column: \d+$/);
      return true;
    });
    await assert.rejects(
      context.ssm.send(new CreateDocumentCommand({ Name: 'undeclared', Content: JSON.stringify({ schemaVersion: '2.2', mainSteps: [{ action: 'aws:runShellScript', name: 'x', inputs: { runCommand: ['echo {{ PackageVersion }}'] } }] }) })),
      expectError('InvalidDocumentContent', 400, 'Parameter "PackageVersion" is not declared.'),
    );
    await assert.rejects(
      context.ssm.send(new CreateDocumentCommand({ Name: 'old-schema', Content: JSON.stringify({ schemaVersion: '9.9', mainSteps: [] }) })),
      expectError('InvalidDocumentSchemaVersion', 400),
    );
    await assert.rejects(
      context.ssm.send(new CreateDocumentCommand({ Name: 'huge', Content: JSON.stringify({ schemaVersion: '2.2', description: 'x'.repeat(65 * 1024) }) })),
      expectError('MaxDocumentSizeExceeded', 400, 'The size limit of a document is 64 KB.'),
    );
    await assert.rejects(context.ssm.send(new CreateDocumentCommand({ Name: 'bad name!', Content: content })), expectError('ValidationException', 400));
  });

  it('YAML documents, GetDocument in either format, versions, the default version, version deletion', async () => {
    const yaml = "schemaVersion: '0.3'\ndescription: Restart\nparameters:\n  InstanceId:\n    type: String\nmainSteps:\n  - name: stop\n    action: aws:changeInstanceState\n    inputs:\n      InstanceIds: ['{{ InstanceId }}']\n      DesiredState: stopped\n";
    await context.ssm.send(new CreateDocumentCommand({ Name: 'Restart', Content: yaml, DocumentFormat: 'YAML', DocumentType: 'Automation', VersionName: 'one' }));
    const asJson = await context.ssm.send(new GetDocumentCommand({ Name: 'Restart', DocumentFormat: 'JSON' }));
    assert.equal(JSON.parse(asJson.Content!).mainSteps[0].inputs.DesiredState, 'stopped');
    assert.deepEqual([asJson.DocumentFormat, asJson.DocumentType, asJson.Status, asJson.VersionName], ['JSON', 'Automation', 'Active', 'one']);
    assert.equal((await context.ssm.send(new GetDocumentCommand({ Name: 'Restart' }))).Content, yaml);

    const changed = yaml.replace('stopped', 'running');
    const updated = (await context.ssm.send(new UpdateDocumentCommand({ Name: 'Restart', Content: changed, DocumentFormat: 'YAML', DocumentVersion: '$LATEST', VersionName: 'two' })))
      .DocumentDescription!;
    assert.deepEqual([updated.DocumentVersion, updated.LatestVersion, updated.DefaultVersion, updated.Status], ['2', '2', '1', 'Updating']);
    await assert.rejects(
      context.ssm.send(new UpdateDocumentCommand({ Name: 'Restart', Content: changed, DocumentFormat: 'YAML' })),
      expectError('DuplicateDocumentContent', 400),
    );
    await assert.rejects(
      context.ssm.send(new UpdateDocumentCommand({ Name: 'Restart', Content: yaml.replace('Restart', 'Again'), DocumentFormat: 'YAML', VersionName: 'two' })),
      expectError('DuplicateDocumentVersionName', 400),
    );
    await assert.rejects(context.ssm.send(new UpdateDocumentCommand({ Name: 'Restart', Content: yaml, DocumentVersion: '1' })), expectError('InvalidDocumentVersion', 400));
    assert.equal((await context.ssm.send(new GetDocumentCommand({ Name: 'Restart', VersionName: 'two' }))).Content, changed);
    assert.equal((await context.ssm.send(new DescribeDocumentCommand({ Name: 'Restart', DocumentVersion: '$LATEST' }))).Document!.VersionName, 'two');

    const defaults = await context.ssm.send(new UpdateDocumentDefaultVersionCommand({ Name: 'Restart', DocumentVersion: '2' }));
    assert.deepEqual(defaults.Description, { Name: 'Restart', DefaultVersion: '2', DefaultVersionName: 'two' });
    const versions = (await context.ssm.send(new ListDocumentVersionsCommand({ Name: 'Restart' }))).DocumentVersions!;
    assert.deepEqual(versions.map((v) => [v.DocumentVersion, v.VersionName, v.IsDefaultVersion]), [['1', 'one', false], ['2', 'two', true]]);
    await assert.rejects(context.ssm.send(new DeleteDocumentCommand({ Name: 'Restart', DocumentVersion: '2' })), expectError('InvalidDocumentOperation', 400));
    await context.ssm.send(new DeleteDocumentCommand({ Name: 'Restart', DocumentVersion: '1' }));
    assert.equal((await context.ssm.send(new ListDocumentVersionsCommand({ Name: 'Restart' }))).DocumentVersions!.length, 1);
    await assert.rejects(context.ssm.send(new GetDocumentCommand({ Name: 'Restart', DocumentVersion: '7' })), expectError('InvalidDocumentVersion', 400));
    await context.ssm.send(new DeleteDocumentCommand({ Name: 'Restart' }));
    await assert.rejects(
      context.ssm.send(new GetDocumentCommand({ Name: 'Restart' })),
      expectError('InvalidDocument', 400, 'The specified document does not exist.'),
    );
  });

  it('AWS-owned documents are listed as Owner Amazon and readable by name; ListDocuments filters and pages', async () => {
    const shell = (await context.ssm.send(new DescribeDocumentCommand({ Name: 'AWS-RunShellScript' }))).Document!;
    assert.deepEqual([shell.Owner, shell.DocumentType, shell.PlatformTypes], ['Amazon', 'Command', ['Linux', 'MacOS']]);
    assert.deepEqual(shell.Parameters!.map((p) => p.Name), ['commands', 'workingDirectory', 'executionTimeout']);
    assert.equal((await context.ssm.send(new GetDocumentCommand({ Name: 'arn:aws:ssm:us-east-1::document/AWS-RunShellScript' }))).Name, 'AWS-RunShellScript');
    const amazon = (await context.ssm.send(new ListDocumentsCommand({ Filters: [{ Key: 'Owner', Values: ['Amazon'] }, { Key: 'Name', Values: ['AWS-Run'] }] }))).DocumentIdentifiers!;
    assert.deepEqual(amazon.map((d) => d.Name), ['AWS-RunPatchBaseline', 'AWS-RunPowerShellScript', 'AWS-RunShellScript']);
    const mine = (await context.ssm.send(new ListDocumentsCommand({ Filters: [{ Key: 'Owner', Values: ['Self'] }] }))).DocumentIdentifiers!;
    assert.deepEqual(mine.map((d) => [d.Name, d.Owner, d.DocumentVersion]), [['Hello-Doc', '111111111111', '1']]);
    const tagged = await context.ssm.send(new ListDocumentsCommand({ Filters: [{ Key: 'tag:team', Values: ['blue'] }] }));
    assert.deepEqual(tagged.DocumentIdentifiers!.map((d) => d.Name), ['Hello-Doc']);
    const legacy = await context.ssm.send(new ListDocumentsCommand({ DocumentFilterList: [{ key: 'DocumentType', value: 'Automation' }] }));
    assert.ok(legacy.DocumentIdentifiers!.every((d) => d.DocumentType === 'Automation' && d.Owner === 'Amazon'));
    const first = await context.ssm.send(new ListDocumentsCommand({ MaxResults: 2 }));
    const second = await context.ssm.send(new ListDocumentsCommand({ MaxResults: 2, NextToken: first.NextToken }));
    assert.equal(first.DocumentIdentifiers!.length, 2);
    assert.notEqual(second.DocumentIdentifiers![0].Name, first.DocumentIdentifiers![0].Name);
    await assert.rejects(context.ssm.send(new ListDocumentsCommand({ Filters: [{ Key: 'Colour', Values: ['x'] }] })), expectError('InvalidFilterKey', 400));
    await assert.rejects(context.ssm.send(new UpdateDocumentCommand({ Name: 'AWS-RunShellScript', Content: '{}' })), expectError('InvalidDocument', 400));
  });

  it('sharing: ModifyDocumentPermission and DescribeDocumentPermission; tags on documents', async () => {
    await context.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'Hello-Doc', PermissionType: 'Share', AccountIdsToAdd: ['222222222222', '333333333333'] }));
    await context.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'Hello-Doc', PermissionType: 'Share', AccountIdsToRemove: ['333333333333'], SharedDocumentVersion: '$LATEST' }));
    const shared = await context.ssm.send(new DescribeDocumentPermissionCommand({ Name: 'Hello-Doc', PermissionType: 'Share' }));
    assert.deepEqual([shared.AccountIds, shared.AccountSharingInfoList], [['222222222222'], [{ AccountId: '222222222222', SharedDocumentVersion: '$LATEST' }]]);
    await assert.rejects(
      context.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'Hello-Doc', PermissionType: 'Share', AccountIdsToAdd: ['12'] })),
      expectError('ValidationException', 400),
    );
    await context.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Document', ResourceId: 'Hello-Doc', Tags: [{ Key: 'env', Value: 'dev' }] }));
    assert.deepEqual((await context.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Document', ResourceId: 'Hello-Doc' }))).TagList, [
      { Key: 'team', Value: 'blue' },
      { Key: 'env', Value: 'dev' },
    ]);
    await assert.rejects(context.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Document', ResourceId: 'AWS-RunShellScript' })), expectError('InvalidResourceId', 400));
  });

  it('associations: create (parameters checked against the document), versions on update, batch, list filters, delete', async () => {
    const created = (
      await context.ssm.send(
        new CreateAssociationCommand({
          Name: 'Hello-Doc',
          AssociationName: 'say-hello',
          Targets: [{ Key: 'tag:Role', Values: ['web'] }],
          Parameters: { times: ['2'] },
          ScheduleExpression: 'rate(30 minutes)',
          Tags: [{ Key: 'owner', Value: 'ops' }],
        }),
      )
    ).AssociationDescription!;
    assert.match(created.AssociationId!, /^[0-9a-f-]{36}$/);
    assert.deepEqual(
      [created.AssociationVersion, created.DocumentVersion, created.Overview, created.ApplyOnlyAtCronInterval],
      ['1', '$DEFAULT', { Status: 'Pending', DetailedStatus: 'Creating', AssociationStatusAggregatedCount: {} }, false],
    );
    await assert.rejects(
      context.ssm.send(new CreateAssociationCommand({ Name: 'Hello-Doc', Targets: [{ Key: 'tag:Role', Values: ['web'] }], Parameters: { colour: ['red'], times: ['1'] } })),
      expectError('InvalidParameters', 400),
    );
    await assert.rejects(context.ssm.send(new CreateAssociationCommand({ Name: 'Hello-Doc', Parameters: {} })), expectError('InvalidParameters', 400));
    await assert.rejects(
      context.ssm.send(new CreateAssociationCommand({ Name: 'Hello-Doc', Parameters: { times: ['1'] }, ScheduleExpression: 'rate(5 minutes)' })),
      expectError('InvalidSchedule', 400),
    );
    await assert.rejects(context.ssm.send(new CreateAssociationCommand({ Name: 'No-Such-Doc' })), expectError('InvalidDocument', 400));
    await assert.rejects(context.ssm.send(new CreateAssociationCommand({ Name: 'Hello-Doc', DocumentVersion: '9', Parameters: { times: ['1'] } })), expectError('InvalidDocumentVersion', 400));

    const updated = (
      await context.ssm.send(new UpdateAssociationCommand({ AssociationId: created.AssociationId, Parameters: { times: ['3'] }, ScheduleExpression: 'cron(0 2 ? * SUN *)', AssociationVersion: '$LATEST' }))
    ).AssociationDescription!;
    assert.deepEqual([updated.AssociationVersion, updated.ScheduleExpression, updated.AssociationName, updated.Targets], ['2', 'cron(0 2 ? * SUN *)', undefined, created.Targets]);
    await assert.rejects(context.ssm.send(new UpdateAssociationCommand({ AssociationId: created.AssociationId, AssociationVersion: '1', Parameters: { times: ['1'] } })), expectError('InvalidAssociationVersion', 400));
    const versions = (await context.ssm.send(new ListAssociationVersionsCommand({ AssociationId: created.AssociationId }))).AssociationVersions!;
    assert.deepEqual(versions.map((v) => [v.AssociationVersion, v.Parameters]), [['1', { times: ['2'] }], ['2', { times: ['3'] }]]);
    const first = (await context.ssm.send(new DescribeAssociationCommand({ AssociationId: created.AssociationId, AssociationVersion: '1' }))).AssociationDescription!;
    assert.deepEqual([first.AssociationVersion, first.AssociationName, first.ScheduleExpression], ['1', 'say-hello', 'rate(30 minutes)']);
    assert.deepEqual((await context.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Association', ResourceId: created.AssociationId }))).TagList, [{ Key: 'owner', Value: 'ops' }]);

    const batch = await context.ssm.send(
      new CreateAssociationBatchCommand({
        Entries: [
          { Name: 'AWS-RunShellScript', Targets: [{ Key: 'InstanceIds', Values: ['*'] }], Parameters: { commands: ['uptime'] } },
          { Name: 'No-Such-Doc' },
        ],
      }),
    );
    assert.equal(batch.Successful!.length, 1);
    assert.deepEqual(batch.Failed!.map((f) => [f.Entry!.Name, f.Message, f.Fault]), [['No-Such-Doc', 'The specified document does not exist.', 'Client']]);
    const listed = (await context.ssm.send(new ListAssociationsCommand({ AssociationFilterList: [{ key: 'Name', value: 'AWS-RunShellScript' }] }))).Associations!;
    assert.deepEqual(listed.map((a) => [a.Name, a.AssociationVersion]), [['AWS-RunShellScript', '1']]);
    await assert.rejects(context.ssm.send(new DeleteDocumentCommand({ Name: 'Hello-Doc' })), expectError('AssociatedInstances', 400));
    await context.ssm.send(new DeleteAssociationCommand({ AssociationId: created.AssociationId }));
    await assert.rejects(
      context.ssm.send(new DescribeAssociationCommand({ AssociationId: created.AssociationId })),
      expectError('AssociationDoesNotExist', 400),
    );
    await context.ssm.send(new DeleteDocumentCommand({ Name: 'Hello-Doc' }));
  });
});

describe('SSM documents with boto3 and the AWS CLI', function () {
  this.timeout(60_000);
  let aws: Twinstack;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['ssm'] });
  });
  after(() => aws?.stop());

  it('creates a YAML document, pages AWS-owned documents, associates and schedules a window (boto3)', async () => {
    const out = await runBoto3Script<Record<string, unknown>>(new URL('./python-documents.py', import.meta.url), aws.endpoint);
    assert.deepEqual(out.created, ['Creating', 'YAML', '2.2', ['Linux', 'MacOS']]);
    assert.ok((out.amazon as string[]).includes('AWS-RunShellScript') && (out.amazon as string[]).length >= 10);
    assert.deepEqual(out.association, ['py-doc', '1', 'Pending']);
    assert.deepEqual(out.windows, ['py-window']);
    assert.deepEqual(out.missing, { Code: 'InvalidDocument', Message: 'The specified document does not exist.' });
  });

  it('describes an AWS-owned document and lists patch baselines with the AWS CLI v1', async () => {
    const cli = async (...args: string[]) =>
      JSON.parse((await promisify(execFile)('python3', ['-m', 'awscli', '--endpoint-url', aws.endpoint, '--output', 'json', 'ssm', ...args], { env: BOTO3_ENV })).stdout);
    assert.equal((await cli('describe-document', '--name', 'AWS-RunPowerShellScript')).Document.PlatformTypes[0], 'Windows');
    const baselines = (await cli('describe-patch-baselines', '--filters', 'Key=OWNER,Values=AWS')).BaselineIdentities;
    assert.ok(baselines.some((b: { BaselineName: string; DefaultBaseline: boolean }) => b.BaselineName === 'AWS-DefaultPatchBaseline' && b.DefaultBaseline));
    assert.equal((await cli('get-service-setting', '--setting-id', '/ssm/parameter-store/high-throughput-enabled')).ServiceSetting.SettingValue, 'false');
  });
});
