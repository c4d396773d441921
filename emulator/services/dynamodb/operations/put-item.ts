import type { PutItemCommandInput, PutItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { checkReturnValues } from '../request.ts';
import type { DynamoState } from '../state.ts';
import type { Item } from '../values.ts';
import { execute, preparePut, writeReport } from '../writes.ts';

export function putItem(input: PutItemCommandInput, ctx: RequestContext<DynamoState>): Omit<PutItemCommandOutput, '$metadata'> {
  checkReturnValues(input.ReturnValues, ['NONE', 'ALL_OLD']);
  const write = preparePut(ctx.state, input as PutItemCommandInput & { Item: Item });
  const done = execute(write);
  return { Attributes: input.ReturnValues === 'ALL_OLD' ? done.old : undefined, ...writeReport(write, done, input) };
}
