import type { AttributeValue, QueryCommandInput, QueryCommandOutput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import {
  compareValues,
  keyConditionFromLegacy,
  parseKeyCondition,
  parseMultiKeyCondition,
  normalizeValue,
  typeOf,
  type KeyCondition,
  type MultiKeyCondition,
} from '../expressions/index.ts';
import { isMultiAttribute, storePartition } from '../table.ts';
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
  const source = resolveSource(table, input, 'Query');
  const schema = source.index?.schema ?? table.schema;
  if (input.KeyConditionExpression === undefined && !input.KeyConditions) {
    throw validation('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
  }
  const exprs = expressionContext(input);
  const multi = isMultiAttribute(schema);
  // Multi-attribute index keys are queried with expressions only (the legacy KeyConditions name one sort key).
  if (multi && input.KeyConditionExpression === undefined) throw validation('Query key condition not supported');
  const keyCondition = multi
    ? parseMultiKeyCondition(input.KeyConditionExpression!, exprs, schema)
    : input.KeyConditionExpression !== undefined
      ? parseKeyCondition(input.KeyConditionExpression, exprs, schema)
      : keyConditionFromLegacy(input.KeyConditions!, schema);
  const filter = filterCondition(input, input.QueryFilter, exprs);
  const paths = projectionPaths(input, exprs);
  exprs.assertAllUsed();
  checkSelect(source, input, paths);
  let start: Item | undefined;
  if (input.ExclusiveStartKey) {
    start = validItem(input.ExclusiveStartKey);
    checkStartKey(source, start);
  }
  const forward = input.ScanIndexForward !== false;
  const entries =
    'partition' in keyCondition
      ? multiAttributeEntries(source, typedMultiCondition(source, keyCondition), forward, start)
      : queryEntries(source, typedCondition(source, keyCondition), forward, start);
  return readPage(ctx.state, source, entries, input, filter, paths);
}

function typedMultiCondition(source: ReadSource, condition: MultiKeyCondition): MultiKeyCondition {
  const typed = (name: string, value: AttributeValue) => {
    if (typeOf(value) !== source.table.attributeType(name)) throw invalidParameter('Condition parameter type does not match schema type');
    return normalizeValue(value);
  };
  for (const { name, value } of condition.partition) checkNotEmptyKey(name, value);
  for (const term of condition.sort) {
    if (term.op === 'BEGINS_WITH' && source.table.attributeType(term.name) === 'N') throw validation('Query key condition not supported');
  }
  return {
    partition: condition.partition.map(({ name, value }) => ({ name, value: typed(name, value) })),
    sort: condition.sort.map((term) => ({ ...term, values: term.values.map((v) => typed(term.name, v)) })),
  };
}

/**
 * Entries of a multi-attribute index partition whose sort attributes meet the conditions, in sort order (the sort
 * attributes compared left to right), after the start key.
 */
function* multiAttributeEntries(source: ReadSource, condition: MultiKeyCondition, forward: boolean, start: Item | undefined): Generator<Entry> {
  const index = source.index!;
  const partitionItem: Item = Object.fromEntries(condition.partition.map(({ name, value }) => [name, value]));
  const entries = index.store.partition(storePartition(index.schema, partitionItem));
  const startTie = start && source.table.tieOf(start);
  let started = startTie === undefined;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[forward ? i : entries.length - 1 - i];
    if (!started) {
      started = entry.tie === startTie;
      continue;
    }
    if (condition.sort.every((term) => sortTermHolds(entry.item[term.name], term))) yield entry;
  }
}

function sortTermHolds(value: AttributeValue, term: MultiKeyCondition['sort'][number]): boolean {
  const [a, b] = term.values;
  const c = compareValues(value, a);
  switch (term.op) {
    case '=':
      return c === 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case 'BETWEEN':
      return c >= 0 && compareValues(value, b) <= 0;
    case 'BEGINS_WITH':
      return startsWith(value, a);
  }
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
