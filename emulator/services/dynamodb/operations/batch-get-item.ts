import type { BatchGetItemCommandInput, BatchGetItemCommandOutput, ConsumedCapacity, KeysAndAttributes } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { CapacityMeter } from '../capacity.ts';
import { itemSize } from '../expressions/index.ts';
import { validation } from '../errors.ts';
import { validKey } from '../keys.ts';
import { stateForTable } from '../account-walls.ts';
import type { DynamoState } from '../state.ts';
import type { Item } from '../values.ts';
import { readOne, readProjection } from './get-item.ts';

const MAX_KEYS = 100;
/** BatchGetItem returns at most 16 MB; keys beyond come back as UnprocessedKeys. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export function batchGetItem(input: BatchGetItemCommandInput, ctx: RequestContext<DynamoState>): Omit<BatchGetItemCommandOutput, '$metadata'> {
  const requests = Object.entries(input.RequestItems ?? {});
  const total = requests.reduce((n, [, r]) => n + (r.Keys?.length ?? 0), 0);
  if (total > MAX_KEYS) throw validation('Too many items requested for the BatchGetItem call');
  for (const [, request] of requests) readProjection(request);
  // A table ARN names its account: each table's wall is passed before anything is read.
  const states = new Map(requests.map(([tableName]) => [tableName, stateForTable(tableName, 'dynamodb:BatchGetItem', true, ctx)]));
  for (const [tableName, request] of requests) {
    const table = states.get(tableName)!.table(tableName);
    const seen = new Set<string>();
    for (const key of request.Keys ?? []) {
      const id = table.tieOf(validKey(table, key as Item));
      if (seen.has(id)) throw validation('Provided list of item keys contains duplicates');
      seen.add(id);
    }
  }
  const responses: Record<string, Item[]> = {};
  const unprocessed: Record<string, KeysAndAttributes> = {};
  const capacities: ConsumedCapacity[] = [];
  let bytes = 0;
  for (const [tableName, request] of requests) {
    responses[tableName] = [];
    const meter = new CapacityMeter('read', tableName, states.get(tableName)!);
    for (const key of request.Keys ?? []) {
      if (bytes >= MAX_RESPONSE_BYTES) {
        (unprocessed[tableName] ??= { ...request, Keys: [] }).Keys!.push(key);
        continue;
      }
      const { item, capacity } = readOne(states.get(tableName)!, { ...request, TableName: tableName, Key: key as Item }, 1);
      meter.addTable(capacity);
      if (item) {
        bytes += itemSize(item);
        responses[tableName].push(item);
      }
    }
    const report = meter.report(input.ReturnConsumedCapacity);
    if (report) capacities.push(report);
  }
  return { Responses: responses, UnprocessedKeys: unprocessed, ConsumedCapacity: input.ReturnConsumedCapacity && input.ReturnConsumedCapacity !== 'NONE' ? capacities : undefined };
}

