import assert from 'node:assert/strict';
import {
  ActivateOrganizationsAccessCommand,
  ActivateTypeCommand,
  BatchDescribeTypeConfigurationsCommand,
  CloudFormationClient,
  DeactivateOrganizationsAccessCommand,
  DeactivateTypeCommand,
  DescribeOrganizationsAccessCommand,
  DeregisterTypeCommand,
  DescribePublisherCommand,
  DescribeTypeCommand,
  DescribeTypeRegistrationCommand,
  ListTypeRegistrationsCommand,
  ListTypesCommand,
  ListTypeVersionsCommand,
  PublishTypeCommand,
  RecordHandlerProgressCommand,
  RegisterPublisherCommand,
  RegisterTypeCommand,
  SetTypeConfigurationCommand,
  SetTypeDefaultVersionCommand,
  TestTypeCommand,
  waitUntilTypeRegistrationComplete,
} from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { strToU8, zipSync } from 'fflate';
import type { Twinstack } from '../../emulator/index.ts';
import { rejection } from '../support/aws-error.ts';
import { loadSnapshot } from '../support/snapshot.ts';
import { CLIENT_CONFIG, serveCloudFormation } from './serve.ts';

/** AWS's recorded answers (LocalStack's test_extensions_api, validated against AWS). */
const recorded = loadSnapshot('cloudformation', 'api/test_extensions_api.snapshot.json');
const crud = (kind: string) => Object.entries(recorded).find(([id]) => id.includes(`test_crud_extension[${kind}`))![1]['recorded-content'] as Record<string, Record<string, unknown>>;
const versioning = Object.entries(recorded).find(([id]) => id.endsWith('test_extension_versioning'))![1]['recorded-content'] as Record<string, { Error: { Code: string; Message: string } }>;


describe('CloudFormation: the extension registry', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  let s3: S3Client;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });
  before(async () => {
    s3 = new S3Client({ endpoint: aws.endpoint, forcePathStyle: true, ...CLIENT_CONFIG });
    await s3.send(new CreateBucketCommand({ Bucket: 'extensions' }));
  });
  after(() => s3.destroy());

  async function upload(key: string, files: Record<string, string>): Promise<string> {
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
    await s3.send(new PutObjectCommand({ Bucket: 'extensions', Key: key, Body: zip }));
    return `s3://extensions/${key}`;
  }

  it('registers a resource type from its package and describes it as AWS does, then deregisters it', async () => {
    const expected = crud('RESOURCE').describe_response;
    const schema = expected.Schema as Record<string, unknown>;
    const url = await upload('resource.zip', { 'schema.json': JSON.stringify(schema), 'ResourceProvider.zip': 'handler code' });
    const { RegistrationToken } = await cfn.send(new RegisterTypeCommand({ Type: 'RESOURCE', TypeName: 'LocalStack::Testing::TestResource', SchemaHandlerPackage: url }));
    await waitUntilTypeRegistrationComplete({ client: cfn, maxWaitTime: 60 }, { RegistrationToken });
    const registration = await cfn.send(new DescribeTypeRegistrationCommand({ RegistrationToken }));
    assert.equal(registration.ProgressStatus, 'COMPLETE');
    assert.equal(registration.TypeArn, 'arn:aws:cloudformation:us-east-1:000000000000:type/resource/LocalStack-Testing-TestResource');
    assert.equal(registration.TypeVersionArn, `${registration.TypeArn}/00000001`);

    const described = await cfn.send(new DescribeTypeCommand({ Arn: registration.TypeArn }));
    assert.deepEqual(JSON.parse(described.Schema!), schema);
    const { $metadata: _m, Schema: _s, LastUpdated, TimeCreated, TypeTestsStatus, ...rest } = described;
    assert.ok(LastUpdated instanceof Date && TimeCreated instanceof Date);
    assert.equal(TypeTestsStatus, 'NOT_TESTED');
    // AWS's answer, but for the execution role the recorded test's account had set up (none was given here).
    const { Schema: _es, LastUpdated: _el, TimeCreated: _et, ExecutionRoleArn: _role, ResponseMetadata: _r, ...want } = expected;
    assert.deepEqual(rest, { ...want, Arn: `${registration.TypeArn}/00000001`, DefaultVersionId: '00000001' });

    const listed = await cfn.send(new ListTypeRegistrationsCommand({ TypeName: 'LocalStack::Testing::TestResource', Type: 'RESOURCE' }));
    assert.deepEqual(listed.RegistrationTokenList, crud('RESOURCE').list_response.RegistrationTokenList);
    const completed = await cfn.send(new ListTypeRegistrationsCommand({ TypeArn: registration.TypeArn, RegistrationStatusFilter: 'COMPLETE' }));
    assert.deepEqual(completed.RegistrationTokenList, [RegistrationToken]);

    const privateTypes = await cfn.send(new ListTypesCommand({ Visibility: 'PRIVATE' }));
    assert.deepEqual(privateTypes.TypeSummaries!.map((t) => [t.TypeName, t.DefaultVersionId, t.Description]), [['LocalStack::Testing::TestResource', '00000001', schema.description]]);

    await cfn.send(new DeregisterTypeCommand({ Arn: registration.TypeArn }));
    const gone = await rejection(cfn.send(new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: 'LocalStack::Testing::TestResource' })));
    assert.deepEqual([gone.name, gone.message], ['TypeNotFoundException', "The type 'LocalStack::Testing::TestResource' cannot be found."]);
  });

  it('derives a module\'s schema from its fragment, keeps versions and refuses what AWS refuses', async () => {
    const expected = crud('MODULE').describe_response;
    const fragment = {
      Parameters: { BucketName: { Type: 'String', Description: 'Name for the bucket' } },
      Resources: { S3Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { Ref: 'BucketName' } } } },
    };
    const url = await upload('module.zip', { 'fragments/sample.json': JSON.stringify(fragment), '.rpdk-config': '{}' });
    const name = 'LocalStack::Testing::TestModule::MODULE';
    for (let i = 0; i < 2; i++) await cfn.send(new RegisterTypeCommand({ Type: 'MODULE', TypeName: name, SchemaHandlerPackage: url }));
    const first = await cfn.send(new DescribeTypeCommand({ Type: 'MODULE', TypeName: name }));
    assert.deepEqual(JSON.parse(first.Schema!), expected.Schema);
    assert.equal(first.Description, expected.Description);
    assert.equal(first.ProvisioningType, undefined);

    const versions = await cfn.send(new ListTypeVersionsCommand({ Type: 'MODULE', TypeName: name }));
    assert.deepEqual(versions.TypeVersionSummaries!.map((v) => [v.VersionId, v.IsDefaultVersion, v.Arn!.split(':').pop()]), [
      ['00000001', true, 'type/module/LocalStack-Testing-TestModule-MODULE/00000001'],
      ['00000002', false, 'type/module/LocalStack-Testing-TestModule-MODULE/00000002'],
    ]);
    const [v1, v2] = versions.TypeVersionSummaries!;
    await cfn.send(new SetTypeDefaultVersionCommand({ Arn: v2.Arn }));

    const several = await rejection(cfn.send(new DeregisterTypeCommand({ Type: 'MODULE', TypeName: name })));
    assert.deepEqual([several.name, several.message], [versioning.multiple_versions_error.Error.Code, versioning.multiple_versions_error.Error.Message]);
    const invalid = await rejection(cfn.send(new DeregisterTypeCommand({ Arn: v2.Arn!.replace(/\/\d{8}/, '99999999') })));
    assert.deepEqual([invalid.name, invalid.message], [versioning.version_not_found_error.Error.Code, versioning.version_not_found_error.Error.Message]);
    await cfn.send(new DeregisterTypeCommand({ Arn: v1.Arn }));
    const isDefault = await rejection(cfn.send(new DeregisterTypeCommand({ Arn: v2.Arn })));
    assert.equal(isDefault.name, versioning.error_for_deleting_default_with_arn.Error.Code);
    assert.equal(isDefault.message, versioning.error_for_deleting_default_with_arn.Error.Message.replace('00000051', '00000002'));
    await cfn.send(new DeregisterTypeCommand({ Type: 'MODULE', TypeName: name }));
  });

  it('fails a registration whose package has no schema, with a reason', async () => {
    const url = await upload('empty.zip', { 'README.md': 'nothing' });
    const { RegistrationToken } = await cfn.send(new RegisterTypeCommand({ Type: 'HOOK', TypeName: 'Acme::Checks::Empty', SchemaHandlerPackage: url }));
    const registration = await cfn.send(new DescribeTypeRegistrationCommand({ RegistrationToken }));
    assert.equal(registration.ProgressStatus, 'FAILED');
    assert.match(registration.Description!, /schema\.json/);
    const bad = await rejection(cfn.send(new RegisterTypeCommand({ Type: 'RESOURCE', TypeName: 'not-a-type', SchemaHandlerPackage: url })));
    assert.equal(bad.name, 'ValidationError');
  });

  it('configures a hook and describes its configurations in a batch', async () => {
    const expected = Object.entries(recorded).find(([id]) => id.endsWith('test_extension_type_configuration'))![1]['recorded-content'] as Record<string, unknown>;
    const schema = { typeName: 'LocalStack::Testing::DeployableHook', description: 'hook', typeConfiguration: { properties: {}, additionalProperties: false }, handlers: {}, additionalProperties: false };
    const url = await upload('hook.zip', { 'schema.json': JSON.stringify(schema) });
    const { RegistrationToken } = await cfn.send(new RegisterTypeCommand({ Type: 'HOOK', TypeName: schema.typeName, SchemaHandlerPackage: url }));
    const { TypeArn } = await cfn.send(new DescribeTypeRegistrationCommand({ RegistrationToken }));
    const configuration = JSON.stringify({ CloudFormationConfiguration: { HookConfiguration: { TargetStacks: 'ALL', FailureMode: 'FAIL' } } });
    const set = await cfn.send(new SetTypeConfigurationCommand({ TypeArn, Configuration: configuration }));
    const recordedSet = expected.set_type_configuration_response as { ConfigurationArn: string };
    assert.equal(set.ConfigurationArn, recordedSet.ConfigurationArn.replace('<partition>', 'aws').replace('<region>', 'us-east-1').replace('111111111111', '000000000000'));

    const empty = await rejection(cfn.send(new BatchDescribeTypeConfigurationsCommand({ TypeConfigurationIdentifiers: [{}] })));
    assert.equal(`An error occurred (${empty.name}) when calling the BatchDescribeTypeConfigurations operation: ${empty.message}`, expected.batch_describe_configurations_errors);
    const batch = await cfn.send(new BatchDescribeTypeConfigurationsCommand({ TypeConfigurationIdentifiers: [{ TypeArn }, { TypeArn, TypeConfigurationAlias: 'other' }] }));
    assert.deepEqual(batch.TypeConfigurations!.map((c) => [c.Alias, c.Arn, JSON.parse(c.Configuration!), c.TypeArn]), [['default', set.ConfigurationArn, JSON.parse(configuration), TypeArn]]);
    assert.deepEqual(batch.Errors!.map((e) => [e.ErrorCode, e.TypeConfigurationIdentifier!.TypeConfigurationAlias]), [['TypeConfigurationNotFoundException', 'other']]);
  });

  it('describes and lists AWS\'s types as the engine provides them', async () => {
    const queue = await cfn.send(new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: 'AWS::SQS::Queue' }));
    assert.equal(queue.Arn, 'arn:aws:cloudformation:us-east-1::type/resource/AWS-SQS-Queue');
    assert.deepEqual([queue.Visibility, queue.ProvisioningType, queue.DeprecatedStatus, queue.IsDefaultVersion], ['PUBLIC', 'FULLY_MUTABLE', 'LIVE', true]);
    const schema = JSON.parse(queue.Schema!);
    assert.equal(schema.typeName, 'AWS::SQS::Queue');
    assert.deepEqual(schema.primaryIdentifier, ['/properties/QueueUrl']);
    const byArn = await cfn.send(new DescribeTypeCommand({ Arn: queue.Arn }));
    assert.equal(byArn.TypeName, 'AWS::SQS::Queue');

    const listed = await cfn.send(new ListTypesCommand({ Visibility: 'PUBLIC', Filters: { TypeNamePrefix: 'AWS::SQS::' } }));
    assert.deepEqual(listed.TypeSummaries!.map((t) => t.TypeName), ['AWS::SQS::Queue', 'AWS::SQS::QueueInlinePolicy', 'AWS::SQS::QueuePolicy']);
    // ListTypes lists FULLY_MUTABLE types unless asked for others, as AWS does: types that cannot update are IMMUTABLE.
    const all = new Set<string>();
    for (const ProvisioningType of ['FULLY_MUTABLE', 'IMMUTABLE'] as const) {
      const { TypeSummaries } = await cfn.send(new ListTypesCommand({ Visibility: 'PUBLIC', ProvisioningType, Filters: { TypeNamePrefix: 'AWS::CloudFormation::' } }));
      for (const t of TypeSummaries!) {
        assert.equal(all.has(t.TypeName!), false);
        all.add(t.TypeName!);
        assert.equal((await cfn.send(new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: t.TypeName }))).ProvisioningType, ProvisioningType);
      }
    }
    assert.ok(['WaitConditionHandle', 'Stack', 'StackSet', 'ResourceVersion', 'GeneratedTemplate'].every((name) => all.has(`AWS::CloudFormation::${name}`)));
    const unknown = await rejection(cfn.send(new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: 'AWS::EC2::VPCX' })));
    assert.deepEqual([unknown.name, unknown.message], ['TypeNotFoundException', "The type 'AWS::EC2::VPCX' cannot be found."]);
  });

  it('registers the account as a publisher', async () => {
    const { PublisherId } = await cfn.send(new RegisterPublisherCommand({ AcceptTermsAndConditions: true }));
    assert.match(PublisherId!, /^[0-9a-f]{40}$/);
    const described = await cfn.send(new DescribePublisherCommand({}));
    assert.deepEqual([described.PublisherId, described.PublisherStatus], [PublisherId, 'UNVERIFIED']);
  });

  it('tests and publishes a module, which another account activates (under an alias), updates and deactivates', async () => {
    const fragment = { Resources: { Queue: { Type: 'AWS::SQS::Queue' } } };
    const url = await upload('shared-module.zip', { 'fragments/queue.json': JSON.stringify(fragment) });
    const name = 'Acme::Shared::Queue::MODULE';
    await cfn.send(new RegisterTypeCommand({ Type: 'MODULE', TypeName: name, SchemaHandlerPackage: url }));
    const notTested = await rejection(cfn.send(new PublishTypeCommand({ Type: 'MODULE', TypeName: name })));
    assert.equal(notTested.name, 'CFNRegistryException');
    const { TypeVersionArn } = await cfn.send(new TestTypeCommand({ Type: 'MODULE', TypeName: name }));
    assert.equal(TypeVersionArn, 'arn:aws:cloudformation:us-east-1:000000000000:type/module/Acme-Shared-Queue-MODULE/00000001');
    const tested = await cfn.send(new DescribeTypeCommand({ Arn: TypeVersionArn }));
    assert.equal(tested.TypeTestsStatus, 'PASSED');
    const { PublisherId } = await cfn.send(new RegisterPublisherCommand({ AcceptTermsAndConditions: true }));
    const firstNumbered = await rejection(cfn.send(new PublishTypeCommand({ Type: 'MODULE', TypeName: name, PublicVersionNumber: '1.0.0' })));
    assert.equal(firstNumbered.name, 'CFNRegistryException');
    const { PublicTypeArn } = await cfn.send(new PublishTypeCommand({ Type: 'MODULE', TypeName: name }));
    assert.equal(PublicTypeArn, `arn:aws:cloudformation:us-east-1::type/module/${PublisherId}/Acme-Shared-Queue-MODULE`);

    // Another account sees it among the public third-party types and activates it under an alias.
    const other = new CloudFormationClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: '222222222222', secretAccessKey: 'test' } });
    const listed = await other.send(new ListTypesCommand({ Visibility: 'PUBLIC', Type: 'MODULE', Filters: { Category: 'THIRD_PARTY' } }));
    assert.deepEqual(listed.TypeSummaries!.map((t) => [t.TypeName, t.TypeArn, t.PublisherId, t.LatestPublicVersion, t.IsActivated]), [[name, PublicTypeArn, PublisherId, '1.0.0', false]]);
    const alias = 'Other::Team::Queue::MODULE';
    const { Arn } = await other.send(new ActivateTypeCommand({ PublicTypeArn, TypeNameAlias: alias, AutoUpdate: false }));
    assert.equal(Arn, 'arn:aws:cloudformation:us-east-1:222222222222:type/module/Other-Team-Queue-MODULE');
    const activated = await other.send(new DescribeTypeCommand({ Arn }));
    assert.deepEqual(
      [activated.TypeName, activated.IsActivated, activated.OriginalTypeName, activated.OriginalTypeArn, activated.PublisherId, activated.PublicVersionNumber, activated.AutoUpdate, activated.Visibility],
      [alias, true, name, PublicTypeArn, PublisherId, '1.0.0', false, 'PUBLIC'],
    );
    assert.equal(activated.Schema, tested.Schema);
    const mine = await other.send(new ListTypesCommand({ Visibility: 'PRIVATE', Type: 'MODULE', Filters: { Category: 'ACTIVATED' } }));
    assert.deepEqual(mine.TypeSummaries!.map((t) => [t.TypeName, t.IsActivated, t.PublicVersionNumber]), [[alias, true, '1.0.0']]);

    // A later publication is the next minor version unless given; activating again takes it.
    const lower = await rejection(cfn.send(new PublishTypeCommand({ Type: 'MODULE', TypeName: name, PublicVersionNumber: '0.9.0' })));
    assert.equal(lower.name, 'CFNRegistryException');
    await cfn.send(new PublishTypeCommand({ Type: 'MODULE', TypeName: name }));
    assert.equal((await other.send(new DescribeTypeCommand({ Arn }))).LatestPublicVersion, '1.1.0');
    await other.send(new ActivateTypeCommand({ Type: 'MODULE', TypeName: name, PublisherId, TypeNameAlias: alias }));
    assert.equal((await other.send(new DescribeTypeCommand({ Arn }))).PublicVersionNumber, '1.1.0');

    const unknown = await rejection(other.send(new ActivateTypeCommand({ Type: 'MODULE', TypeName: 'Acme::Shared::Nothing::MODULE', PublisherId })));
    assert.deepEqual([unknown.name, unknown.message], ['TypeNotFoundException', "The type 'Acme::Shared::Nothing::MODULE' cannot be found."]);
    // Registered types are deregistered, not deactivated; activated ones are deactivated.
    assert.equal((await rejection(cfn.send(new DeactivateTypeCommand({ Type: 'MODULE', TypeName: name })))).name, 'CFNRegistryException');
    await other.send(new DeactivateTypeCommand({ Arn }));
    assert.equal((await rejection(other.send(new DescribeTypeCommand({ Type: 'MODULE', TypeName: alias })))).name, 'TypeNotFoundException');
    other.destroy();
  });

  it("fails a resource type's contract tests (its handlers are never run), so it cannot be published", async () => {
    const schema = { typeName: 'Acme::Shared::Thing', description: 'x', properties: { Id: { type: 'string' } }, primaryIdentifier: ['/properties/Id'], readOnlyProperties: ['/properties/Id'], additionalProperties: false };
    const url = await upload('thing.zip', { 'schema.json': JSON.stringify(schema) });
    await cfn.send(new RegisterTypeCommand({ Type: 'RESOURCE', TypeName: 'Acme::Shared::Thing', SchemaHandlerPackage: url }));
    const missingBucket = await rejection(cfn.send(new TestTypeCommand({ Type: 'RESOURCE', TypeName: 'Acme::Shared::Thing', LogDeliveryBucket: 'no-such-bucket' })));
    assert.equal(missingBucket.name, 'CFNRegistryException');
    const { TypeVersionArn } = await cfn.send(new TestTypeCommand({ Type: 'RESOURCE', TypeName: 'Acme::Shared::Thing', LogDeliveryBucket: 'extensions' }));
    const described = await cfn.send(new DescribeTypeCommand({ Arn: TypeVersionArn }));
    assert.equal(described.TypeTestsStatus, 'FAILED');
    assert.match(described.TypeTestsStatusDescription!, /handlers/);
    assert.equal((await rejection(cfn.send(new PublishTypeCommand({ Type: 'RESOURCE', TypeName: 'Acme::Shared::Thing' })))).name, 'CFNRegistryException');
  });

  it('refuses handler progress reports (no handler runs here) and organizations access (no organization)', async () => {
    const progress = await rejection(cfn.send(new RecordHandlerProgressCommand({ BearerToken: 'token', OperationStatus: 'SUCCESS' })));
    assert.equal(progress.name, 'OperationStatusCheckFailedException');
    const badStatus = await rejection(cfn.send(new RecordHandlerProgressCommand({ BearerToken: 'token', OperationStatus: 'DONE' as never })));
    assert.equal(badStatus.name, 'ValidationError');
    assert.equal((await cfn.send(new DescribeOrganizationsAccessCommand({}))).Status, 'DISABLED');
    assert.equal((await rejection(cfn.send(new ActivateOrganizationsAccessCommand({})))).name, 'InvalidOperationException');
    assert.equal((await rejection(cfn.send(new DeactivateOrganizationsAccessCommand({})))).name, 'InvalidOperationException');
  });
});

