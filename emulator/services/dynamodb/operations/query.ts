import type { AttributeValue, QueryCommandInput, QueryCommandOutput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import {
  compareValues,
  keyConditionFromLegacy,
  parseKeyCondition,
  normalizeValue,
  typeOf,
  type KeyCondition,
} from '../expressions/index.ts';
import { invalidParameter, validation } from '../errors.ts';
import { checkNotEmptyKey, validItem } from '../keys.ts';
import { checkSelect, checkStartKey, readPage, resolveSource, type ReadSource } from '../read-pipeline.ts';
import { checkNoMixing, expressionContext, filterCondition, projectionPaths } from '../request.ts';
import type { DynamoState } from '../state.ts';
import type { Entry } from '../store.ts';
import { encodeKeyValue, type Item } from '../values.ts';

export function query(input: QueryCommandInput, ctx: RequestContext<DynamoState>): Omit<QueryCommandOutput, '$metadata'> {
  checkNoMixing(
    input,
    ['AttributesToGet', 'KeyConditions', 'QueryFilter', 'ConditionalOperator'],
    ['ProjectionExpression', 'KeyConditionExpression', 'FilterExpression'],
  );
  const table = ctx.state.table(input.TableName!);
  const source = resolveSource(table, input);
  const schema = source.index?.schema ?? table.schema;
  if (input.KeyConditionExpression === undefined && !input.KeyConditions) {
    throw validation('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
  }
  const exprs = expressionContext(input);
  const keyCondition =
    input.KeyConditionExpression !== undefined
      ? parseKeyCondition(input.KeyConditionExpression, exprs, schema)
      : keyConditionFromLegacy(input.KeyConditions!, schema);
  const filter = filterCondition(input, input.QueryFilter, exprs);
  const paths = projectionPaths(input, exprs);
  exprs.assertAllUsed();
  checkSelect(source, input, paths);
  const condition = typedCondition(source, keyCondition);
  let start: Item | undefined;
  if (input.ExclusiveStartKey) {
    start = validItem(input.ExclusiveStartKey, 'exclusiveStartKey');
    checkStartKey(source, start);
  }
  const entries = queryEntries(source, condition, input.ScanIndexForward !== false, start);
  return readPage(source, entries, input, filter, paths);
}

/** Key condition values must have the key attributes' types; numbers are normalized like stored ones. */
function typedCondition(source: ReadSource, condition: KeyCondition): KeyCondition {
  const typeOfKey = (name: string) => source.table.attributeType(name);
  const check = (name: string, value: AttributeValue) => {
    if (typeOf(value) !== typeOfKey(name)) throw invalidParameter('Condition parameter type does not match schema type');
  };
  check(condition.partitionKey.name, condition.partitionKey.value);
  checkNotEmptyKey(condition.partitionKey.name, condition.partitionKey.value);
  const sortKey = condition.sortKey;
  if (sortKey) {
    for (const value of sortKey.values) check(sortKey.name, value);
    if (sortKey.op === 'BEGINS_WITH' && typeOfKey(sortKey.name) === 'N') throw validation('Query key condition not supported');
  }
  return {
    partitionKey: { name: condition.partitionKey.name, value: normalizeValue(condition.partitionKey.value) },
    sortKey: sortKey && { ...sortKey, values: sortKey.values.map(normalizeValue) },
  };
}

/** Entries of the queried partition matching the sort-key condition, in the requested direction, after the start key. */
function* queryEntries(source: ReadSource, condition: KeyCondition, forward: boolean, start: Item | undefined): Generator<Entry> {
  const store = source.index?.store ?? source.table.items;
  const entries = store.partition(encodeKeyValue(condition.partitionKey.value));
  let [low, high] = sortRange(entries, condition.sortKey);
  if (start) {
    const sortKey = (source.index?.schema ?? source.table.schema).sortKey;
    const sort = sortKey ? start[sortKey] : undefined;
    const tie = source.index ? source.table.tieOf(start) : '';
    if (forward) low = Math.max(low, store.lowerBound(entries, sort, tie, false));
    else high = Math.min(high, store.lowerBound(entries, sort, tie, true));
  }
  const prefix = condition.sortKey?.op === 'BEGINS_WITH' ? condition.sortKey.values[0] : undefined;
  if (forward) {
    for (let i = low; i < high; i++) if (!prefix || startsWith(entries[i].sort!, prefix)) yield entries[i];
  } else {
    for (let i = high - 1; i >= low; i--) if (!prefix || startsWith(entries[i].sort!, prefix)) yield entries[i];
  }
}

/** [low, high) positions of the entries whose sort key can satisfy the condition (found by binary search). */
function sortRange(entries: readonly Entry[], sortKey: KeyCondition['sortKey']): [number, number] {
  if (!sortKey) return [0, entries.length];
  const [a, b] = sortKey.values;
  const first = (pred: (c: number) => boolean, value: AttributeValue) => {
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (pred(compareValues(entries[mid].sort!, value))) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  const atLeast = (v: AttributeValue) => first((c) => c >= 0, v);
  const above = (v: AttributeValue) => first((c) => c > 0, v);
  switch (sortKey.op) {
    case '=':
      return [atLeast(a), above(a)];
    case '<':
      return [0, atLeast(a)];
    case '<=':
      return [0, above(a)];
    case '>':
      return [above(a), entries.length];
    case '>=':
      return [atLeast(a), entries.length];
    case 'BETWEEN':
      return [atLeast(a), above(b)];
    case 'BEGINS_WITH':
      return [atLeast(a), entries.length];
  }
}

function startsWith(value: AttributeValue, prefix: AttributeValue): boolean {
  if (value.S !== undefined && prefix.S !== undefined) return value.S.startsWith(prefix.S);
  if (value.B !== undefined && prefix.B !== undefined) {
    const v = Buffer.from(value.B);
    const p = Buffer.from(prefix.B);
    return v.length >= p.length && v.subarray(0, p.length).equals(p);
  }
  return false;
}
