import type { ConsumedCapacity, ItemResponse, TransactGetItemsCommandInput, TransactGetItemsCommandOutput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { CapacityMeter } from '../capacity.ts';
import { validKey } from '../keys.ts';
import type { DynamoState } from '../state.ts';
import type { Item } from '../values.ts';
import { readOne } from './get-item.ts';
import { checkDistinctItems } from './transact-write-items.ts';

export function transactGetItems(input: TransactGetItemsCommandInput, ctx: RequestContext<DynamoState>): Omit<TransactGetItemsCommandOutput, '$metadata'> {
  const gets = (input.TransactItems ?? []).map((entry) => entry.Get!);
  checkDistinctItems(
    gets.map((get) => {
      const table = ctx.state.table(get.TableName!);
      return { table, key: validKey(table, get.Key as Item) };
    }),
  );
  const meters = new Map<string, CapacityMeter>();
  const responses: ItemResponse[] = gets.map((get) => {
    const { item, capacity } = readOne(ctx.state, { ...get, Key: get.Key as Item }, 2);
    let meter = meters.get(get.TableName!);
    if (!meter) meters.set(get.TableName!, (meter = new CapacityMeter('read', get.TableName!)));
    meter.addTable(capacity);
    return item ? { Item: item } : {};
  });
  const mode = input.ReturnConsumedCapacity;
  return {
    Responses: responses,
    ConsumedCapacity: mode && mode !== 'NONE' ? [...meters.values()].map((m) => m.report(mode)).filter((c): c is ConsumedCapacity => !!c) : undefined,
  };
}
