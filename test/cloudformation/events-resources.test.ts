import assert from 'node:assert/strict';
import {
  CreateChangeSetCommand,
  DescribeStackDriftDetectionStatusCommand,
  DetectStackDriftCommand,
  DetectStackResourceDriftCommand,
  ExecuteChangeSetCommand,
  type CloudFormationClient,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeApiDestinationCommand,
  CreateArchiveCommand,
  CreateConnectionCommand,
  DescribeArchiveCommand,
  DescribeConnectionCommand,
  DescribeEndpointCommand,
  DescribeEventBusCommand,
  EventBridgeClient,
  UpdateArchiveCommand,
} from '@aws-sdk/client-eventbridge';
import { expectError } from '../support/aws-error.ts';
import { CLIENT_CONFIG, creationFailure, deleteStack, deploy, output, serveCloudFormation, settled } from './serve.ts';

interface Settings {
  archiveName?: string;
  retentionDays: number;
  description: string;
  endpoint: string;
  principal: string;
}

/** A bus with an archive, a statement of its policy, a connection and an API destination using it. */
const template = (s: Settings) =>
  JSON.stringify({
    Resources: {
      Bus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'orders' } },
      Archive: {
        Type: 'AWS::Events::Archive',
        Properties: {
          ...(s.archiveName ? { ArchiveName: s.archiveName } : {}),
          SourceArn: { 'Fn::GetAtt': ['Bus', 'Arn'] },
          EventPattern: { source: ['shop'] },
          RetentionDays: s.retentionDays,
        },
      },
      Policy: {
        Type: 'AWS::Events::EventBusPolicy',
        Properties: {
          EventBusName: { Ref: 'Bus' },
          StatementId: 'partner',
          Statement: { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${s.principal}:root` }, Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': ['Bus', 'Arn'] } },
        },
      },
      Connection: {
        Type: 'AWS::Events::Connection',
        Properties: { Description: s.description, AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'secret' } } },
      },
      Destination: {
        Type: 'AWS::Events::ApiDestination',
        Properties: { ConnectionArn: { 'Fn::GetAtt': ['Connection', 'Arn'] }, InvocationEndpoint: s.endpoint, HttpMethod: 'POST', InvocationRateLimitPerSecond: 10 },
      },
    },
    Outputs: {
      Archive: { Value: { Ref: 'Archive' } },
      ArchiveArn: { Value: { 'Fn::GetAtt': ['Archive', 'Arn'] } },
      ArchiveName: { Value: { 'Fn::GetAtt': ['Archive', 'ArchiveName'] } },
      Policy: { Value: { Ref: 'Policy' } },
      Connection: { Value: { Ref: 'Connection' } },
      ConnectionArn: { Value: { 'Fn::GetAtt': ['Connection', 'Arn'] } },
      ConnectionPolicyArn: { Value: { 'Fn::GetAtt': ['Connection', 'ArnForPolicy'] } },
      SecretArn: { Value: { 'Fn::GetAtt': ['Connection', 'SecretArn'] } },
      Destination: { Value: { Ref: 'Destination' } },
      DestinationArn: { Value: { 'Fn::GetAtt': ['Destination', 'Arn'] } },
      DestinationPolicyArn: { Value: { 'Fn::GetAtt': ['Destination', 'ArnForPolicy'] } },
    },
  });

const endpointTemplate = (description: string, secondary = 'us-west-2') =>
  JSON.stringify({
    Resources: {
      Endpoint: {
        Type: 'AWS::Events::Endpoint',
        Properties: {
          Description: description,
          RoutingConfig: { FailoverConfig: { Primary: { HealthCheck: 'arn:aws:route53:::healthcheck/abc-123' }, Secondary: { Route: secondary } } },
          ReplicationConfig: { State: 'DISABLED' },
          EventBuses: ['us-east-1', 'us-west-2'].map((region) => ({ EventBusArn: { 'Fn::Sub': `arn:\${AWS::Partition}:events:${region}:\${AWS::AccountId}:event-bus/orders` } })),
        },
      },
    },
    Outputs: Object.fromEntries([['Name', { Ref: 'Endpoint' }], ...['Arn', 'EndpointId', 'EndpointUrl', 'State'].map((a) => [a, { 'Fn::GetAtt': ['Endpoint', a] }])].map(([k, v]) => [k, { Value: v }])),
  });

describe('CloudFormation resource types of EventBridge: Archive, Connection, ApiDestination, EventBusPolicy, Endpoint', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let events: EventBridgeClient;
  serveCloudFormation((aws, client) => {
    cfn = client;
    events = new EventBridgeClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });
  after(() => events?.destroy());

  const statements = async (Name: string) => JSON.parse((await events.send(new DescribeEventBusCommand({ Name }))).Policy!).Statement;

  it('creates them through EventBridge with their Ref and GetAtt values, updates in place, replaces on a new name, deletes', async () => {
    const settings = { retentionDays: 7, description: 'first', endpoint: 'https://example.com/one', principal: '111111111111' };
    const created = await deploy(cfn, 'bridge', template(settings));
    const out = (key: string) => output(created, key);

    const archiveName = out('Archive');
    assert.match(archiveName, /^bridge-Archive-[A-Z0-9]+$/);
    const archive = await events.send(new DescribeArchiveCommand({ ArchiveName: archiveName }));
    assert.deepEqual([out('ArchiveArn'), out('ArchiveName'), archive.RetentionDays, archive.EventPattern], [archive.ArchiveArn, archiveName, 7, '{"source":["shop"]}']);

    const connection = await events.send(new DescribeConnectionCommand({ Name: out('Connection') }));
    assert.deepEqual([out('ConnectionArn'), out('SecretArn'), connection.Description], [connection.ConnectionArn, connection.SecretArn, 'first']);
    assert.equal(out('ConnectionPolicyArn'), connection.ConnectionArn!.replace(/\/[^/]+$/, ''));
    assert.match(out('ConnectionPolicyArn'), /^arn:aws:events:us-east-1:\d{12}:connection\/bridge-Connection-[A-Z0-9]+$/);

    const destination = await events.send(new DescribeApiDestinationCommand({ Name: out('Destination') }));
    assert.deepEqual(
      [out('DestinationArn'), destination.ConnectionArn, destination.InvocationEndpoint, destination.InvocationRateLimitPerSecond],
      [destination.ApiDestinationArn, connection.ConnectionArn, 'https://example.com/one', 10],
    );
    assert.equal(out('DestinationPolicyArn'), destination.ApiDestinationArn!.replace(/\/[^/]+$/, ''));

    assert.match(out('Policy'), /^bridge-Policy-[A-Z0-9]+$/);
    assert.deepEqual(await statements('orders'), [
      { Sid: 'partner', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'events:PutEvents', Resource: out('ArchiveArn').replace(/archive\/.*/, 'event-bus/orders') },
    ]);

    // In place: the same names, the new settings.
    const updated = await deploy(cfn, 'bridge', template({ ...settings, retentionDays: 30, description: 'second', endpoint: 'https://example.com/two', principal: '222222222222' }), {}, true);
    for (const key of ['Archive', 'Connection', 'Destination', 'Policy']) assert.equal(output(updated, key), out(key));
    assert.equal((await events.send(new DescribeArchiveCommand({ ArchiveName: archiveName }))).RetentionDays, 30);
    assert.equal((await events.send(new DescribeConnectionCommand({ Name: out('Connection') }))).Description, 'second');
    assert.equal((await events.send(new DescribeApiDestinationCommand({ Name: out('Destination') }))).InvocationEndpoint, 'https://example.com/two');
    assert.deepEqual((await statements('orders')).map((s: { Principal: { AWS: string } }) => s.Principal.AWS), ['arn:aws:iam::222222222222:root']);

    // A new archive name replaces the archive: the old one is gone.
    const renamed = await deploy(cfn, 'bridge', template({ ...settings, archiveName: 'orders-kept' }), {}, true);
    assert.equal(output(renamed, 'Archive'), 'orders-kept');
    await assert.rejects(events.send(new DescribeArchiveCommand({ ArchiveName: archiveName })), expectError('ResourceNotFoundException', 400, `Archive ${archiveName} does not exist.`));

    await deleteStack(cfn, created);
    await assert.rejects(events.send(new DescribeArchiveCommand({ ArchiveName: 'orders-kept' })), expectError('ResourceNotFoundException', 400));
    await assert.rejects(events.send(new DescribeConnectionCommand({ Name: out('Connection') })), expectError('ResourceNotFoundException', 400));
    await assert.rejects(events.send(new DescribeApiDestinationCommand({ Name: out('Destination') })), expectError('ResourceNotFoundException', 400));
  });

  it('reads the archive, connection, destination and endpoint back for drift detection', async () => {
    const settings = { retentionDays: 7, description: 'first', endpoint: 'https://example.com/one', principal: '111111111111' };
    const created = await deploy(cfn, 'bridge-drift', template(settings));
    const detect = async () => {
      const { StackDriftDetectionId } = await cfn.send(new DetectStackDriftCommand({ StackName: 'bridge-drift' }));
      return (await cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId }))).StackDriftStatus;
    };
    assert.equal(await detect(), 'IN_SYNC');
    await events.send(new UpdateArchiveCommand({ ArchiveName: output(created, 'Archive'), RetentionDays: 30 }));
    assert.equal(await detect(), 'DRIFTED');
    const { StackResourceDrift } = await cfn.send(new DetectStackResourceDriftCommand({ StackName: 'bridge-drift', LogicalResourceId: 'Archive' }));
    assert.deepEqual(StackResourceDrift!.PropertyDifferences, [{ PropertyPath: '/RetentionDays', ExpectedValue: '7', ActualValue: '30', DifferenceType: 'NOT_EQUAL' }]);
    await deleteStack(cfn, created);
  });

  it('imports an existing archive and connection into a stack, with their Ref and GetAtt values', async () => {
    const { Arn: EventBusArn } = await events.send(new DescribeEventBusCommand({ Name: 'default' }));
    const { ArchiveArn } = await events.send(new CreateArchiveCommand({ ArchiveName: 'kept', EventSourceArn: EventBusArn }));
    const auth = { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'secret' } };
    const { ConnectionArn } = await events.send(new CreateConnectionCommand({ Name: 'kept', AuthorizationType: 'API_KEY', AuthParameters: auth }));
    const body = JSON.stringify({
      Resources: {
        Archive: { Type: 'AWS::Events::Archive', DeletionPolicy: 'Retain', Properties: { ArchiveName: 'kept', SourceArn: EventBusArn } },
        Connection: { Type: 'AWS::Events::Connection', DeletionPolicy: 'Retain', Properties: { Name: 'kept', AuthorizationType: 'API_KEY', AuthParameters: auth } },
      },
      Outputs: {
        Archive: { Value: { Ref: 'Archive' } },
        ArchiveArn: { Value: { 'Fn::GetAtt': ['Archive', 'Arn'] } },
        Connection: { Value: { Ref: 'Connection' } },
        ConnectionArn: { Value: { 'Fn::GetAtt': ['Connection', 'Arn'] } },
      },
    });
    const { Id } = await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'bridge-import',
        ChangeSetName: 'adopt',
        ChangeSetType: 'IMPORT',
        TemplateBody: body,
        ResourcesToImport: [
          { ResourceType: 'AWS::Events::Archive', LogicalResourceId: 'Archive', ResourceIdentifier: { ArchiveName: 'kept' } },
          { ResourceType: 'AWS::Events::Connection', LogicalResourceId: 'Connection', ResourceIdentifier: { Name: 'kept' } },
        ],
      }),
    );
    await settled(cfn, 'bridge-import');
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
    const imported = await settled(cfn, 'bridge-import');
    assert.equal(imported.StackStatus, 'IMPORT_COMPLETE');
    assert.deepEqual(['Archive', 'ArchiveArn', 'Connection', 'ConnectionArn'].map((k) => output(imported, k)), ['kept', ArchiveArn, 'kept', ConnectionArn]);
    await deleteStack(cfn, imported);
    assert.equal((await events.send(new DescribeArchiveCommand({ ArchiveName: 'kept' }))).ArchiveArn, ArchiveArn);
  });

  it("adds an EventBusPolicy's Action/Principal statement to the default bus and removes it with the stack", async () => {
    const body = JSON.stringify({ Resources: { Policy: { Type: 'AWS::Events::EventBusPolicy', Properties: { StatementId: 'one-account', Action: 'events:PutEvents', Principal: '333333333333' } } } });
    const created = await deploy(cfn, 'bus-policy', body);
    const [statement] = await statements('default');
    assert.deepEqual([statement.Sid, statement.Principal, statement.Action], ['one-account', { AWS: 'arn:aws:iam::333333333333:root' }, 'events:PutEvents']);
    await deleteStack(cfn, created);
    assert.equal((await events.send(new DescribeEventBusCommand({ Name: 'default' }))).Policy, undefined);
  });

  it('creates a global endpoint, Ref its name and GetAtt what DescribeEndpoint gives; updates in place and deletes it', async () => {
    const created = await deploy(cfn, 'global', endpointTemplate('first'));
    const name = output(created, 'Name');
    assert.match(name, /^global-Endpoint-[A-Z0-9]+$/);
    const described = await events.send(new DescribeEndpointCommand({ Name: name }));
    assert.deepEqual(
      ['Arn', 'EndpointId', 'EndpointUrl', 'State'].map((key) => output(created, key)),
      [described.Arn, described.EndpointId, described.EndpointUrl, 'ACTIVE'],
    );
    await deploy(cfn, 'global', endpointTemplate('second'), {}, true);
    assert.equal((await events.send(new DescribeEndpointCommand({ Name: name }))).Description, 'second');
    await deleteStack(cfn, created);
    await assert.rejects(events.send(new DescribeEndpointCommand({ Name: name })), expectError('ResourceNotFoundException', 400, `Endpoint ${name} does not exist.`));
  });

  it("fails the resource with EventBridge's error", async () => {
    const reason = await creationFailure(cfn, 'global-bad', endpointTemplate('bad', 'us-east-1'), 'Endpoint');
    assert.match(reason, /^Resource handler returned message: "Parameter RoutingConfig is not valid. Reason: The secondary Route must be a region other than the primary one." \(RequestToken: [-0-9a-f]+, HandlerErrorCode: InvalidRequest\)$/);
    const body = JSON.stringify({
      Resources: { Destination: { Type: 'AWS::Events::ApiDestination', Properties: { ConnectionArn: 'arn:aws:events:us-east-1:000000000000:connection/none/1', InvocationEndpoint: 'https://example.com', HttpMethod: 'POST', Timeout: 5 } } },
    });
    assert.equal(await creationFailure(cfn, 'destination-unknown', body, 'Destination'), 'Encountered unsupported property Timeout');
  });
});
