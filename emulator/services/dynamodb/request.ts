import type { AttributeValue, Condition as LegacyCondition, ExpectedAttributeValue } from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../core/errors.ts';
import {
  conditionFromExpected,
  conditionFromFilter,
  ExpressionContext,
  parseCondition,
  parseProjection,
  projectionFromAttributesToGet,
  type Condition,
  type Path,
} from './expressions/index.ts';
import { validation } from './errors.ts';
import type { Table } from './table.ts';
import type { Item } from './values.ts';

export interface ExpressionParameters {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
}

export function expressionContext(input: ExpressionParameters): ExpressionContext {
  return new ExpressionContext({ names: input.ExpressionAttributeNames, values: input.ExpressionAttributeValues });
}

/** DynamoDB refuses requests that mix legacy parameters (Expected, AttributesToGet...) with expressions. */
export function checkNoMixing(input: object, legacy: string[], expressions: string[]) {
  const given = input as Record<string, unknown>;
  // Most requests use neither kind: no lists built for them.
  if (!anyGiven(given, legacy) || !anyGiven(given, expressions)) return;
  const present = (names: string[]) => names.filter((n) => given[n] !== undefined).join(', ');
  throw validation(
    `Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {${present(legacy)}} Expression parameters: {${present(expressions)}}`,
  );
}

function anyGiven(input: Record<string, unknown>, names: string[]): boolean {
  for (const name of names) if (input[name] !== undefined) return true;
  return false;
}

/** The write condition of PutItem/UpdateItem/DeleteItem: ConditionExpression or the legacy Expected map. */
export function writeCondition(
  input: { ConditionExpression?: string; Expected?: Record<string, ExpectedAttributeValue>; ConditionalOperator?: string },
  ctx: ExpressionContext,
): Condition | undefined {
  if (input.ConditionExpression !== undefined) return parseCondition(input.ConditionExpression, ctx, 'ConditionExpression');
  if (input.Expected) return conditionFromExpected(input.Expected, input.ConditionalOperator as 'AND' | 'OR' | undefined);
  return undefined;
}

/** FilterExpression or the legacy QueryFilter/ScanFilter of a Query or Scan. */
export function filterCondition(
  input: { FilterExpression?: string; ConditionalOperator?: string },
  legacy: Record<string, LegacyCondition> | undefined,
  ctx: ExpressionContext,
): Condition | undefined {
  if (input.FilterExpression !== undefined) return parseCondition(input.FilterExpression, ctx, 'FilterExpression');
  return legacy ? conditionFromFilter(legacy, input.ConditionalOperator as 'AND' | 'OR' | undefined) : undefined;
}

/** ProjectionExpression or the legacy AttributesToGet, as paths; undefined means the whole item. */
export function projectionPaths(input: { ProjectionExpression?: string; AttributesToGet?: string[] }, ctx: ExpressionContext): Path[] | undefined {
  if (input.ProjectionExpression !== undefined) return parseProjection(input.ProjectionExpression, ctx);
  if (input.AttributesToGet) {
    const seen = new Set<string>();
    for (const name of input.AttributesToGet) {
      if (seen.has(name)) throw validation(`One or more parameter values were invalid: Duplicate value in attribute name: ${name}`);
      seen.add(name);
    }
    return projectionFromAttributesToGet(input.AttributesToGet);
  }
  return undefined;
}

const CONDITION_FAILED = 'The conditional request failed';

/**
 * ConditionalCheckFailedException. With the old item (ReturnValuesOnConditionCheckFailure ALL_OLD) AWS sends its text
 * as `Message` beside `Item` (botocore then shows no lower-case `message` member, as the recorded response shows);
 * otherwise as the model's lower-case `message`.
 */
export function conditionFailed(old: Item | undefined, returnOld: string | undefined): AwsError {
  const withItem = returnOld === 'ALL_OLD' && old;
  return new AwsError('ConditionalCheckFailedException', CONDITION_FAILED, withItem ? { fields: { Message: CONDITION_FAILED, Item: old } } : {});
}

/** ItemCollectionMetrics exist only for tables with local secondary indexes. */
export function itemCollectionMetrics(table: Table, key: Item, requested: string | undefined) {
  if (requested !== 'SIZE' || ![...table.indexes.values()].some((i) => !i.global)) return undefined;
  const partitionKey = table.schema.partitionKey;
  return { ItemCollectionKey: { [partitionKey]: key[partitionKey] }, SizeEstimateRangeGB: [0, 1] };
}

export function checkReturnValues(value: string | undefined, allowed: string[]) {
  if (value !== undefined && !allowed.includes(value)) throw validation('Return values set to invalid value');
}
