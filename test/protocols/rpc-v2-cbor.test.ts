import assert from 'node:assert/strict';
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  GetMetricWidgetImageCommand,
  ListMetricsCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import { AwsSmithyRpcV2CborProtocol } from '@aws-sdk/core/protocols';
import { cbor } from '@smithy/core/cbor';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { runBoto3Script } from '../support/boto3.ts';

// Expected errors are AWS's, from the recorded smithy-rpc-v2-cbor variants in shared/reference/aws-snapshots/cloudwatch.
const PATH = '/service/GraniteServiceVersion20100801/operation';

describe('Smithy RPC v2 CBOR (CloudWatch through the AWS SDK v3 rpcv2Cbor protocol)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let cw: CloudWatchClient;
  const wire: { path?: string; headers?: Record<string, string>; status?: number; responseHeaders?: Record<string, string> }[] = [];

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['cloudwatch'] });
    // The SDK's own rpcv2Cbor protocol, as CloudWatch clients generated from its model's first protocol use it.
    cw = new CloudWatchClient({
      endpoint: aws.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      protocol: AwsSmithyRpcV2CborProtocol,
    });
    cw.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { path: string; headers: Record<string, string> };
        const result = await next(args);
        const response = result.response as { statusCode: number; headers: Record<string, string> };
        wire.push({ path: request.path, headers: request.headers, status: response.statusCode, responseHeaders: response.headers });
        return result;
      },
      { step: 'deserialize', name: 'recordWire' },
    );
  });
  after(async () => {
    cw.destroy();
    await aws.stop();
  });

  it('puts and reads metric data: timestamps travel as CBOR tag 1, the wire is rpc-v2-cbor both ways', async () => {
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 120_000);
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'cbor-ns',
        MetricData: [{ MetricName: 'latency', Timestamp: now, Values: [10, 20], Counts: [1, 3], Unit: 'Milliseconds', Dimensions: [{ Name: 'api', Value: 'a' }] }],
      }),
    );
    const sent = wire.at(-1)!;
    assert.equal(sent.path, `${PATH}/PutMetricData`);
    assert.equal(sent.headers!['smithy-protocol'], 'rpc-v2-cbor');
    assert.equal(sent.headers!['content-type'], 'application/cbor');
    assert.equal(sent.headers!['x-amz-target'], undefined);
    assert.equal(sent.status, 200);
    assert.equal(sent.responseHeaders!['smithy-protocol'], 'rpc-v2-cbor');

    const data = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(now.getTime() - 300_000),
        EndTime: new Date(now.getTime() + 300_000),
        MetricDataQueries: [
          { Id: 'sum', MetricStat: { Metric: { Namespace: 'cbor-ns', MetricName: 'latency', Dimensions: [{ Name: 'api', Value: 'a' }] }, Period: 60, Stat: 'Sum' } },
          { Id: 'n', MetricStat: { Metric: { Namespace: 'cbor-ns', MetricName: 'latency', Dimensions: [{ Name: 'api', Value: 'a' }] }, Period: 60, Stat: 'SampleCount' } },
        ],
      }),
    );
    assert.equal(wire.at(-1)!.responseHeaders!['content-type'], 'application/cbor');
    const byId = Object.fromEntries(data.MetricDataResults!.map((r) => [r.Id, r]));
    assert.deepEqual(byId.sum.Values, [70]);
    assert.deepEqual(byId.n.Values, [4]);
    assert.ok(byId.sum.Timestamps![0] instanceof Date);
    assert.equal(byId.sum.Timestamps![0].getTime(), now.getTime());
    const metrics = await cw.send(new ListMetricsCommand({ Namespace: 'cbor-ns' }));
    assert.deepEqual(metrics.Metrics, [{ Namespace: 'cbor-ns', MetricName: 'latency', Dimensions: [{ Name: 'api', Value: 'a' }] }]);
  });

  it('answers alarms with their dates, and blobs as CBOR byte strings', async () => {
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'cbor-alarm',
        MetricName: 'latency',
        Namespace: 'cbor-ns',
        Statistic: 'Average',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 5,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );
    const { MetricAlarms } = await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['cbor-alarm'] }));
    assert.equal(MetricAlarms![0].AlarmName, 'cbor-alarm');
    assert.equal(MetricAlarms![0].Threshold, 5);
    assert.ok(MetricAlarms![0].AlarmConfigurationUpdatedTimestamp instanceof Date);
    assert.ok(Math.abs(MetricAlarms![0].AlarmConfigurationUpdatedTimestamp!.getTime() - Date.now()) < 60_000);

    const image = await cw.send(new GetMetricWidgetImageCommand({ MetricWidget: JSON.stringify({ metrics: [['cbor-ns', 'latency']] }) }));
    assert.ok(image.MetricWidgetImage instanceof Uint8Array);
    assert.equal(Buffer.from(image.MetricWidgetImage).subarray(1, 4).toString(), 'PNG');
  });

  it("fails as AWS does: __type with the error's shape id, and the query code for query-compatible clients", async () => {
    await assert.rejects(cw.send(new SetAlarmStateCommand({ AlarmName: 'no-such-alarm', StateValue: 'OK', StateReason: 'x' })), (error: Error & { $metadata: { httpStatusCode: number } }) => {
      assert.equal(error.name, 'ResourceNotFound');
      assert.equal(error.$metadata.httpStatusCode, 404);
      return true;
    });
    await assert.rejects(
      cw.send(new SetAlarmStateCommand({ AlarmName: 'cbor-alarm', StateValue: 'INVALID' as never, StateReason: 'x' })),
      (error: Error & { Code: string; $metadata: { httpStatusCode: number } }) => {
        // Coral's ValidationException, whose query code is ValidationError (recorded), as the AWS JSON client sees it.
        assert.equal(error.name, 'ValidationException');
        assert.equal(error.Code, 'ValidationError');
        assert.equal(error.message, "1 validation error detected: Value 'INVALID' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]");
        assert.equal(error.$metadata.httpStatusCode, 400);
        return true;
      },
    );
  });

  it('routes an unsigned request by the service named in its path, and decodes its CBOR error body', async () => {
    const post = (operation: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${aws.endpoint}${PATH}/${operation}`, {
        method: 'POST',
        headers: { 'smithy-protocol': 'rpc-v2-cbor', 'content-type': 'application/cbor', accept: 'application/cbor', ...headers },
        body: Buffer.from(cbor.serialize(body)),
      });
    const ok = await post('ListMetrics', { Namespace: 'cbor-ns' });
    assert.equal(ok.status, 200);
    const listed = cbor.deserialize(new Uint8Array(await ok.arrayBuffer())) as { Metrics: unknown[] };
    assert.equal(listed.Metrics.length, 1);

    const missing = await post('SetAlarmState', { AlarmName: 'no-such-alarm', StateValue: 'OK', StateReason: 'x' });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('x-amzn-query-error'), 'ResourceNotFound;Sender');
    const error = cbor.deserialize(new Uint8Array(await missing.arrayBuffer())) as Record<string, unknown>;
    assert.equal(error.__type, 'com.amazonaws.cloudwatch.v2010_08_01#ResourceNotFound');

    // The protocol forbids a target header; a malformed body is the client's error, not a crash.
    const targeted = await post('ListMetrics', {}, { 'x-amz-target': 'GraniteServiceVersion20100801.ListMetrics' });
    assert.equal(targeted.status, 400);
    // Values of the wrong CBOR type are refused before the operation sees them: an array for the input structure, a
    // byte string for a text member.
    for (const [operation, body] of [['ListMetrics', [1, 2]], ['GetMetricWidgetImage', { MetricWidget: Buffer.from('{}') }]] as const) {
      const refused = await post(operation, body);
      assert.equal(refused.status, 400);
      assert.equal((cbor.deserialize(new Uint8Array(await refused.arrayBuffer())) as Record<string, unknown>).__type, 'com.amazonaws.cloudwatch.v2010_08_01#SerializationException');
    }
    const malformed = await fetch(`${aws.endpoint}${PATH}/ListMetrics`, { method: 'POST', headers: { 'smithy-protocol': 'rpc-v2-cbor' }, body: Buffer.from([0xbf, 0x61]) });
    assert.equal(malformed.status, 400);
    assert.equal((cbor.deserialize(new Uint8Array(await malformed.arrayBuffer())) as Record<string, unknown>).__type, 'com.amazonaws.cloudwatch.v2010_08_01#SerializationException');
  });

  it('refuses an unknown key in strict signature mode as AWS JSON does, in CBOR', async () => {
    const strict = await startTwinstack({ port: 0, services: ['cloudwatch'], strictSignatures: true });
    const client = new CloudWatchClient({
      endpoint: strict.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' },
      protocol: AwsSmithyRpcV2CborProtocol,
    });
    try {
      await assert.rejects(client.send(new ListMetricsCommand({})), (error: Error & { $metadata: { httpStatusCode: number } }) => {
        assert.equal(error.name, 'UnrecognizedClientException');
        assert.equal(error.$metadata.httpStatusCode, 400);
        return true;
      });
    } finally {
      client.destroy();
      await strict.stop();
    }
  });

  it("serves botocore's own rpc-v2-cbor client (its CloudWatch model listing only that protocol)", async () => {
    const out = await runBoto3Script<Record<string, unknown>>(new URL('./boto3-rpc-v2-cbor.py', import.meta.url), aws.endpoint);
    assert.deepEqual(out, {
      path: 'service/GraniteServiceVersion20100801/operation/PutMetricData',
      protocolHeader: 'rpc-v2-cbor',
      sum: [8],
      timestamp: out.expected,
      expected: out.expected,
      alarmUpdatedIsDate: true,
      error: { code: 'ResourceNotFound', status: 404 },
      png: 'PNG',
    });
  });
});
