import type {
  DeleteTableCommandInput,
  DeleteTableCommandOutput,
  DescribeTableCommandInput,
  DescribeTableCommandOutput,
  ListTablesCommandInput,
  ListTablesCommandOutput,
} from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { describeDeletedTable, describeTable } from '../describe.ts';
import { validation } from '../errors.ts';
import type { DynamoState } from '../state.ts';
import { deleteReplica } from './replica-updates.ts';

type Ctx = RequestContext<DynamoState>;

export function describeTableOperation(input: DescribeTableCommandInput, ctx: Ctx): Omit<DescribeTableCommandOutput, '$metadata'> {
  return { Table: describeTable(ctx.state.namedTable(input.TableName!)) };
}

/** Tables disappear at once: DescribeTable right after DeleteTable answers ResourceNotFoundException, as AWS soon does. */
export function deleteTable(input: DeleteTableCommandInput, ctx: Ctx): Omit<DeleteTableCommandOutput, '$metadata'> {
  const table = ctx.state.namedTable(input.TableName!);
  if (table.deletionProtection) {
    throw validation('Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.');
  }
  const description = describeDeletedTable(table);
  const group = table.replication;
  // Deleting one replica of a version 2019.11.21 global table only removes that region from it.
  if (group?.version === '2019.11.21') deleteReplica(table, ctx.region);
  else {
    group?.remove(ctx.region);
    ctx.state.tables.delete(table.name);
    ctx.state.streams.tableDeleted(table);
  }
  return { TableDescription: description };
}

export function listTables(input: ListTablesCommandInput, ctx: Ctx): Omit<ListTablesCommandOutput, '$metadata'> {
  const limit = input.Limit ?? 100;
  const start = input.ExclusiveStartTableName;
  const names = [...ctx.state.tables.keys()].sort().filter((n) => start === undefined || n > start);
  const page = names.slice(0, limit);
  return { TableNames: page, LastEvaluatedTableName: names.length > limit ? page[page.length - 1] : undefined };
}
