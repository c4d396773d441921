import type { DeleteItemCommandInput, DeleteItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { CapacityMeter } from '../capacity.ts';
import { checkReturnValues, itemCollectionMetrics } from '../request.ts';
import type { DynamoState } from '../state.ts';
import type { Item } from '../values.ts';
import { execute, prepareDelete } from '../writes.ts';

export function deleteItem(input: DeleteItemCommandInput, ctx: RequestContext<DynamoState>): Omit<DeleteItemCommandOutput, '$metadata'> {
  checkReturnValues(input.ReturnValues, ['NONE', 'ALL_OLD']);
  const write = prepareDelete(ctx.state, input as DeleteItemCommandInput & { Key: Item });
  const { old } = execute(write);
  const meter = new CapacityMeter('write', write.tableName);
  meter.addWrite(write.table, old, undefined);
  return {
    Attributes: input.ReturnValues === 'ALL_OLD' ? old : undefined,
    ConsumedCapacity: meter.report(input.ReturnConsumedCapacity),
    ItemCollectionMetrics: itemCollectionMetrics(write.table, write.key, input.ReturnItemCollectionMetrics),
  };
}
