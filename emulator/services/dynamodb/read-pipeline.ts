import type { AttributeValue, ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { CapacityMeter, readUnits } from './capacity.ts';
import { evaluateCondition, project, typeOf, type Condition, type Path } from './expressions/index.ts';
import { invalidParameter, validation } from './errors.ts';
import type { DynamoState } from './state.ts';
import type { Entry } from './store.ts';
import { keyNames, type SecondaryIndex, type Table } from './table.ts';
import type { Item } from './values.ts';

/** Query and Scan read at most 1 MB of items per page. */
const PAGE_BYTES = 1024 * 1024;

export interface ReadRequest {
  TableName?: string;
  IndexName?: string;
  Select?: string;
  Limit?: number;
  ConsistentRead?: boolean;
  ExclusiveStartKey?: Record<string, AttributeValue>;
  ReturnConsumedCapacity?: string;
  ProjectionExpression?: string;
  AttributesToGet?: string[];
}

export interface ReadSource {
  table: Table;
  index?: SecondaryIndex;
}

export function resolveSource(table: Table, input: ReadRequest, operation: 'Query' | 'Scan' | 'ExecuteStatement'): ReadSource {
  if (input.IndexName === undefined) return { table };
  const index = table.indexes.get(input.IndexName);
  if (!index && table.vectorIndexes.has(input.IndexName)) throw validation(`${operation} operation not supported on this index type.`);
  if (!index) throw validation(`The table does not have the specified index: ${input.IndexName}`);
  if (index.global && input.ConsistentRead) throw validation('Consistent reads are not supported on global secondary indexes');
  return { table, index };
}

/** Select and projection rules shared by Query and Scan. */
export function checkSelect(source: ReadSource, input: ReadRequest, paths: Path[] | undefined) {
  const select = input.Select;
  if (paths && select && select !== 'SPECIFIC_ATTRIBUTES') {
    const parameter = input.ProjectionExpression !== undefined ? 'ProjectionExpression' : 'AttributesToGet';
    throw validation(`Cannot specify the ${parameter} when choosing to get ${select}`);
  }
  if (select === 'SPECIFIC_ATTRIBUTES' && !paths) {
    throw validation('Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES');
  }
  if (select === 'ALL_PROJECTED_ATTRIBUTES' && !source.index) {
    throw validation('ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName');
  }
  const index = source.index;
  if (select === 'ALL_ATTRIBUTES' && index?.global && index.projection.ProjectionType !== 'ALL') {
    throw invalidParameter(
      `Select type ALL_ATTRIBUTES is not supported for global secondary index ${index.name} because its projection type is not ALL`,
    );
  }
}

/** The key attributes a page ends on: the table's key plus the index's key when reading an index. */
export function lastKeyOf(source: ReadSource, item: Item): Item {
  const key = source.table.keyOf(item);
  if (source.index) for (const name of keyNames(source.index.schema)) key[name] = item[name];
  return key;
}

/** ExclusiveStartKey must hold exactly the key attributes of the table (and index) with their defined types. */
export function checkStartKey(source: ReadSource, start: Item) {
  const expected = new Set(Object.keys(lastKeyOf(source, Object.fromEntries(allKeyNames(source).map((n) => [n, { S: '' }])))));
  const names = Object.keys(start);
  const valid =
    names.length === expected.size && names.every((n) => expected.has(n) && typeOf(start[n]) === source.table.attributeType(n));
  if (!valid) throw validation('The provided starting key is invalid: The provided key element does not match the schema');
}

function allKeyNames(source: ReadSource): string[] {
  return [...keyNames(source.table.schema), ...(source.index ? keyNames(source.index.schema) : [])];
}

export interface Page {
  Items?: Item[];
  Count: number;
  ScannedCount: number;
  LastEvaluatedKey?: Item;
  ConsumedCapacity?: ConsumedCapacity;
}

/**
 * Reads entries in order until Limit items were evaluated or 1 MB was read, then filters, projects and counts.
 * Limit counts items before the filter, as DynamoDB does.
 */
export function readPage(
  state: DynamoState,
  source: ReadSource,
  entries: Iterable<Entry>,
  input: ReadRequest,
  filter: Condition | undefined,
  paths: Path[] | undefined,
): Page {
  const { table, index } = source;
  const limit = input.Limit;
  const countOnly = input.Select === 'COUNT';
  // LSIs fetch attributes they do not project from the table; GSIs cannot.
  const projected = index && table.projectedNames(index);
  const fetchFromTable =
    !!index && !index.global && !!projected && (input.Select === 'ALL_ATTRIBUTES' || (paths ?? []).some((p) => !projected.has(String(p[0]))));
  const items: Item[] = [];
  let scanned = 0;
  let matched = 0;
  let bytes = 0;
  let last: Item | undefined;
  let stopped = false;
  for (const entry of entries) {
    if (limit !== undefined && scanned >= limit) {
      stopped = true;
      break;
    }
    if (bytes >= PAGE_BYTES) {
      stopped = true;
      break;
    }
    let { item, size } = entry;
    const fetched = fetchFromTable ? table.entry(table.keyOf(item)) : undefined;
    if (fetched) ({ item, size } = fetched);
    scanned++;
    bytes += size;
    last = entry.item;
    if (filter && !evaluateCondition(filter, item)) continue;
    matched++;
    if (!countOnly) items.push(paths ? project(item, paths) : item);
  }
  // Reaching Limit ends the page with a LastEvaluatedKey even when nothing follows, as in DynamoDB.
  if (!stopped && limit !== undefined && scanned >= limit) stopped = true;
  const meter = new CapacityMeter('read', input.TableName!, state);
  const units = readUnits(bytes, input.ConsistentRead === true);
  if (index) meter.addIndex(table, index.name, units);
  else meter.addTable(units);
  return {
    Items: countOnly ? undefined : items,
    Count: matched,
    ScannedCount: scanned,
    LastEvaluatedKey: stopped && last ? lastKeyOf(source, last) : undefined,
    ConsumedCapacity: meter.report(input.ReturnConsumedCapacity),
  };
}
