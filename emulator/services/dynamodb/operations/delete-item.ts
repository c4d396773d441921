import type { DeleteItemCommandInput, DeleteItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { checkReturnValues } from '../request.ts';
import type { DynamoState } from '../state.ts';
import type { Item } from '../values.ts';
import { execute, prepareDelete, writeReport } from '../writes.ts';

export function deleteItem(input: DeleteItemCommandInput, ctx: RequestContext<DynamoState>): Omit<DeleteItemCommandOutput, '$metadata'> {
  checkReturnValues(input.ReturnValues, ['NONE', 'ALL_OLD']);
  const write = prepareDelete(ctx.state, input as DeleteItemCommandInput & { Key: Item });
  const done = execute(write);
  return { Attributes: input.ReturnValues === 'ALL_OLD' ? done.old : undefined, ...writeReport(write, done, input) };
}
