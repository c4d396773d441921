import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { itemSize, typeOf, validItem } from './expressions/index.ts';
import { valueSize } from './expressions/item-size.ts';
import { invalidParameter, keyMismatch, validation } from './errors.ts';
import { keyNames, type KeySchema, type SecondaryIndex, type Table } from './table.ts';
import type { Item } from './values.ts';
import { checkVectors } from './vector-indexes.ts';

const MAX_PARTITION_KEY_BYTES = 2048;
const MAX_SORT_KEY_BYTES = 1024;
export const MAX_ITEM_BYTES = 400 * 1024;


export { validItem };

/**
 * A `Key` parameter (GetItem, DeleteItem, UpdateItem, batch and transaction keys): exactly the table's key
 * attributes, with their defined types. Returns the key with numbers normalized.
 */
export function validKey(table: Table, key: Item): Item {
  const schema = table.schema;
  const { partitionKey, sortKey } = schema;
  // Counted and type-checked in one pass, without a list of the names.
  let names = 0;
  for (const name in key) {
    names += 1;
    if (typeOf(key[name]) !== table.attributeType(name)) throw keyMismatch();
  }
  if (names !== (sortKey ? 2 : 1) || key[partitionKey] === undefined || (sortKey && key[sortKey] === undefined)) throw keyMismatch();
  const normalized = validItem(key);
  checkKeyValues(schema, normalized);
  return normalized;
}

/**
 * The key attributes of an item to write must be present, typed as defined, non-empty and within size limits.
 * BatchWriteItem reports a missing or mistyped key as a schema mismatch where PutItem names the key.
 */
export function checkItemKeys(table: Table, item: Item, style: 'named' | 'schema' = 'named') {
  const schema = table.schema;
  checkItemKey(table, schema.partitionKey, item, style);
  if (schema.sortKey) checkItemKey(table, schema.sortKey, item, style);
  checkKeyValues(schema, item);
  for (const index of table.indexes.values()) checkIndexKeys(table, index, item);
  if (table.vectorIndexes.size) checkVectors(table, item);
}

function checkItemKey(table: Table, name: string, item: Item, style: 'named' | 'schema') {
  const value = item[name];
  if (value === undefined) throw style === 'schema' ? keyMismatch() : invalidParameter(`Missing the key ${name} in the item`);
  const actual = typeOf(value);
  const expected = table.attributeType(name);
  if (actual !== expected) {
    throw style === 'schema' ? keyMismatch() : invalidParameter(`Type mismatch for key ${name} expected: ${expected} actual: ${actual}`);
  }
}

/** GetItem, PutItem... and Query's partition key value: an empty string or binary is no key. */
export function checkNotEmptyKey(name: string, value: AttributeValue | undefined) {
  const empty = emptyKind(value);
  if (empty) {
    throw validation(`One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${empty} value. Key: ${name}`);
  }
}

function checkKeyValues(schema: KeySchema, item: Item) {
  checkNotEmptyKey(schema.partitionKey, item[schema.partitionKey]);
  if (schema.sortKey) checkNotEmptyKey(schema.sortKey, item[schema.sortKey]);
  checkKeySizes(schema, item);
}

/**
 * 2048 bytes of partition key and 1024 of sort key, for a table's keys and for every index's keys alike; a
 * multi-attribute key counts all its attributes together ("Aggregated size of all range keys").
 */
function checkKeySizes(schema: KeySchema, item: Item) {
  if (keySize(schema.partitionKeys, item) > MAX_PARTITION_KEY_BYTES) {
    throw invalidParameter(`Size of hashkey has exceeded the maximum size limit of${MAX_PARTITION_KEY_BYTES} bytes`);
  }
  if (keySize(schema.sortKeys, item) > MAX_SORT_KEY_BYTES) {
    throw invalidParameter(`Aggregated size of all range keys has exceeded the size limit of ${MAX_SORT_KEY_BYTES} bytes`);
  }
}

/** The size of an item's key attributes `names` (the values only, as DynamoDB counts key sizes). */
function keySize(names: string[], item: Item): number {
  let size = 0;
  for (const name of names) if (item[name] !== undefined) size += valueSize(item[name]);
  return size;
}

function checkIndexKeys(table: Table, index: SecondaryIndex, item: Item) {
  for (const name of keyNames(index.schema)) {
    const value = item[name];
    if (value === undefined) continue;
    const actual = typeOf(value);
    const expected = table.attributeType(name);
    if (actual !== expected) {
      throw invalidParameter(`Type mismatch for Index Key ${name} Expected: ${expected} Actual: ${actual} IndexName: ${index.name}`);
    }
    const empty = emptyKind(value);
    if (empty) {
      throw validation(
        `One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty ${empty} value. IndexName: ${index.name}, IndexKey: ${name}`,
      );
    }
  }
  checkKeySizes(index.schema, item);
}

function emptyKind(value: AttributeValue | undefined): string | undefined {
  if (value?.S === '') return 'string';
  if (value?.B !== undefined && value.B.length === 0) return 'binary';
  return undefined;
}

/** DynamoDB's 400 KB item limit, measured as DynamoDB measures items; returns the item's size. */
export function checkItemSize(item: Item): number {
  const size = itemSize(item);
  if (size > MAX_ITEM_BYTES) throw validation('Item size has exceeded the maximum allowed size');
  return size;
}
