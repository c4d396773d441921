import assert from 'node:assert/strict';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient, DescribeAnomalyDetectorsCommand } from '@aws-sdk/client-cloudwatch';
import { creationFailure, CLIENT_CONFIG, deploy, output, deleteStack, serveCloudFormation } from './serve.ts';

/** A detector on a queue's depth with the `stat` statistic, its configuration excluding `excluded` (a day) when given. */
const template = (stat: string, excluded?: string) =>
  JSON.stringify({
    Resources: {
      Detector: {
        Type: 'AWS::CloudWatch::AnomalyDetector',
        Properties: {
          SingleMetricAnomalyDetector: { Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: 'orders' }], Stat: stat },
          Configuration: { MetricTimeZone: 'UTC', ...(excluded ? { ExcludedTimeRanges: [{ StartTime: `${excluded}T00:00:00`, EndTime: `${excluded}T23:59:59` }] } : {}) },
        },
      },
    },
    Outputs: { Detector: { Value: { Ref: 'Detector' } } },
  });

describe('CloudFormation: AWS::CloudWatch::AnomalyDetector', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let cloudwatch: CloudWatchClient;
  serveCloudFormation((aws, client) => {
    cfn = client;
    cloudwatch = new CloudWatchClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });
  after(() => cloudwatch?.destroy());

  const detectors = async () => (await cloudwatch.send(new DescribeAnomalyDetectorsCommand({ Namespace: 'AWS/SQS' }))).AnomalyDetectors ?? [];

  it('puts the detector (Ref its generated id), changes its configuration in place, replaces it for a new statistic, deletes it', async () => {
    const created = await deploy(cfn, 'anomalies', template('Average'));
    const id = output(created, 'Detector');
    assert.match(id, /^anomalies-Detector-[A-Z0-9]+$/);
    const [detector] = await detectors();
    assert.deepEqual(
      [detector.SingleMetricAnomalyDetector!.Stat, detector.SingleMetricAnomalyDetector!.Dimensions, detector.Configuration],
      ['Average', [{ Name: 'QueueName', Value: 'orders' }], { ExcludedTimeRanges: [], MetricTimezone: 'UTC' }],
    );

    const updated = await deploy(cfn, 'anomalies', template('Average', '2026-11-26'), {}, true);
    assert.equal(output(updated, 'Detector'), id);
    const [range] = (await detectors())[0].Configuration!.ExcludedTimeRanges!;
    assert.deepEqual([range.StartTime!.toISOString(), range.EndTime!.toISOString()], ['2026-11-26T00:00:00.000Z', '2026-11-26T23:59:59.000Z']);

    const replaced = await deploy(cfn, 'anomalies', template('Maximum'), {}, true);
    assert.notEqual(output(replaced, 'Detector'), id);
    assert.deepEqual((await detectors()).map((d) => d.SingleMetricAnomalyDetector!.Stat), ['Maximum']);

    await deleteStack(cfn, created);
    assert.deepEqual(await detectors(), []);
  });

  it("fails the resource with CloudWatch's error", async () => {
    const queries = ['a', 'b'].map((Id) => ({ Id, MetricStat: { Metric: { Namespace: 'AWS/SQS', MetricName: 'NumberOfMessagesSent' }, Period: '300', Stat: 'Sum' } }));
    const body = JSON.stringify({ Resources: { Detector: { Type: 'AWS::CloudWatch::AnomalyDetector', Properties: { MetricMathAnomalyDetector: { MetricDataQueries: queries } } } } });
    assert.match(
      await creationFailure(cfn, 'anomalies-bad', body, 'Detector'),
      /^Resource handler returned message: "MetricMathAnomalyDetector must have exactly one MetricDataQuery that returns data." \(RequestToken: [-0-9a-f]+, HandlerErrorCode: InvalidRequest\)$/,
    );
  });
});
