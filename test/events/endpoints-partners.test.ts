import assert from 'node:assert/strict';
import {
  CreateEndpointCommand,
  CreateEventBusCommand,
  CreatePartnerEventSourceCommand,
  DeleteEndpointCommand,
  DeletePartnerEventSourceCommand,
  DescribeEndpointCommand,
  DescribeEventSourceCommand,
  DescribePartnerEventSourceCommand,
  EventBridgeClient,
  ListEndpointsCommand,
  ListEventSourcesCommand,
  ListPartnerEventSourceAccountsCommand,
  PutPartnerEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  UpdateEndpointCommand,
} from '@aws-sdk/client-eventbridge';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { allowEventBridge } from './support.ts';

// Shapes follow the EventBridge API reference (CreateEndpoint, DescribeEndpoint, CreatePartnerEventSource,
// DescribeEventSource, PutPartnerEvents); no AWS recording of these operations is in the reference snapshots.
describe('EventBridge global endpoints and partner event sources (SDK v3)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  const client = (account = '000000000000') => new EventBridgeClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'test' } });
  let events: EventBridgeClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['events', 'sqs'] });
    events = client();
  });
  after(async () => {
    events.destroy();
    await aws.stop();
  });

  const routing = (secondary: string) => ({ FailoverConfig: { Primary: { HealthCheck: 'arn:aws:route53:::healthcheck/abc-123' }, Secondary: { Route: secondary } } });
  const buses = (regions: string[], name = 'orders') => regions.map((r) => ({ EventBusArn: `arn:aws:events:${r}:000000000000:event-bus/${name}` }));

  it('creates, describes, lists, updates and deletes global endpoints, validating their configuration', async () => {
    const created = await events.send(
      new CreateEndpointCommand({ Name: 'orders-ep', RoutingConfig: routing('us-west-2'), EventBuses: buses(['us-east-1', 'us-west-2']), ReplicationConfig: { State: 'DISABLED' } }),
    );
    assert.equal(created.State, 'CREATING');
    assert.equal(created.Arn, 'arn:aws:events:us-east-1:000000000000:endpoint/orders-ep');
    const described = await events.send(new DescribeEndpointCommand({ Name: 'orders-ep' }));
    assert.equal(described.State, 'ACTIVE');
    assert.match(described.EndpointId!, /^[a-z0-9]+\.[a-z0-9]+$/);
    assert.equal(described.EndpointUrl, `https://${described.EndpointId}.endpoint.events.amazonaws.com`);
    assert.deepEqual((await events.send(new ListEndpointsCommand({ NamePrefix: 'orders' }))).Endpoints!.map((e) => e.Name), ['orders-ep']);
    const updated = await events.send(
      new UpdateEndpointCommand({ Name: 'orders-ep', Description: 'failover', RoutingConfig: routing('eu-west-1'), EventBuses: buses(['us-east-1', 'eu-west-1']) }),
    );
    assert.equal(updated.State, 'UPDATING');
    assert.equal((await events.send(new DescribeEndpointCommand({ Name: 'orders-ep' }))).Description, 'failover');

    await assert.rejects(events.send(new CreateEndpointCommand({ Name: 'orders-ep', RoutingConfig: routing('us-west-2'), EventBuses: buses(['us-east-1', 'us-west-2']) })), {
      name: 'ResourceAlreadyExistsException',
    });
    // Replication (the default) needs a role; the buses must share a name and sit in the primary and secondary regions.
    await assert.rejects(events.send(new CreateEndpointCommand({ Name: 'e2', RoutingConfig: routing('us-west-2'), EventBuses: buses(['us-east-1', 'us-west-2']) })), {
      name: 'ValidationException',
    });
    await assert.rejects(
      events.send(new CreateEndpointCommand({ Name: 'e3', RoutingConfig: routing('us-west-2'), EventBuses: buses(['us-east-1', 'eu-west-1']), ReplicationConfig: { State: 'DISABLED' } })),
      { name: 'ValidationException' },
    );
    await assert.rejects(
      events.send(new CreateEndpointCommand({ Name: 'e4', RoutingConfig: routing('us-west-2'), EventBuses: [...buses(['us-east-1']), ...buses(['us-west-2'], 'other')], ReplicationConfig: { State: 'DISABLED' } })),
      { name: 'ValidationException' },
    );
    await events.send(new DeleteEndpointCommand({ Name: 'orders-ep' }));
    await assert.rejects(events.send(new DescribeEndpointCommand({ Name: 'orders-ep' })), { name: 'ResourceNotFoundException', message: 'Endpoint orders-ep does not exist.' });
  });

  it('offers a partner source to a customer, who receives its events on the partner event bus', async () => {
    const partner = client('222222222222');
    const name = 'aws.partner/saas.example/tenant-1/orders';
    const { EventSourceArn } = await partner.send(new CreatePartnerEventSourceCommand({ Name: name, Account: '000000000000' }));
    assert.equal(EventSourceArn, `arn:aws:events:us-east-1::event-source/${name}`);
    assert.deepEqual(await partner.send(new DescribePartnerEventSourceCommand({ Name: name })).then((r) => [r.Arn, r.Name]), [EventSourceArn, name]);
    const seen = await events.send(new DescribeEventSourceCommand({ Name: name }));
    assert.deepEqual([seen.CreatedBy, seen.State], ['222222222222', 'PENDING']);
    await assert.rejects(events.send(new CreateEventBusCommand({ Name: 'aws.partner/other/x/y' })), { name: 'ValidationException' });

    await events.send(new CreateEventBusCommand({ Name: name, EventSourceName: name }));
    assert.equal((await events.send(new ListEventSourcesCommand({ NamePrefix: 'aws.partner/saas' }))).EventSources![0].State, 'ACTIVE');
    assert.deepEqual(
      (await partner.send(new ListPartnerEventSourceAccountsCommand({ EventSourceName: name }))).PartnerEventSourceAccounts!.map((a) => [a.Account, a.State]),
      [['000000000000', 'ACTIVE']],
    );

    const sqs = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'partner-events' }));
    const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn;
    await allowEventBridge(sqs, QueueUrl!, queueArn!);
    await events.send(new PutRuleCommand({ Name: 'from-partner', EventBusName: name, EventPattern: JSON.stringify({ source: [name] }) }));
    await events.send(new PutTargetsCommand({ Rule: 'from-partner', EventBusName: name, Targets: [{ Id: 'q', Arn: queueArn }] }));
    const put = await partner.send(new PutPartnerEventsCommand({ Entries: [{ Source: name, DetailType: 'OrderPlaced', Detail: '{"id":1}' }, { Source: name, DetailType: 'x', Detail: '[' }] }));
    assert.equal(put.FailedEntryCount, 1);
    assert.equal(put.Entries![1].ErrorCode, 'MalformedDetail');
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 5 }));
    const event = JSON.parse(received.Messages![0].Body!);
    assert.deepEqual([event.id, event.source, event.account, event['detail-type'], event.detail], [put.Entries![0].EventId, name, '000000000000', 'OrderPlaced', { id: 1 }]);

    await partner.send(new DeletePartnerEventSourceCommand({ Name: name, Account: '000000000000' }));
    assert.equal((await events.send(new DescribeEventSourceCommand({ Name: name }))).State, 'DELETED');
    partner.destroy();
    sqs.destroy();
  });
});
