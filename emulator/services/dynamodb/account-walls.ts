import { mayAccess, notAuthorized } from '../../core/access.ts';
import { parseArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/service.ts';
import { validation } from './errors.ts';
import type { DynamoState } from './state.ts';

/**
 * The operations DynamoDB lets another account call on a table its resource policy shares (DynamoDB Developer
 * Guide, "DynamoDB API operations supported by resource-based policies"); any other operation on another account's
 * table is denied. The multi-table operations ask `stateForTable` per table (PartiQL never crosses accounts).
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
  // A plain name is the caller's own table: no action string or lookup for it.
  if (typeof named !== 'string' || !named.startsWith('arn:')) return ctx;
  const state = stateForTable(named, `dynamodb:${ctx.operation}`, CROSS_ACCOUNT.has(ctx.operation), ctx);
  return state === ctx.state ? ctx : { ...ctx, accountId: state.accountId, state };
}

/**
 * The state holding the table (or its stream) that `named` names, a name or an ARN, once the account wall lets the
 * caller perform `action` on it: its resource policy must allow another account, and only operations DynamoDB
 * shares across accounts (`shareable`) may cross at all. Multi-table operations ask per table, before any change.
 */
export function stateForTable(named: string, action: string, shareable: boolean, ctx: RequestContext<DynamoState>): DynamoState {
  const arn = named.startsWith('arn:') ? parseArn(named) : undefined;
  if (!arn || arn.service !== 'dynamodb' || !/^\d{12}$/.test(arn.accountId)) return ctx.state;
  if (arn.region !== ctx.region) throw validation(`1 validation error detected: Invalid AWS region in '${named}'`);
  if (arn.accountId === ctx.accountId && arn.accountId === ctx.caller.accountId) return ctx.state;
  const state = ctx.emulator.state<DynamoState>('dynamodb', arn.accountId, arn.region);
  const tableName = /^table\/([^/]+)/.exec(arn.resource)?.[1];
  const table = tableName === undefined ? undefined : state.tables.get(tableName);
  const stream = /\/stream\//.test(arn.resource) ? state.streams.streams.get(named) : undefined;
  const resourceArn = stream ? stream.arn : state.tableArn(tableName ?? arn.resource);
  const policy = stream ? stream.resourcePolicy?.policy : table?.resourcePolicy?.policy;
  const foreign = ctx.caller.accountId !== arn.accountId && ctx.emulator.crossAccount !== 'open';
  if ((foreign && !shareable) || !mayAccess(ctx, action, resourceArn, arn.accountId, policy)) {
    throw new AwsError('AccessDeniedException', notAuthorized(ctx.caller, action, resourceArn), { status: 400 });
  }
  return state;
}
