import type { AttributeValue, AttributeValueUpdate, ExpectedAttributeValue } from '@aws-sdk/client-dynamodb';
import {
  applyUpdate,
  evaluateCondition,
  parseUpdate,
  updateFromAttributeUpdates,
  type Condition,
  type Path,
  type UpdatePlan,
} from './expressions/index.ts';
import { validation } from './errors.ts';
import { checkItemKeys, checkItemSize, MAX_ITEM_BYTES, validItem, validKey } from './keys.ts';
import { itemSize } from './expressions/index.ts';
import { CapacityMeter } from './capacity.ts';
import { checkNoMixing, conditionFailed, expressionContext, itemCollectionMetrics, writeCondition, type ExpressionParameters } from './request.ts';
import type { DynamoState } from './state.ts';
import type { Table } from './table.ts';
import type { Item } from './values.ts';

/** A validated write, ready to be checked against the current item and applied (alone or in a transaction). */
export interface PreparedWrite {
  kind: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  table: Table;
  /** The TableName as the request gave it (a name or an ARN). */
  tableName: string;
  /** The state owning the table. */
  state: DynamoState;
  key: Item;
  condition?: Condition;
  returnOnConditionFailure?: string;
  /** The item after the write, from the item before it (undefined: no item), and its size when it was measured. */
  apply(old: Item | undefined): { item: Item | undefined; size?: number; updatedPaths?: Path[] };
}

interface ConditionInput extends ExpressionParameters {
  TableName?: string;
  ConditionExpression?: string;
  Expected?: Record<string, ExpectedAttributeValue>;
  ConditionalOperator?: string;
  ReturnValuesOnConditionCheckFailure?: string;
}

const CONDITION_LEGACY = ['Expected'];
const CONDITION_EXPRESSIONS = ['ConditionExpression'];

function parsedCondition(input: ConditionInput) {
  checkNoMixing(input, CONDITION_LEGACY, CONDITION_EXPRESSIONS);
  const ctx = expressionContext(input);
  return { ctx, condition: writeCondition(input, ctx) };
}

export function preparePut(state: DynamoState, input: ConditionInput & { Item?: Item }, keyErrors: 'named' | 'schema' = 'named'): PreparedWrite {
  const { ctx, condition } = parsedCondition(input);
  ctx.assertAllUsed();
  const item = validItem(input.Item!);
  const table = state.table(input.TableName!);
  checkItemKeys(table, item, keyErrors);
  const size = checkItemSize(item);
  return {
    kind: 'Put',
    table,
    tableName: input.TableName!,
    state,
    key: table.keyOf(item),
    condition,
    returnOnConditionFailure: input.ReturnValuesOnConditionCheckFailure,
    apply: () => ({ item, size }),
  };
}

export function prepareDelete(state: DynamoState, input: ConditionInput & { Key?: Item }, kind: 'Delete' | 'ConditionCheck' = 'Delete'): PreparedWrite {
  const { ctx, condition } = parsedCondition(input);
  ctx.assertAllUsed();
  const table = state.table(input.TableName!);
  const key = validKey(table, input.Key!);
  return {
    kind,
    table,
    tableName: input.TableName!,
    state,
    key,
    condition,
    returnOnConditionFailure: input.ReturnValuesOnConditionCheckFailure,
    apply: (old) => ({ item: kind === 'Delete' ? undefined : old }),
  };
}

export function prepareUpdate(
  state: DynamoState,
  input: ConditionInput & { Key?: Item; UpdateExpression?: string; AttributeUpdates?: Record<string, AttributeValueUpdate> },
): PreparedWrite {
  checkNoMixing(input, ['AttributeUpdates', ...CONDITION_LEGACY], ['UpdateExpression', ...CONDITION_EXPRESSIONS]);
  const ctx = expressionContext(input);
  const plan =
    input.UpdateExpression !== undefined
      ? parseUpdate(input.UpdateExpression, ctx)
      : input.AttributeUpdates
        ? updateFromAttributeUpdates(validUpdates(input.AttributeUpdates))
        : undefined;
  const condition = writeCondition(input, ctx);
  ctx.assertAllUsed();
  const table = state.table(input.TableName!);
  const key = validKey(table, input.Key!);
  return {
    kind: 'Update',
    table,
    tableName: input.TableName!,
    state,
    key,
    condition,
    returnOnConditionFailure: input.ReturnValuesOnConditionCheckFailure,
    apply: (old) => applyPlan(table, key, plan, old),
  };
}

/** The item after an update plan; an update of a missing item creates it from its key (even one that only removes). */
export function applyPlan(table: Table, key: Item, plan: UpdatePlan | undefined, old: Item | undefined): { item: Item; size?: number; updatedPaths: Path[] } {
  if (!plan) return { item: old ?? { ...key }, updatedPaths: [] };
  const { item, updatedPaths } = applyUpdate(plan, old ?? { ...key }, Object.keys(key));
  const normalized = validItem(item);
  checkItemKeys(table, normalized);
  const size = itemSize(normalized);
  if (size > MAX_ITEM_BYTES) throw validation('Item size to update has exceeded the maximum allowed size');
  return { item: normalized, size, updatedPaths };
}

function validUpdates(updates: Record<string, AttributeValueUpdate>): Record<string, AttributeValueUpdate> {
  const out: Record<string, AttributeValueUpdate> = {};
  for (const [name, update] of Object.entries(updates)) {
    out[name] = update.Value ? { ...update, Value: validItem({ [name]: update.Value as AttributeValue })[name] } : update;
  }
  return out;
}

/** ConsumedCapacity and ItemCollectionMetrics of a single-item write (as `execute` ran it), as its request asked for them. */
export function writeReport(
  write: PreparedWrite,
  { old, item, bytes }: ExecutedWrite,
  input: { ReturnConsumedCapacity?: string; ReturnItemCollectionMetrics?: string },
) {
  const meter = new CapacityMeter('write', write.tableName, write.state);
  meter.addWrite(write.table, old, item, 1, bytes);
  return {
    ConsumedCapacity: meter.report(input.ReturnConsumedCapacity),
    ItemCollectionMetrics: itemCollectionMetrics(write.table, write.key, input.ReturnItemCollectionMetrics),
  };
}

/** Checks the condition against the current item; throws ConditionalCheckFailedException when it fails. */
export function checkCondition(write: PreparedWrite, old: Item | undefined) {
  if (write.condition && !evaluateCondition(write.condition, old)) throw conditionFailed(old, write.returnOnConditionFailure);
}

/** A write as `execute` ran it: the items before and after, and the larger of their sizes, which decides its cost. */
export interface ExecutedWrite {
  old: Item | undefined;
  item: Item | undefined;
  updatedPaths?: Path[];
  bytes: number;
}

/** Runs one prepared write: condition, new item, store. */
export function execute(write: PreparedWrite): ExecutedWrite {
  // One lookup: the condition and the new item are worked out without changing the table.
  const slot = write.table.locate(write.key);
  const stored = write.table.items.entryAt(slot);
  const old = stored?.item;
  checkCondition(write, old);
  const { item, size = item ? itemSize(item) : 0, updatedPaths } = write.apply(old);
  if (write.kind !== 'ConditionCheck') write.table.writeAt(slot, write.key, item, {}, size);
  return { old, item, updatedPaths, bytes: Math.max(stored?.size ?? 0, size) };
}

