/**
 * DynamoDB expression language (KeyCondition/Condition/Filter/Projection/Update expressions and the legacy
 * parameters). Public API used by the DynamoDB service (see /tmp/ddb-interface.md contract). Bodies are being filled in.
 */
import type {
  AttributeValue,
  AttributeValueUpdate,
  Condition as LegacyCondition,
  ExpectedAttributeValue,
} from '@aws-sdk/client-dynamodb';

export interface ExpressionInputs {
  names?: Record<string, string>;
  values?: Record<string, AttributeValue>;
}

export class ExpressionContext {
  constructor(readonly inputs: ExpressionInputs) {}
  assertAllUsed(): void {
    throw new Error('todo');
  }
}

export type Path = (string | number)[];

export interface KeyCondition {
  partitionKey: { name: string; value: AttributeValue };
  sortKey?: { name: string; op: '=' | '<' | '<=' | '>' | '>=' | 'BETWEEN' | 'BEGINS_WITH'; values: AttributeValue[] };
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Condition {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface UpdatePlan {}

type Item = Record<string, AttributeValue>;
type Schema = { partitionKey: string; sortKey?: string };

const todo = (): never => {
  throw new Error('todo');
};

export function parseKeyCondition(_e: string, _c: ExpressionContext, _s: Schema): KeyCondition { return todo(); }
export function parseCondition(_e: string, _c: ExpressionContext, _k: 'ConditionExpression' | 'FilterExpression'): Condition { return todo(); }
export function evaluateCondition(_c: Condition, _i: Item | undefined): boolean { return todo(); }
export function parseProjection(_e: string, _c: ExpressionContext): Path[] { return todo(); }
export function project(_i: Item, _p: Path[]): Item { return todo(); }
export function parseUpdate(_e: string, _c: ExpressionContext): UpdatePlan { return todo(); }
export function applyUpdate(_p: UpdatePlan, _i: Item | undefined, _k: string[]): { item: Item; updatedPaths: Path[] } { return todo(); }
export function conditionFromExpected(_e: Record<string, ExpectedAttributeValue>, _o?: 'AND' | 'OR'): Condition { return todo(); }
export function conditionFromFilter(_f: Record<string, LegacyCondition>, _o?: 'AND' | 'OR'): Condition { return todo(); }
export function keyConditionFromLegacy(_c: Record<string, LegacyCondition>, _s: Schema): KeyCondition { return todo(); }
export function updateFromAttributeUpdates(_u: Record<string, AttributeValueUpdate>): UpdatePlan { return todo(); }
export function compareValues(_a: AttributeValue, _b: AttributeValue): number { return todo(); }
export function itemSize(_i: Item): number { return todo(); }
export function validateAttributeValue(_v: AttributeValue, _p: string): void { todo(); }
