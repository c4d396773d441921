import type { BatchWriteItemCommandInput, BatchWriteItemCommandOutput, ConsumedCapacity, ItemCollectionMetrics } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { CapacityMeter } from '../capacity.ts';
import { validation } from '../errors.ts';
import { itemCollectionMetrics } from '../request.ts';
import { stateForTable } from '../account-walls.ts';
import type { DynamoState } from '../state.ts';
import type { Item } from '../values.ts';
import { execute, prepareDelete, preparePut, type PreparedWrite } from '../writes.ts';

const MAX_REQUESTS = 25;

export function batchWriteItem(input: BatchWriteItemCommandInput, ctx: RequestContext<DynamoState>): Omit<BatchWriteItemCommandOutput, '$metadata'> {
  const requests = Object.entries(input.RequestItems ?? {});
  const total = requests.reduce((n, [, r]) => n + r.length, 0);
  if (total > MAX_REQUESTS) throw validation('Too many items requested for the BatchWriteItem call');
  // Everything is validated before anything is written.
  const writes: PreparedWrite[] = [];
  for (const [tableName, list] of requests) {
    // A table ARN names its account: each table's wall is passed before anything is written.
    const state = stateForTable(tableName, 'dynamodb:BatchWriteItem', true, ctx);
    const seen = new Set<string>();
    for (const request of list) {
      if (!!request.PutRequest === !!request.DeleteRequest) {
        throw validation('Supplied WriteRequest must contain exactly one of PutRequest or DeleteRequest');
      }
      const write = request.PutRequest
        ? preparePut(state, { TableName: tableName, Item: request.PutRequest.Item as Item }, 'schema')
        : prepareDelete(state, { TableName: tableName, Key: request.DeleteRequest!.Key as Item });
      const id = write.table.tieOf(write.key);
      if (seen.has(id)) throw validation('Provided list of item keys contains duplicates');
      seen.add(id);
      writes.push(write);
    }
  }
  const meters = new Map<string, CapacityMeter>();
  const metrics: Record<string, ItemCollectionMetrics[]> = {};
  for (const write of writes) {
    const { old, item, bytes } = execute(write);
    let meter = meters.get(write.tableName);
    if (!meter) meters.set(write.tableName, (meter = new CapacityMeter('write', write.tableName, write.state)));
    meter.addWrite(write.table, old, item, 1, bytes);
    const metric = itemCollectionMetrics(write.table, write.key, input.ReturnItemCollectionMetrics);
    if (metric) (metrics[write.tableName] ??= []).push(metric);
  }
  const capacities = [...meters.values()].map((m) => m.report(input.ReturnConsumedCapacity)).filter((c): c is ConsumedCapacity => !!c);
  return {
    UnprocessedItems: {},
    ConsumedCapacity: input.ReturnConsumedCapacity && input.ReturnConsumedCapacity !== 'NONE' ? capacities : undefined,
    ItemCollectionMetrics: input.ReturnItemCollectionMetrics === 'SIZE' ? metrics : undefined,
  };
}
