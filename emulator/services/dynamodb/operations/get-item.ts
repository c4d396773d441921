import type { GetItemCommandInput, GetItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { CapacityMeter, readUnits } from '../capacity.ts';
import { project } from '../expressions/index.ts';
import { validKey } from '../keys.ts';
import { checkNoMixing, expressionContext, projectionPaths } from '../request.ts';
import type { DynamoState } from '../state.ts';
import type { Item } from '../values.ts';

export function getItem(input: GetItemCommandInput, ctx: RequestContext<DynamoState>): Omit<GetItemCommandOutput, '$metadata'> {
  const { item, capacity } = readOne(ctx.state, input as GetItemCommandInput & { Key: Item }, 1);
  const meter = new CapacityMeter('read', input.TableName!, ctx.state);
  meter.addTable(capacity);
  return { Item: item, ConsumedCapacity: meter.report(input.ReturnConsumedCapacity) };
}

type ReadRequest = { ProjectionExpression?: string; AttributesToGet?: string[]; ExpressionAttributeNames?: Record<string, string> };

/** A keyed read's projection, checked before any table is looked up (unused names are reported before a missing table). */
export function readProjection(input: ReadRequest) {
  checkNoMixing(input, ['AttributesToGet'], ['ProjectionExpression']);
  const exprs = expressionContext(input);
  const paths = projectionPaths(input, exprs);
  exprs.assertAllUsed();
  return paths;
}

/** One keyed read (GetItem, BatchGetItem, TransactGetItems): the projected item and the read units it cost. */
export function readOne(
  state: DynamoState,
  input: ReadRequest & { TableName?: string; Key: Item; ConsistentRead?: boolean },
  multiplier: number,
): { item: Item | undefined; capacity: number } {
  const paths = readProjection(input);
  const table = state.table(input.TableName!);
  const key = validKey(table, input.Key);
  const stored = table.entry(key);
  const capacity = readUnits(stored?.size ?? 0, multiplier > 1 || input.ConsistentRead === true) * multiplier;
  const item = stored?.item;
  return { item: item && paths ? project(item, paths) : item, capacity };
}
