import type { PutItemCommandInput, PutItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { CapacityMeter } from '../capacity.ts';
import { checkReturnValues, itemCollectionMetrics } from '../request.ts';
import type { DynamoState } from '../state.ts';
import type { Item } from '../values.ts';
import { execute, preparePut } from '../writes.ts';

export function putItem(input: PutItemCommandInput, ctx: RequestContext<DynamoState>): Omit<PutItemCommandOutput, '$metadata'> {
  checkReturnValues(input.ReturnValues, ['NONE', 'ALL_OLD']);
  const write = preparePut(ctx.state, input as PutItemCommandInput & { Item: Item });
  const { old, item } = execute(write);
  const meter = new CapacityMeter('write', write.tableName);
  meter.addWrite(write.table, old, item);
  return {
    Attributes: input.ReturnValues === 'ALL_OLD' ? old : undefined,
    ConsumedCapacity: meter.report(input.ReturnConsumedCapacity),
    ItemCollectionMetrics: itemCollectionMetrics(write.table, write.key, input.ReturnItemCollectionMetrics),
  };
}
