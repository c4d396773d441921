// Signs PutEvents to a global endpoint with SigV4a, as the SDK requires for EndpointId.
import '@aws-sdk/signature-v4a';
import assert from 'node:assert/strict';
import { CreateEndpointCommand, CreateEventBusCommand, DeleteEventBusCommand, DeleteRuleCommand, DescribeEndpointCommand, EventBridgeClient, PutEventsCommand, PutRuleCommand, PutTargetsCommand, RemoveTargetsCommand, UpdateEndpointCommand } from '@aws-sdk/client-eventbridge';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { allowEventBridge, CREDENTIALS, receiveBodies } from './support.ts';

// Routing follows the EventBridge User Guide ("Making applications Regional-fault tolerant with global endpoints"):
// events go to the primary region's bus, to both regions' buses with event replication, and to the secondary
// region's bus when the primary is unhealthy. Route 53 health checks are not served: a deleted primary bus is the
// unhealthy primary here.
describe('EventBridge global endpoints: PutEvents with EndpointId, replication and failover (SDK v3, SigV4a)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  const clients: { events: Record<string, EventBridgeClient>; sqs: Record<string, SQSClient> } = { events: {}, sqs: {} };
  const queues: Record<string, string> = {};
  const REGIONS = ['us-east-1', 'us-west-2'];

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['events', 'sqs'] });
    for (const region of REGIONS) {
      const options = { endpoint: aws.endpoint, region, credentials: CREDENTIALS };
      const [events, sqs] = [(clients.events[region] = new EventBridgeClient(options)), (clients.sqs[region] = new SQSClient(options))];
      await events.send(new CreateEventBusCommand({ Name: 'orders' }));
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `orders-${region}` }));
      const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
      await allowEventBridge(sqs, QueueUrl!, arn);
      await events.send(new PutRuleCommand({ Name: 'all-orders', EventBusName: 'orders', EventPattern: JSON.stringify({ source: ['shop'] }) }));
      await events.send(new PutTargetsCommand({ Rule: 'all-orders', EventBusName: 'orders', Targets: [{ Id: 'q', Arn: arn }] }));
      queues[region] = QueueUrl!;
    }
  });
  after(async () => {
    for (const c of [...Object.values(clients.events), ...Object.values(clients.sqs)]) c.destroy();
    await aws.stop();
  });

  const regionsOf = async () => {
    const out: Record<string, string[]> = {};
    for (const region of REGIONS) out[region] = (await receiveBodies(clients.sqs[region], queues[region], 1, 1)).map((b) => (JSON.parse(b) as { region: string }).region);
    return out;
  };

  it('routes to the primary, replicates to the secondary when enabled, and fails over when the primary bus is gone', async () => {
    const events = clients.events['us-east-1'];
    const buses = REGIONS.map((r) => ({ EventBusArn: `arn:aws:events:${r}:000000000000:event-bus/orders` }));
    const RoutingConfig = { FailoverConfig: { Primary: { HealthCheck: 'arn:aws:route53:::healthcheck/orders' }, Secondary: { Route: 'us-west-2' } } };
    await events.send(new CreateEndpointCommand({ Name: 'orders-global', RoutingConfig, EventBuses: buses, ReplicationConfig: { State: 'DISABLED' } }));
    const { EndpointId } = await events.send(new DescribeEndpointCommand({ Name: 'orders-global' }));
    const put = () => events.send(new PutEventsCommand({ EndpointId, Entries: [{ Source: 'shop', DetailType: 'order', Detail: '{"id":1}' }] }));

    const first = await put();
    assert.equal(first.FailedEntryCount, 0);
    assert.deepEqual(await regionsOf(), { 'us-east-1': ['us-east-1'], 'us-west-2': [] });

    await events.send(new UpdateEndpointCommand({ Name: 'orders-global', ReplicationConfig: { State: 'ENABLED' }, RoleArn: 'arn:aws:iam::000000000000:role/replication' }));
    await put();
    assert.deepEqual(await regionsOf(), { 'us-east-1': ['us-east-1'], 'us-west-2': ['us-west-2'] });

    await events.send(new RemoveTargetsCommand({ Rule: 'all-orders', EventBusName: 'orders', Ids: ['q'] }));
    await events.send(new DeleteRuleCommand({ Name: 'all-orders', EventBusName: 'orders' }));
    await events.send(new DeleteEventBusCommand({ Name: 'orders' }));
    await put();
    assert.deepEqual(await regionsOf(), { 'us-east-1': [], 'us-west-2': ['us-west-2'] });

    await assert.rejects(events.send(new PutEventsCommand({ EndpointId: 'nosuch.ep', Entries: [{ Source: 'shop', DetailType: 'order', Detail: '{}' }] })), { name: 'ResourceNotFoundException' });
  });
});
