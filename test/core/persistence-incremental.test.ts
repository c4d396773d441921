import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudWatchClient, GetMetricStatisticsCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, GetLogEventsCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { CREDENTIALS } from './every-service-state.ts';

/**
 * CloudWatch Logs events and CloudWatch metric samples are logged batch by batch in WAL mode: with thousands stored,
 * one more PutLogEvents or PutMetricData logs that batch, not the stream or the metric; the log alone (no clean stop)
 * brings all of them back, in order.
 */
describe('persistence: CloudWatch Logs and CloudWatch log each write incrementally', function () {
  this.timeout(120_000);

  it('one more event or sample logs only itself, and the log restores them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'twinstack-incremental-'));
    const services = ['logs', 'cloudwatch'];
    const first = await startTwinstack({ port: 0, services, persist: { dir, mode: 'wal' } });
    const config = (endpoint: string) => ({ endpoint, region: 'us-east-1', credentials: CREDENTIALS });
    let logs = new CloudWatchLogsClient(config(first.endpoint));
    let cloudwatch = new CloudWatchClient(config(first.endpoint));
    let second: Twinstack | undefined;
    try {
      const start = first.clock.now();
      await logs.send(new CreateLogGroupCommand({ logGroupName: '/big' }));
      await logs.send(new CreateLogStreamCommand({ logGroupName: '/big', logStreamName: 's' }));
      for (let i = 0; i < 2000; i += 100) {
        const logEvents = Array.from({ length: 100 }, (_, j) => ({ timestamp: start + i + j, message: `event ${i + j} ${'x'.repeat(200)}` }));
        await logs.send(new PutLogEventsCommand({ logGroupName: '/big', logStreamName: 's', logEvents }));
        const MetricData = Array.from({ length: 100 }, (_, j) => ({ MetricName: 'Big', Value: i + j, Timestamp: new Date(start) }));
        await cloudwatch.send(new PutMetricDataCommand({ Namespace: 'Big', MetricData }));
      }
      const logSize = () => statSync(join(dir, 'state.wal')).size;
      let before = logSize();
      // An earlier timestamp than all stored: it sorts first after the restore too.
      await logs.send(new PutLogEventsCommand({ logGroupName: '/big', logStreamName: 's', logEvents: [{ timestamp: start - 1, message: 'one more' }] }));
      const eventBytes = logSize() - before;
      before = logSize();
      await cloudwatch.send(new PutMetricDataCommand({ Namespace: 'Big', MetricData: [{ MetricName: 'Big', Value: 1000, Timestamp: new Date(start) }] }));
      const sampleBytes = logSize() - before;
      // 2,000 events of 200 bytes are 400 KB: the write logs its one event and the small rest of the graph.
      assert.ok(eventBytes > 0 && eventBytes < 8192, `PutLogEvents logged ${eventBytes} bytes`);
      assert.ok(sampleBytes > 0 && sampleBytes < 8192, `PutMetricData logged ${sampleBytes} bytes`);
      logs.destroy();
      cloudwatch.destroy();

      // A second emulator on the directory (the lock is this process's own) finds only the log, as after a crash.
      second = await startTwinstack({ port: 0, services, persist: { dir, mode: 'wal' } });
      logs = new CloudWatchLogsClient(config(second.endpoint));
      cloudwatch = new CloudWatchClient(config(second.endpoint));
      const messages: string[] = [];
      let nextToken: string | undefined;
      for (;;) {
        const page = await logs.send(new GetLogEventsCommand({ logGroupName: '/big', logStreamName: 's', startFromHead: true, nextToken }));
        messages.push(...page.events!.map((e) => e.message!.split(' ').slice(0, 2).join(' ')));
        if (!page.events!.length || page.nextForwardToken === nextToken) break;
        nextToken = page.nextForwardToken;
      }
      assert.equal(messages.length, 2001);
      assert.deepEqual(messages.slice(0, 3), ['one more', 'event 0', 'event 1']);
      assert.equal(messages[2000], 'event 1999');
      const stats = await cloudwatch.send(new GetMetricStatisticsCommand({
        Namespace: 'Big', MetricName: 'Big', StartTime: new Date(start - 60_000), EndTime: new Date(start + 60_000), Period: 3600, Statistics: ['SampleCount', 'Sum', 'Maximum'],
      }));
      assert.deepEqual(stats.Datapoints?.map((d) => [d.SampleCount, d.Sum, d.Maximum]), [[2001, (1999 * 2000) / 2 + 1000, 1999]]);
    } finally {
      logs.destroy();
      cloudwatch.destroy();
      await second?.stop();
      await first.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
