import type { UpdateItemCommandInput, UpdateItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { project, type Path } from '../expressions/index.ts';
import type { DynamoState } from '../state.ts';
import type { Item } from '../values.ts';
import { execute, prepareUpdate, writeReport } from '../writes.ts';

export function updateItem(input: UpdateItemCommandInput, ctx: RequestContext<DynamoState>): Omit<UpdateItemCommandOutput, '$metadata'> {
  const write = prepareUpdate(ctx.state, input as UpdateItemCommandInput & { Key: Item });
  const done = execute(write);
  return { Attributes: returnedAttributes(input.ReturnValues, done.old, done.item, done.updatedPaths ?? []), ...writeReport(write, done, input) };
}

/** UPDATED_* return only the attributes (or nested paths) the update touched; empty results are left out. */
function returnedAttributes(mode: string | undefined, old: Item | undefined, item: Item | undefined, paths: Path[]): Item | undefined {
  let out: Item | undefined;
  if (mode === 'ALL_OLD') out = old;
  else if (mode === 'ALL_NEW') out = item;
  else if (mode === 'UPDATED_OLD') out = old && project(old, paths);
  else if (mode === 'UPDATED_NEW') out = item && project(item, paths);
  return out && Object.keys(out).length ? out : undefined;
}
