import { mayAccess, notAuthorized } from '../../core/access.ts';
import { parseArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/service.ts';
import { validation } from './errors.ts';
import type { DynamoState } from './state.ts';

/**
 * The operations DynamoDB lets another account call on a table its resource policy shares (DynamoDB Developer
 * Guide, "Resource-based policy for cross-account access"); any other operation on another account's table is denied.
 */
const CROSS_ACCOUNT = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'DescribeTable',
  'UpdateTable',
  'DeleteTable',
  'ListTagsOfResource',
  'TagResource',
  'UntagResource',
]);

/**
 * A table ARN given as TableName or ResourceArn names its account and region: the request runs against that
 * account's state, once the account wall lets the caller in. Another region than the request's is refused as AWS
 * refuses it. Requests naming a table by name, or by an ARN of the caller's own account and region, are unchanged.
 */
export function contextForTable(input: { TableName?: unknown; ResourceArn?: unknown }, ctx: RequestContext<DynamoState>): RequestContext<DynamoState> {
  const named = typeof input.TableName === 'string' ? input.TableName : input.ResourceArn;
  const arn = typeof named === 'string' && named.startsWith('arn:') ? parseArn(named) : undefined;
  if (!arn || arn.service !== 'dynamodb' || !/^\d{12}$/.test(arn.accountId)) return ctx;
  if (arn.region !== ctx.region) throw validation(`1 validation error detected: Invalid AWS region in '${String(named)}'`);
  if (arn.accountId === ctx.accountId && arn.accountId === ctx.caller.accountId) return ctx;
  const state = ctx.emulator.state<DynamoState>('dynamodb', arn.accountId, arn.region);
  const tableName = /^table\/([^/]+)/.exec(arn.resource)?.[1];
  const table = tableName === undefined ? undefined : state.tables.get(tableName);
  const tableArn = state.tableArn(tableName ?? arn.resource);
  const action = `dynamodb:${ctx.operation}`;
  const foreign = ctx.caller.accountId !== arn.accountId && ctx.emulator.crossAccount !== 'open';
  if ((foreign && !CROSS_ACCOUNT.has(ctx.operation)) || !mayAccess(ctx, action, tableArn, arn.accountId, table?.resourcePolicy?.policy)) {
    throw new AwsError('AccessDeniedException', notAuthorized(ctx.caller, action, tableArn), { status: 400 });
  }
  return { ...ctx, accountId: arn.accountId, state };
}
