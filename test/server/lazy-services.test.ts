import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ListStreamsCommand, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { buildRoutingIndex, routingEntryFor, serializeRoutingIndex } from '../../emulator/models/routing-index.ts';
import { ALL_SERVICE_NAMES, SERVICE_LOADERS } from '../../emulator/services/index.ts';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

describe('services load on their first request', () => {
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ALL_SERVICE_NAMES });
  });
  after(() => aws.stop());

  const health = async () => ((await (await fetch(`${aws.endpoint}/_localstack/health`)).json()) as { services: Record<string, string> }).services;

  it('start loads no service: health reports every enabled one as available, as LocalStack does', async () => {
    assert.equal(aws.emulator.services.size, 0);
    assert.deepEqual(await health(), Object.fromEntries(ALL_SERVICE_NAMES.map((n) => [n, 'available'])));
  });

  it('a request loads its service (and only it), which then reports running', async () => {
    const sts = new STSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, '000000000000');
    sts.destroy();
    assert.deepEqual([...aws.emulator.services.keys()], ['sts']);
    assert.equal((await health()).sts, 'running');
    assert.equal((await health()).sqs, 'available');
  });

  it('a service loads the services it requires (DynamoDB Streams reads DynamoDB tables)', async () => {
    const streams = new DynamoDBStreamsClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials });
    assert.deepEqual((await streams.send(new ListStreamsCommand({}))).Streams, []);
    streams.destroy();
    assert.ok(aws.emulator.services.has('dynamodb'));
  });

  it('an unsigned query request is routed by the Action in its body', async () => {
    const res = await fetch(aws.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListQueues&Version=2012-11-05',
    });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<ListQueuesResponse/);
  });
});

describe('a delivery target loads its service only', () => {
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ALL_SERVICE_NAMES });
  });
  after(() => aws.stop());

  it('the service of an ARN whose service part is not the service name (`states`) loads alone; an unknown part loads none', async () => {
    assert.equal((await aws.emulator.serviceForArn('states'))?.name, 'stepfunctions');
    assert.deepEqual([...aws.emulator.services.keys()], ['stepfunctions']);
    assert.equal((await aws.emulator.serviceForArn('sqs'))?.name, 'sqs');
    assert.equal(await aws.emulator.serviceForArn('nosuchservice'), undefined);
    assert.deepEqual([...aws.emulator.services.keys()].sort(), ['sqs', 'stepfunctions']);
  });

  it("every service's ARN service part is its name or its model's signing name, the only candidates looked up", async () => {
    for (const name of ALL_SERVICE_NAMES) {
      const service = await SERVICE_LOADERS[name]();
      assert.ok([name, routingEntryFor(name).signingName].includes(service.arnService ?? name), `${name}: ${service.arnService}`);
    }
  });
});

describe('the routing index', () => {
  it('is current with the models (run `npm run models:index` after adding or refreshing a model)', () => {
    const committed = readFileSync(new URL('../../emulator/models/routing-index.json', import.meta.url), 'utf8');
    assert.equal(committed, serializeRoutingIndex(buildRoutingIndex()));
  });
});
