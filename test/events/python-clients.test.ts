import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { BOTO3_ENV, runBoto3Script } from '../support/boto3.ts';

// EventBridge and CloudWatch Logs through boto3 1.43 (AWS JSON 1.1), and CloudWatch through Debian's AWS CLI 2.9
// (whose botocore speaks the query protocol to CloudWatch).
describe('EventBridge, CloudWatch Logs and CloudWatch with boto3 and the AWS CLI', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['events', 'sqs', 'logs', 'cloudwatch'] });
  });
  after(() => aws.stop());

  it('routes events, tests patterns and filters logs through boto3', async () => {
    const out = await runBoto3Script<Record<string, unknown>>(new URL('./python-clients.py', import.meta.url), aws.endpoint, { timeout: 50_000 });
    assert.equal(out.failed, 0);
    assert.deepEqual(out.bodies, ['{"n": 10}']);
    assert.equal(out.test_pattern, true);
    assert.equal(out.pattern_error, 'Event pattern is not valid. Reason: "int" must be an object or an array\n at [Source: (String)"{"int": 42}"; line: 1, column: 11]');
    assert.deepEqual(out.filtered, ['ERROR one']);
    assert.equal(out.limit_error, "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000");
  });

  it('puts and reads metrics and alarms with the AWS CLI (query protocol)', async () => {
    const cli = (...args: string[]) =>
      promisify(execFile)('/usr/bin/aws', ['--endpoint-url', aws.endpoint, 'cloudwatch', ...args, '--output', 'json'], { env: BOTO3_ENV });
    const now = Math.floor(aws.emulator.clock.now() / 60_000) * 60_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    await cli('put-metric-data', '--namespace', 'Cli/Test', '--metric-name', 'Latency', '--value', '42', '--unit', 'Milliseconds', '--timestamp', iso(now + 1000));
    const stats = JSON.parse(
      (await cli('get-metric-statistics', '--namespace', 'Cli/Test', '--metric-name', 'Latency', '--start-time', iso(now), '--end-time', iso(now + 60_000), '--period', '60', '--statistics', 'Maximum'))
        .stdout,
    );
    assert.deepEqual(
      stats.Datapoints.map((d: { Maximum: number; Unit: string }) => [d.Maximum, d.Unit]),
      [[42, 'Milliseconds']],
    );
    await cli('put-metric-alarm', '--alarm-name', 'cli-alarm', '--namespace', 'Cli/Test', '--metric-name', 'Latency', '--statistic', 'Maximum', '--period', '60', '--evaluation-periods', '1', '--threshold', '10', '--comparison-operator', 'GreaterThanThreshold');
    const alarms = JSON.parse((await cli('describe-alarms', '--alarm-names', 'cli-alarm')).stdout);
    assert.equal(alarms.MetricAlarms[0].StateReason, 'Unchecked: Initial alarm creation');
    const error = await cli('set-alarm-state', '--alarm-name', 'missing', '--state-value', 'OK', '--state-reason', 'x').then(
      () => assert.fail('AWS refuses a missing alarm'),
      (e: { stderr: string }) => e.stderr,
    );
    assert.match(error, /\(ResourceNotFound\)/);
  });
});
