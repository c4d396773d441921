import type {
  BatchExecuteStatementCommandInput,
  BatchStatementResponse,
  CancellationReason,
  ExecuteStatementCommandInput,
  ExecuteTransactionCommandInput,
} from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { evaluateCondition, ExpressionContext, parseCondition, project, type Condition } from '../expressions/index.ts';
import { keyMismatch, validation } from '../errors.ts';
import { checkItemKeys, checkItemSize, validItem, validKey } from '../keys.ts';
import { parseStatement, type PartiqlStatement } from '../partiql/index.ts';
import { readPage, resolveSource } from '../read-pipeline.ts';
import { conditionFailed } from '../request.ts';
import { stateForTable } from '../account-walls.ts';
import type { DynamoState } from '../state.ts';
import type { Entry } from '../store.ts';
import { isMultiAttribute, storePartition, storeSort } from '../table.ts';
import { encodeKeyValue, type Item } from '../values.ts';
import { applyPlan, type PreparedWrite } from '../writes.ts';
import { transactionCanceled } from './transact-write-items.ts';

type Ctx = RequestContext<DynamoState>;
type Select = Extract<PartiqlStatement, { kind: 'select' }>;

/** A PartiQL write: a prepared write whose failed condition is reported as AWS reports it for its statement kind. */
interface StatementWrite extends PreparedWrite {
  failure: 'DuplicateItem' | 'ConditionalCheckFailed';
}

const duplicateItem = () => new AwsError('DuplicateItemException', 'Duplicate primary key exists in table');

function prepareWrite(state: DynamoState, statement: Exclude<PartiqlStatement, Select>, returnOld?: string): StatementWrite {
  const table = state.table(statement.table);
  const base = { table, tableName: statement.table, state, returnOnConditionFailure: returnOld };
  if (statement.kind === 'insert') {
    const item = validItem(statement.item);
    checkItemKeys(table, item);
    checkItemSize(item);
    return { ...base, kind: 'Put', key: table.keyOf(item), condition: absent(table.schema.partitionKey), failure: 'DuplicateItem', apply: () => ({ item }) };
  }
  let key: Item;
  try {
    key = validKey(table, statement.key);
  } catch (error) {
    if (error instanceof AwsError && error.message === keyMismatch().message) {
      throw validation('Where clause does not contain a mandatory equality on all key attributes');
    }
    throw error;
  }
  if (statement.kind === 'update') {
    return { ...base, kind: 'Update', key, condition: statement.where, failure: 'ConditionalCheckFailed', apply: (old) => applyPlan(table, key, statement.plan, old) };
  }
  return { ...base, kind: 'Delete', key, condition: statement.where, failure: 'ConditionalCheckFailed', apply: () => ({ item: undefined }) };
}

/** INSERT writes only new items: its condition is that the key does not exist yet. */
function absent(partitionKey: string): Condition {
  return parseCondition('attribute_not_exists(#k)', new ExpressionContext({ names: { '#k': partitionKey } }), 'ConditionExpression');
}

function failure(write: StatementWrite, old: Item | undefined): AwsError {
  return write.failure === 'DuplicateItem' ? duplicateItem() : conditionFailed(old, write.returnOnConditionFailure);
}

function runWrite(write: StatementWrite) {
  const old = write.table.get(write.key);
  if (write.condition && !evaluateCondition(write.condition, old)) throw failure(write, old);
  write.table.write(write.key, write.apply(old).item);
}

/** NextToken carries the LastEvaluatedKey (binary values base64-encoded). */
function encodeToken(key: Item): string {
  return Buffer.from(JSON.stringify(key, (_k, v) => (v && v.type === 'Buffer' ? { $b: Buffer.from(v.data).toString('base64') } : v))).toString('base64');
}

function decodeToken(token: string): Item {
  try {
    return JSON.parse(Buffer.from(token, 'base64').toString('utf8'), (_k, v) => (v && typeof v.$b === 'string' ? Buffer.from(v.$b, 'base64') : v));
  } catch {
    throw validation('Invalid NextToken');
  }
}

function runSelect(state: DynamoState, statement: Select, input: { Limit?: number; ConsistentRead?: boolean; NextToken?: string; ReturnConsumedCapacity?: string }) {
  const table = state.table(statement.table);
  // Query names the missing index; PartiQL does not (pinned against AWS by nubo-db/dynamodb-conformance).
  if (statement.index !== undefined && !table.indexes.has(statement.index)) throw validation('The table does not have the specified index');
  const source = resolveSource(table, { IndexName: statement.index, ConsistentRead: input.ConsistentRead }, 'ExecuteStatement');
  const schema = source.index?.schema ?? table.schema;
  const store = source.index?.store ?? table.items;
  const start = input.NextToken ? decodeToken(input.NextToken) : undefined;
  const partitionValue = statement.keyEqualities[schema.partitionKey];
  let entries: Iterable<Entry>;
  const tie = (key: Item) => (source.index ? table.tieOf(key) : '');
  // (A multi-attribute index key is read by scanning the index: WHERE still selects the items.)
  if (!isMultiAttribute(schema) && partitionValue && partitionValue[table.attributeType(schema.partitionKey) as keyof typeof partitionValue] !== undefined) {
    // WHERE names the partition: read that partition only, in sort-key order, as a Query would.
    const partition = store.partition(encodeKeyValue(validItem({ v: partitionValue }).v));
    const from = start ? store.lowerBound(partition, schema.sortKey ? start[schema.sortKey] : undefined, tie(start), false) : 0;
    entries = partition.slice(from);
  } else {
    const after = start && { partitionKey: storePartition(schema, start), sort: storeSort(schema, start), tie: tie(start) };
    entries = store.scan(after);
  }
  const page = readPage(state, source, entries, { TableName: statement.table, Limit: input.Limit, ConsistentRead: input.ConsistentRead, ReturnConsumedCapacity: input.ReturnConsumedCapacity }, statement.where, statement.projection);
  return { Items: page.Items, NextToken: page.LastEvaluatedKey && encodeToken(page.LastEvaluatedKey), ConsumedCapacity: page.ConsumedCapacity, LastEvaluatedKey: page.LastEvaluatedKey };
}

/** A SELECT of one item by its full key (batches and transactions), with its WHERE and its projection. */
function selectOne(state: DynamoState, select: Select): Item | undefined {
  const table = state.table(select.table);
  const item = table.get(validKey(table, select.keyEqualities));
  if (!item || (select.where && !evaluateCondition(select.where, item))) return undefined;
  return select.projection ? project(item, select.projection) : item;
}

/**
 * The state of the table a statement names: a table ARN of another account is refused whatever its policy says, as
 * PartiQL operations never cross accounts (resource policies still apply to them).
 */
function stateOf(statement: PartiqlStatement, ctx: Ctx): DynamoState {
  const action = `dynamodb:PartiQL${statement.kind.charAt(0).toUpperCase()}${statement.kind.slice(1)}`;
  return stateForTable(statement.table, action, false, ctx);
}

export function executeStatement(input: ExecuteStatementCommandInput, ctx: Ctx) {
  const statement = parseStatement(input.Statement!, input.Parameters);
  if (statement.kind === 'select') return runSelect(stateOf(statement, ctx), statement, input);
  runWrite(prepareWrite(stateOf(statement, ctx), statement, input.ReturnValuesOnConditionCheckFailure));
  return { Items: [] };
}

const ERROR_CODES: Record<string, string> = {
  ConditionalCheckFailedException: 'ConditionalCheckFailed',
  DuplicateItemException: 'DuplicateItem',
  ValidationException: 'ValidationError',
  ResourceNotFoundException: 'ResourceNotFound',
};

/** Each statement succeeds or fails on its own; failures are reported per statement, not thrown. */
export function batchExecuteStatement(input: BatchExecuteStatementCommandInput, ctx: Ctx) {
  const responses: BatchStatementResponse[] = (input.Statements ?? []).map((request) => {
    let tableName: string | undefined;
    try {
      const statement = parseStatement(request.Statement!, request.Parameters);
      tableName = statement.table;
      if (statement.kind === 'select') return { TableName: statement.table, Item: selectOne(stateOf(statement, ctx), statement) };
      runWrite(prepareWrite(stateOf(statement, ctx), statement, request.ReturnValuesOnConditionCheckFailure));
      return { TableName: statement.table };
    } catch (error) {
      if (!(error instanceof AwsError) || !ERROR_CODES[error.code]) throw error;
      const item = (error.fields as { Item?: Item } | undefined)?.Item;
      return { TableName: tableName, Error: { Code: ERROR_CODES[error.code] as 'ValidationError', Message: error.message, Item: item } };
    }
  });
  return { Responses: responses };
}

/** All statements or none: writes are checked first and applied together, like TransactWriteItems. */
export function executeTransaction(input: ExecuteTransactionCommandInput, ctx: Ctx) {
  const statements = (input.TransactStatements ?? []).map((s) => ({ request: s, statement: parseStatement(s.Statement!, s.Parameters) }));
  const reads = statements.filter((s) => s.statement.kind === 'select');
  if (reads.length && reads.length !== statements.length) throw validation('Transactions must contain only reads or only writes');
  if (reads.length) {
    return {
      Responses: reads.map(({ statement }) => {
        const item = selectOne(stateOf(statement, ctx), statement as Select);
        return item ? { Item: item } : {};
      }),
    };
  }
  const writes = statements.map(({ request, statement }) =>
    prepareWrite(stateOf(statement, ctx), statement as Exclude<PartiqlStatement, Select>, request.ReturnValuesOnConditionCheckFailure),
  );
  const seen = new Set<string>();
  for (const write of writes) {
    const id = `${write.table.name}\u0000${write.table.tieOf(write.key)}`;
    if (seen.has(id)) throw validation('Transaction request cannot include multiple operations on one item');
    seen.add(id);
  }
  const olds = writes.map((w) => w.table.get(w.key));
  const reasons: CancellationReason[] = writes.map((write, i) => {
    if (!write.condition || evaluateCondition(write.condition, olds[i])) return { Code: 'None' };
    const error = failure(write, olds[i]);
    return { Code: write.failure, Message: error.message, Item: (error.fields as { Item?: Item } | undefined)?.Item };
  });
  if (reasons.some((r) => r.Code !== 'None')) throw transactionCanceled(reasons);
  const items = writes.map((write, i) => write.apply(olds[i]).item);
  writes.forEach((write, i) => write.table.write(write.key, items[i]));
  return { Responses: [] };
}
