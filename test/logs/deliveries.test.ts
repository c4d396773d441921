import assert from 'node:assert/strict';
import {
  CloudWatchLogsClient,
  CreateDeliveryCommand,
  DeleteDeliveryCommand,
  DeleteDeliveryDestinationCommand,
  DeleteDeliveryDestinationPolicyCommand,
  DeleteDeliverySourceCommand,
  DescribeConfigurationTemplatesCommand,
  DescribeDeliveriesCommand,
  DescribeDeliveryDestinationsCommand,
  DescribeDeliverySourcesCommand,
  GetDeliveryCommand,
  GetDeliveryDestinationCommand,
  GetDeliveryDestinationPolicyCommand,
  GetDeliverySourceCommand,
  ListTagsForResourceCommand,
  PutDeliveryDestinationCommand,
  PutDeliveryDestinationPolicyCommand,
  PutDeliverySourceCommand,
  TagResourceCommand,
  UpdateDeliveryConfigurationCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// Shapes, defaults and messages are AWS's, from shared/reference/aws-snapshots/logs/test_logs_delivery (the
// CloudFront source's default record fields and S3 suffix path, the "not found" messages, the enum message order).
describe('CloudWatch Logs deliveries (SDK v3)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let logs: CloudWatchLogsClient;
  const client = (account: string) =>
    new CloudWatchLogsClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'test' } });
  const ACCOUNT = '111111111111';
  const distribution = `arn:aws:cloudfront::${ACCOUNT}:distribution/E19DL18TOXN9JU`;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['logs'] });
    logs = client(ACCOUNT);
  });
  after(async () => {
    logs.destroy();
    await aws.stop();
  });

  it('puts, gets, describes and deletes delivery destinations and their policies as AWS does', async () => {
    const put = await logs.send(
      new PutDeliveryDestinationCommand({ name: 'dd-a', outputFormat: 'json', deliveryDestinationConfiguration: { destinationResourceArn: 'arn:aws:s3:::bucket-a' }, tags: { key1: 'value1' } }),
    );
    assert.deepEqual(put.deliveryDestination, {
      arn: `arn:aws:logs:us-east-1:${ACCOUNT}:delivery-destination:dd-a`,
      deliveryDestinationConfiguration: { destinationResourceArn: 'arn:aws:s3:::bucket-a' },
      deliveryDestinationType: 'S3',
      name: 'dd-a',
      outputFormat: 'json',
    });
    const updated = await logs.send(new PutDeliveryDestinationCommand({ name: 'dd-a', deliveryDestinationConfiguration: { destinationResourceArn: 'arn:aws:s3:::bucket-b' } }));
    assert.equal(updated.deliveryDestination!.outputFormat, undefined);
    assert.equal(updated.deliveryDestination!.deliveryDestinationConfiguration!.destinationResourceArn, 'arn:aws:s3:::bucket-b');
    const cwl = await logs.send(
      new PutDeliveryDestinationCommand({ name: 'dd-cwl', deliveryDestinationConfiguration: { destinationResourceArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:vended` } }),
    );
    assert.equal(cwl.deliveryDestination!.deliveryDestinationType, 'CWL');
    const got = await logs.send(new GetDeliveryDestinationCommand({ name: 'dd-a' }));
    assert.deepEqual(got.deliveryDestination!.tags, { key1: 'value1' });
    const described = await logs.send(new DescribeDeliveryDestinationsCommand({ limit: 1 }));
    assert.equal(described.deliveryDestinations!.length, 1);
    const rest = await logs.send(new DescribeDeliveryDestinationsCommand({ nextToken: described.nextToken }));
    assert.deepEqual([...described.deliveryDestinations!, ...rest.deliveryDestinations!].map((d) => d.name), ['dd-a', 'dd-cwl']);

    await assert.rejects(
      logs.send(new PutDeliveryDestinationCommand({ name: 'dd-bad', outputFormat: 'foobar' as 'json', deliveryDestinationConfiguration: { destinationResourceArn: 'arn:aws:s3:::b' } })),
      {
        name: 'ValidationException',
        message: "1 validation error detected: Value 'foobar' at 'outputFormat' failed to satisfy constraint: Member must satisfy enum value set: [w3c, raw, json, plain, parquet]",
      },
    );
    await assert.rejects(logs.send(new GetDeliveryDestinationCommand({ name: 'foobar' })), {
      name: 'ResourceNotFoundException',
      message: 'Requested Delivery Destination does not exist in this account.',
    });

    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'logs:CreateDelivery', Resource: '*' }] });
    assert.deepEqual((await logs.send(new PutDeliveryDestinationPolicyCommand({ deliveryDestinationName: 'dd-a', deliveryDestinationPolicy: policy }))).policy, {
      deliveryDestinationPolicy: policy,
    });
    assert.equal((await logs.send(new GetDeliveryDestinationPolicyCommand({ deliveryDestinationName: 'dd-a' }))).policy!.deliveryDestinationPolicy, policy);
    await logs.send(new DeleteDeliveryDestinationPolicyCommand({ deliveryDestinationName: 'dd-a' }));
    assert.deepEqual((await logs.send(new GetDeliveryDestinationPolicyCommand({ deliveryDestinationName: 'dd-a' }))).policy, {});

    await logs.send(new DeleteDeliveryDestinationCommand({ name: 'dd-a' }));
    await logs.send(new DeleteDeliveryDestinationCommand({ name: 'dd-cwl' }));
    await assert.rejects(logs.send(new DeleteDeliveryDestinationCommand({ name: 'dd-a' })), {
      name: 'ResourceNotFoundException',
      message: 'Requested Delivery Destination does not exist in this account.',
    });
  });

  it('puts delivery sources only for services that deliver logs', async () => {
    const put = await logs.send(new PutDeliverySourceCommand({ name: 'ds-a', resourceArn: distribution, logType: 'ACCESS_LOGS', tags: { key1: 'value1' } }));
    assert.deepEqual(put.deliverySource, {
      arn: `arn:aws:logs:us-east-1:${ACCOUNT}:delivery-source:ds-a`,
      logType: 'ACCESS_LOGS',
      name: 'ds-a',
      resourceArns: [distribution],
      service: 'cloudfront',
      tags: { key1: 'value1' },
    });
    await assert.rejects(logs.send(new PutDeliverySourceCommand({ name: 'ds-s3', resourceArn: 'arn:aws:s3:::test-s3-bucket', logType: 'ACCESS_LOGS' })), {
      name: 'ResourceNotFoundException',
      message: 'Cannot access provided service.',
    });
    assert.equal((await logs.send(new DescribeDeliverySourcesCommand({}))).deliverySources!.length, 1);
    await assert.rejects(logs.send(new GetDeliverySourceCommand({ name: 'foobar' })), {
      name: 'ResourceNotFoundException',
      message: 'Requested Delivery Source does not exist in this account.',
    });
    await logs.send(new DeleteDeliverySourceCommand({ name: 'ds-a' }));
    // AWS's message after a delete ends in two full stops (recorded).
    await assert.rejects(logs.send(new GetDeliverySourceCommand({ name: 'ds-a' })), {
      name: 'ResourceNotFoundException',
      message: 'Requested Delivery Source does not exist in this account..',
    });
  });

  it('creates deliveries with the source template’s defaults, updates, tags and deletes them', async () => {
    await logs.send(new PutDeliverySourceCommand({ name: 'cf', resourceArn: distribution, logType: 'ACCESS_LOGS' }));
    const { deliveryDestination } = await logs.send(new PutDeliveryDestinationCommand({ name: 'bucket', deliveryDestinationConfiguration: { destinationResourceArn: 'arn:aws:s3:::logs-bucket' } }));
    const created = await logs.send(
      new CreateDeliveryCommand({
        deliverySourceName: 'cf',
        deliveryDestinationArn: deliveryDestination!.arn,
        recordFields: ['date'],
        fieldDelimiter: ',',
        s3DeliveryConfiguration: { suffixPath: `AWSLogs/${ACCOUNT}/CloudFront/`, enableHiveCompatiblePath: true },
        tags: { key1: 'value1' },
      }),
    );
    const id = created.delivery!.id!;
    assert.match(id, /^[0-9A-Za-z]+$/);
    assert.deepEqual(created.delivery, {
      arn: `arn:aws:logs:us-east-1:${ACCOUNT}:delivery:${id}`,
      deliveryDestinationArn: deliveryDestination!.arn,
      deliveryDestinationType: 'S3',
      deliverySourceName: 'cf',
      fieldDelimiter: ',',
      id,
      recordFields: ['date'],
      s3DeliveryConfiguration: { enableHiveCompatiblePath: true, suffixPath: `AWSLogs/${ACCOUNT}/CloudFront/` },
      tags: { key1: 'value1' },
    });
    await assert.rejects(logs.send(new CreateDeliveryCommand({ deliverySourceName: 'cf', deliveryDestinationArn: deliveryDestination!.arn })), { name: 'ConflictException' });
    await assert.rejects(logs.send(new DeleteDeliverySourceCommand({ name: 'cf' })), { name: 'ConflictException' });
    await logs.send(new DeleteDeliveryCommand({ id }));

    const defaults = (await logs.send(new CreateDeliveryCommand({ deliverySourceName: 'cf', deliveryDestinationArn: deliveryDestination!.arn }))).delivery!;
    const got = (await logs.send(new GetDeliveryCommand({ id: defaults.id }))).delivery!;
    assert.equal(got.recordFields!.length, 33);
    assert.deepEqual(got.recordFields!.slice(0, 3), ['date', 'time', 'x-edge-location']);
    assert.deepEqual(got.s3DeliveryConfiguration, { enableHiveCompatiblePath: false, suffixPath: 'AWSLogs/{account-id}/CloudFront/' });
    assert.equal(got.fieldDelimiter, undefined);
    assert.deepEqual((await logs.send(new DescribeDeliveriesCommand({}))).deliveries!.map((d) => d.id), [defaults.id]);

    await logs.send(new UpdateDeliveryConfigurationCommand({ id: defaults.id, recordFields: ['date', 'time'], s3DeliveryConfiguration: { enableHiveCompatiblePath: true } }));
    const after = (await logs.send(new GetDeliveryCommand({ id: defaults.id }))).delivery!;
    assert.deepEqual(after.recordFields, ['date', 'time']);
    assert.deepEqual(after.s3DeliveryConfiguration, { enableHiveCompatiblePath: true, suffixPath: 'AWSLogs/{account-id}/CloudFront/' });

    await logs.send(new TagResourceCommand({ resourceArn: defaults.arn, tags: { team: 'web' } }));
    assert.deepEqual((await logs.send(new ListTagsForResourceCommand({ resourceArn: defaults.arn }))).tags, { team: 'web' });

    await logs.send(new DeleteDeliveryCommand({ id: defaults.id }));
    await assert.rejects(logs.send(new GetDeliveryCommand({ id: defaults.id })), { name: 'ResourceNotFoundException', message: 'Requested Delivery does not exist in this account.' });
  });

  it('lets another account deliver only where the destination policy allows it', async () => {
    const other = client('222222222222');
    try {
      await other.send(new PutDeliverySourceCommand({ name: 'cf', resourceArn: 'arn:aws:cloudfront::222222222222:distribution/E2', logType: 'ACCESS_LOGS' }));
      const { deliveryDestination } = await logs.send(
        new PutDeliveryDestinationCommand({ name: 'central', deliveryDestinationConfiguration: { destinationResourceArn: 'arn:aws:s3:::central-bucket' } }),
      );
      const create = () => other.send(new CreateDeliveryCommand({ deliverySourceName: 'cf', deliveryDestinationArn: deliveryDestination!.arn }));
      await assert.rejects(create(), { name: 'AccessDeniedException' });
      const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '222222222222' }, Action: 'logs:CreateDelivery', Resource: deliveryDestination!.arn }] };
      await logs.send(new PutDeliveryDestinationPolicyCommand({ deliveryDestinationName: 'central', deliveryDestinationPolicy: JSON.stringify(policy) }));
      assert.equal((await create()).delivery!.deliveryDestinationType, 'S3');
    } finally {
      other.destroy();
    }
  });

  it('describes configuration templates, filtered', async () => {
    const all = await logs.send(new DescribeConfigurationTemplatesCommand({ service: 'cloudfront' }));
    assert.deepEqual(all.configurationTemplates!.map((t) => t.deliveryDestinationType), ['S3', 'CWL', 'FH']);
    const s3 = await logs.send(new DescribeConfigurationTemplatesCommand({ service: 'cloudfront', deliveryDestinationTypes: ['S3'], logTypes: ['ACCESS_LOGS'] }));
    assert.deepEqual(s3.configurationTemplates![0].defaultDeliveryConfigValues!.s3DeliveryConfiguration, { suffixPath: 'AWSLogs/{account-id}/CloudFront/', enableHiveCompatiblePath: false });
    assert.deepEqual((await logs.send(new DescribeConfigurationTemplatesCommand({ service: 'bedrock' }))).configurationTemplates, []);
  });
});
