import { randomUUID } from 'node:crypto';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, FilterLogEventsCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateEventBusCommand, EventBridgeClient, PutEventsCommand, PutRuleCommand } from '@aws-sdk/client-eventbridge';
import { abort, clientOptions } from './clients.ts';
import type { Workload } from './workloads.ts';

/** A log group with one stream, named for this run. */
async function logStream(client: CloudWatchLogsClient, suffix: string) {
  const group = `bench-${suffix}-${randomUUID().slice(0, 8)}`;
  await client.send(new CreateLogGroupCommand({ logGroupName: group }), abort());
  await client.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 's' }), abort());
  return group;
}

const FILTER_EVENTS = 1_000_000;
const FILTER_BATCH = 10_000;

/**
 * CloudWatch Logs, EventBridge and CloudWatch metrics (issue #14): PutLogEvents batches, FilterLogEvents over a
 * million stored events, PutEvents onto a bus with 100 rules (each event matches one), and PutMetricData batches.
 */
export const OBSERVABILITY_WORKLOADS: Workload[] = [
  {
    name: 'Logs PutLogEvents (100 events x 100 B)',
    service: 'logs',
    async prepare(endpoint) {
      const client = new CloudWatchLogsClient(clientOptions(endpoint));
      const group = await logStream(client, 'put');
      const message = 'x'.repeat(100);
      return {
        op: () => {
          const timestamp = Date.now();
          const logEvents = Array.from({ length: 100 }, () => ({ timestamp, message }));
          return client.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: 's', logEvents }), abort());
        },
      };
    },
  },
  {
    name: 'Logs FilterLogEvents (term matching 1 in 10,000, over 1M events)',
    service: 'logs',
    async prepare(endpoint) {
      const client = new CloudWatchLogsClient(clientOptions(endpoint));
      const group = await logStream(client, 'filter');
      const started = performance.now();
      const base = Date.now() - 3_600_000;
      for (let loaded = 0; loaded < FILTER_EVENTS; loaded += FILTER_BATCH) {
        const logEvents = Array.from({ length: FILTER_BATCH }, (_, i) => ({
          timestamp: base + Math.floor((loaded + i) / 1000),
          message: `${(loaded + i) % FILTER_BATCH === 0 ? 'ERROR' : 'INFO'} request ${loaded + i} took ${(loaded + i) % 997} ms`,
        }));
        await client.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: 's', logEvents }), { abortSignal: AbortSignal.timeout(60_000) });
      }
      console.log(`  loaded ${FILTER_EVENTS} log events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return { op: () => client.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: 'ERROR' }), { abortSignal: AbortSignal.timeout(60_000) }) };
    },
  },
  {
    name: 'EventBridge PutEvents (10 entries) on a bus with 100 rules',
    service: 'events',
    async prepare(endpoint) {
      const client = new EventBridgeClient(clientOptions(endpoint));
      const bus = `bench-${randomUUID().slice(0, 8)}`;
      await client.send(new CreateEventBusCommand({ Name: bus }), abort());
      for (let i = 0; i < 100; i++) {
        const pattern = { source: ['bench'], 'detail-type': [`type-${i}`], detail: { amount: [{ numeric: ['>', 10] }] } };
        await client.send(new PutRuleCommand({ Name: `rule-${i}`, EventBusName: bus, EventPattern: JSON.stringify(pattern) }), abort());
      }
      return {
        op: (n) => {
          const Entries = Array.from({ length: 10 }, (_, j) => ({ EventBusName: bus, Source: 'bench', DetailType: `type-${(n + j) % 100}`, Detail: JSON.stringify({ amount: n % 50, id: n }) }));
          return client.send(new PutEventsCommand({ Entries }), abort());
        },
      };
    },
  },
  {
    name: 'CloudWatch PutMetricData (20 data, 2 dimensions)',
    service: 'cloudwatch',
    async prepare(endpoint) {
      const client = new CloudWatchClient(clientOptions(endpoint));
      const namespace = `bench/${randomUUID().slice(0, 8)}`;
      return {
        op: (n) => {
          const MetricData = Array.from({ length: 20 }, (_, j) => ({
            MetricName: `metric-${j % 5}`,
            Dimensions: [
              { Name: 'Host', Value: `host-${j % 4}` },
              { Name: 'Service', Value: 'bench' },
            ],
            Value: (n * 20 + j) % 1000,
            Unit: 'Milliseconds' as const,
          }));
          return client.send(new PutMetricDataCommand({ Namespace: namespace, MetricData }), abort());
        },
      };
    },
  },
];
