import { EventEmitter } from 'node:events';
import { crc32 } from 'node:zlib';
import type { Emulator } from '../../emulator/core/emulator.ts';
import type { DynamoState } from '../../emulator/services/dynamodb/state.ts';
import type { KinesisState } from '../../emulator/services/kinesis/state.ts';
import type { SqsState } from '../../emulator/services/sqs/state.ts';

/**
 * What a rejected request must leave as it was, read from one account's and region's state: queues (attributes,
 * tags, message counts), tables (definition, items' count and size, settings) and streams (settings, records per
 * shard, policies) read field by field; every other service's state (all accounts and regions) as a walk of its
 * whole object graph. Time alone may move messages from in flight back to visible, so in-flight counts are kept
 * apart: a rejected request may not raise them.
 */
export interface Fingerprint {
  text: string;
  inFlight: number;
  /** Every other service's state by `service account[/region]`. */
  states: Map<string, string>;
}

/**
 * What changed from `before` to `after`, as -/+ lines. A state that first appears is left out: a store creates an
 * account's empty state on its first request, rejected or not.
 */
export function changes(before: Fingerprint, after: Fingerprint): string {
  const lines: string[] = [];
  if (before.text !== after.text) {
    const old = new Set(before.text.split('\n'));
    const now = new Set(after.text.split('\n'));
    for (const line of old) if (!now.has(line)) lines.push(`- ${line}`);
    for (const line of now) if (!old.has(line)) lines.push(`+ ${line}`);
  }
  for (const [key, text] of before.states) {
    const next = after.states.get(key);
    if (next !== text) lines.push(`- ${key} ${text}`, `+ ${key} ${next ?? '(gone)'}`);
  }
  return lines.join('\n');
}

const mapped = (map: Map<string, unknown>) => JSON.stringify([...map].sort(([a], [b]) => (a < b ? -1 : 1)));

/** `skip`: a service whose state is left out (one that other services write in the background). */
export function fingerprint(emulator: Emulator, accountId: string, region: string, skip?: string): Fingerprint {
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
  const states = new Map<string, string>();
  for (const [service, store] of emulator.stores()) {
    if (READ_FIELD_BY_FIELD.has(service) || service === skip) continue;
    for (const [key, state] of store.entries()) states.set(`${service} ${key}`, walk(state, new Set()));
  }
  return { text: parts.join('\n'), inFlight, states };
}

const READ_FIELD_BY_FIELD = new Set(['sqs', 'dynamodb', 'kinesis']);

/** Runtime machinery a state may hold (timers, processes, sockets, the emulator itself): not state a request sets. */
const MACHINERY = new Set(['Timeout', 'Immediate', 'Emulator', 'Clock', 'ChildProcess', 'Socket', 'Server', 'AbortController', 'Promise']);

/** A stable text of an object graph: maps sorted by key, bytes by length and checksum, functions and machinery left out. */
function walk(value: unknown, seen: Set<object>): string {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? 'fn' : typeof value === 'bigint' ? `${value}n` : JSON.stringify(value) ?? 'undefined';
  if (value instanceof Uint8Array) return `<${value.length}:${crc32(value)}>`;
  if (value instanceof Date) return `D${value.getTime()}`;
  if (value instanceof EventEmitter || MACHINERY.has(value.constructor?.name ?? '')) return 'machinery';
  if (seen.has(value)) return 'cycle';
  seen.add(value);
  let text: string;
  if (value instanceof Map) text = `M{${[...value].map(([k, v]) => `${walk(k, seen)}=${walk(v, seen)}`).sort().join(',')}}`;
  else if (value instanceof Set) text = `S{${[...value].map((v) => walk(v, seen)).sort().join(',')}}`;
  else if (Array.isArray(value)) text = `[${value.map((v) => walk(v, seen)).join(',')}]`;
  else text = `{${Object.keys(value).sort().map((k) => `${k}:${walk((value as Record<string, unknown>)[k], seen)}`).join(',')}}`;
  seen.delete(value);
  return text;
}
