import type { ConsumedCapacity, ItemResponse, TransactGetItemsCommandInput, TransactGetItemsCommandOutput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { CapacityMeter } from '../capacity.ts';
import { validKey } from '../keys.ts';
import { stateForTable } from '../account-walls.ts';
import type { DynamoState } from '../state.ts';
import type { Item } from '../values.ts';
import { readOne } from './get-item.ts';
import { checkDistinctItems } from './transact-write-items.ts';

export function transactGetItems(input: TransactGetItemsCommandInput, ctx: RequestContext<DynamoState>): Omit<TransactGetItemsCommandOutput, '$metadata'> {
  const gets = (input.TransactItems ?? []).map((entry) => entry.Get!);
  // A table ARN names its account: each table's wall is passed before anything is read.
  const states = gets.map((get) => stateForTable(get.TableName!, 'dynamodb:GetItem', true, ctx));
  checkDistinctItems(
    gets.map((get, i) => {
      const table = states[i].table(get.TableName!);
      return { table, key: validKey(table, get.Key as Item) };
    }),
  );
  const meters = new Map<string, CapacityMeter>();
  const responses: ItemResponse[] = gets.map((get, i) => {
    const { item, capacity } = readOne(states[i], { ...get, Key: get.Key as Item }, 2);
    let meter = meters.get(get.TableName!);
    if (!meter) meters.set(get.TableName!, (meter = new CapacityMeter('read', get.TableName!, states[i])));
    meter.addTable(capacity);
    return item ? { Item: item } : {};
  });
  const mode = input.ReturnConsumedCapacity;
  return {
    Responses: responses,
    ConsumedCapacity: mode && mode !== 'NONE' ? [...meters.values()].map((m) => m.report(mode)).filter((c): c is ConsumedCapacity => !!c) : undefined,
  };
}
