import type { Emulator } from '../../emulator/core/emulator.ts';
import type { DynamoState } from '../../emulator/services/dynamodb/state.ts';
import type { KinesisState } from '../../emulator/services/kinesis/state.ts';
import type { SqsState } from '../../emulator/services/sqs/state.ts';

/**
 * What a rejected request must leave as it was, read from one account's and region's state: queues (attributes,
 * tags, message counts), tables (definition, items' count and size, settings) and streams (settings, records per
 * shard, policies). Time alone may move messages from in flight back to visible, so in-flight counts are kept apart:
 * a rejected request may not raise them.
 */
export interface Fingerprint {
  text: string;
  inFlight: number;
}

const mapped = (map: Map<string, unknown>) => JSON.stringify([...map].sort(([a], [b]) => (a < b ? -1 : 1)));

export function fingerprint(emulator: Emulator, accountId: string, region: string): Fingerprint {
  const parts: string[] = [];
  let inFlight = 0;
  if (emulator.services.has('sqs')) {
    const now = Date.now();
    for (const queue of [...emulator.state<SqsState>('sqs', accountId, region).queues.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const counts = queue.counts(now);
      inFlight += counts.inflight;
      parts.push(`q ${queue.name} ${JSON.stringify(Object.entries(queue.attributes).sort())} ${mapped(queue.tags)} ${counts.visible + counts.inflight + counts.delayed}`);
    }
  }
  if (emulator.services.has('dynamodb')) {
    for (const table of [...emulator.state<DynamoState>('dynamodb', accountId, region).tables.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const settings = {
        keys: table.keySchema,
        definitions: table.attributeDefinitions,
        billing: table.billingMode,
        throughput: table.throughput,
        indexes: [...table.indexes.keys()].sort(),
        ttl: table.ttl,
        stream: table.streamSpecification,
        protection: table.deletionProtection,
        policy: table.resourcePolicy?.revisionId,
        pitr: table.pointInTimeRecovery?.enabled,
        destinations: [...table.kinesisDestinations.keys()],
      };
      parts.push(`t ${table.name} ${table.itemCount} ${table.sizeBytes} ${mapped(table.tags)} ${JSON.stringify(settings)}`);
    }
  }
  if (emulator.services.has('kinesis')) {
    const state = emulator.state<KinesisState>('kinesis', accountId, region);
    for (const stream of [...state.streams.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const shards = stream.shards.map((s) => `${s.id}:${s.records.length}:${s.open}`).join(',');
      const settings = [stream.retentionHours, stream.mode, stream.encryption.type, stream.maxRecordSizeKiB, stream.enhancedMetrics.join('|')];
      parts.push(`s ${stream.name} ${shards} ${mapped(stream.tags)} ${[...stream.consumers.keys()].sort().join('|')} ${settings.join(' ')}`);
    }
    parts.push(`p ${mapped(state.policies)}`);
  }
  return { text: parts.join('\n'), inFlight };
}
