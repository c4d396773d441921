/**
 * DynamoDB expression language: KeyConditionExpression, ConditionExpression, FilterExpression,
 * ProjectionExpression and UpdateExpression, the legacy parameters converted to the same forms, and the value
 * semantics (ordering, item size, validation) shared with the DynamoDB service. Pure logic: no I/O.
 *
 * Usage per request: `const ctx = new ExpressionContext({ names, values })` (validates the maps), parse each
 * expression of the request with ctx, then `ctx.assertAllUsed()`; evaluate/apply the results per item.
 * Parsing is cached per expression text; names and values are bound per request.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { applyUpdate as apply } from './apply-update.ts';
import { Binder } from './bind.ts';
import type { Condition, Path, UpdatePlan } from './bound.ts';
import { cachedParse } from './cache.ts';
import { ExpressionContext } from './context.ts';
import { Detail, invalidExpression } from './errors.ts';
import { evaluate } from './evaluate.ts';
import { Parser } from './parser.ts';
import {
  checkConditionFunctions,
  checkInOperands,
  checkRedundantParentheses,
  checkReservedWords,
  conditionOperands,
  updateOperands,
  checkUpdateFunctions,
} from './static-checks.ts';

export type { Condition, Path, UpdatePlan } from './bound.ts';
export { ExpressionContext, type ExpressionInputs } from './context.ts';
export { parseKeyCondition, parseMultiKeyCondition, type KeyCondition, type KeySchema, type MultiKeyCondition, type SortKeyOperator } from './key-condition.ts';
export {
  conditionFromExpected,
  conditionFromFilter,
  keyConditionFromLegacy,
  projectionFromAttributesToGet,
  updateFromAttributeUpdates,
} from './legacy.ts';
export { project } from './project.ts';
export { resolvePath } from './evaluate.ts';
export { compareValues, valuesEqual, typeOf } from './values.ts';
export { itemSize } from './item-size.ts';
export { validateAttributeValue, validItem, normalizeValue, normalizeItem } from './validate-value.ts';
export { normalizeNumber } from './numbers.ts';
export { isReservedWord } from './reserved-words.ts';

type Item = Record<string, AttributeValue>;

export function parseCondition(expression: string, ctx: ExpressionContext, kind: 'ConditionExpression' | 'FilterExpression' | 'SearchConditionExpression'): Condition {
  ctx.noteExpression();
  const syntax = cachedParse(kind, expression, () => {
    const parser = new Parser(expression, kind);
    const condition = parser.condition();
    parser.expectEnd();
    checkRedundantParentheses(kind, condition);
    checkReservedWords(kind, conditionOperands(condition));
    checkConditionFunctions(kind, condition);
    checkInOperands(kind, condition);
    return condition;
  });
  return new Binder(kind, ctx).condition(syntax);
}

/** True when the item (undefined: no item) satisfies the condition. */
export function evaluateCondition(condition: Condition, item: Item | undefined): boolean {
  return evaluate(condition, item);
}

export function parseProjection(expression: string, ctx: ExpressionContext): Path[] {
  const kind = 'ProjectionExpression';
  ctx.noteExpression();
  const syntax = cachedParse(kind, expression, () => {
    const parser = new Parser(expression, kind);
    const paths = parser.projection();
    parser.expectEnd();
    checkReservedWords(kind, paths);
    return paths;
  });
  const binder = new Binder(kind, ctx);
  const paths = syntax.map((path) => binder.path(path));
  binder.checkOverlaps(paths);
  return paths;
}

export function parseUpdate(expression: string, ctx: ExpressionContext): UpdatePlan {
  const kind = 'UpdateExpression';
  ctx.noteExpression();
  const actions = cachedParse(kind, expression, () => {
    const parsed = new Parser(expression, kind).update();
    if (parsed.repeated) throw invalidExpression(kind, Detail.sectionRepeated(parsed.repeated));
    checkReservedWords(kind, updateOperands(parsed.actions));
    checkUpdateFunctions(parsed.actions);
    return parsed.actions;
  });
  return { actions: new Binder(kind, ctx).updateActions(actions) };
}

/**
 * Returns the updated copy of the item (undefined: the item does not exist yet) and the paths the update touched
 * (for ReturnValues UPDATED_*); throws ValidationException as AWS does (type mismatch, key attribute update,
 * invalid document path...).
 */
export function applyUpdate(plan: UpdatePlan, item: Item | undefined, keyAttributes: string[]): { item: Item; updatedPaths: Path[] } {
  return apply(plan, item, keyAttributes);
}
