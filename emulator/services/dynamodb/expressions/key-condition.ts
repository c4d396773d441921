/** KeyConditionExpression: a partition key equality and at most one sort key condition, joined by AND. */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { Binder } from './bind.ts';
import type { Condition, Operand } from './bound.ts';
import { cachedParse } from './cache.ts';
import type { ExpressionContext } from './context.ts';
import { Detail, invalidExpression, QueryErrors } from './errors.ts';
import { Parser } from './parser.ts';
import { checkConditionFunctions, checkRedundantParentheses, checkReservedWords, conditionOperands, isFunctionName } from './static-checks.ts';
import type { ConditionSyntax } from './syntax.ts';

export type SortKeyOperator = '=' | '<' | '<=' | '>' | '>=' | 'BETWEEN' | 'BEGINS_WITH';

export interface KeyCondition {
  partitionKey: { name: string; value: AttributeValue };
  sortKey?: { name: string; op: SortKeyOperator; values: AttributeValue[] };
}

export interface KeySchema {
  partitionKey: string;
  sortKey?: string;
}

const KIND = 'KeyConditionExpression';

function checkKeyOperators(condition: ConditionSyntax): void {
  switch (condition.t) {
    case 'or':
      throw QueryErrors.operator('OR');
    case 'not':
      throw QueryErrors.operator('NOT');
    case 'in':
      throw QueryErrors.operator('IN');
    case 'compare':
      if (condition.op === '<>') throw QueryErrors.operator('<>');
      return;
    case 'function':
      // A name that is no function at all: "Invalid KeyConditionExpression: Invalid function name; function: Begins_With"
      // (moto's tests of AWS's answer, e.g. for a wrongly cased begins_with). Functions that exist but are not key
      // conditions are named as operators (dynalite test/query.js: attribute_exists, attribute_type, contains...).
      if (!isFunctionName(condition.call.fn)) throw invalidExpression(KIND, Detail.invalidFunction(condition.call.fn));
      if (condition.call.fn !== 'begins_with') throw QueryErrors.operator(condition.call.fn);
      return;
    case 'and':
      checkKeyOperators(condition.left);
      return checkKeyOperators(condition.right);
    case 'paren':
      return checkKeyOperators(condition.inner);
    default:
  }
}

function parseKeySyntax(expression: string): ConditionSyntax {
  const parser = new Parser(expression, KIND);
  const syntax = parser.condition();
  parser.expectEnd();
  checkRedundantParentheses(KIND, syntax);
  checkReservedWords(KIND, conditionOperands(syntax));
  checkKeyOperators(syntax);
  checkConditionFunctions(KIND, syntax);
  return syntax;
}

function leaves(condition: Condition, out: Condition[] = []): Condition[] {
  if (condition.t === 'and') {
    leaves(condition.left, out);
    leaves(condition.right, out);
  } else out.push(condition);
  return out;
}

const FLIPPED: Record<string, SortKeyOperator> = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

interface KeyTerm {
  name: string;
  op: SortKeyOperator;
  values: AttributeValue[];
}

/** The key attribute an operand names, undefined for a value; AWS's checks for sizes and nested paths. */
function attributeName(operand: Operand): string | undefined {
  if (operand.t === 'size') throw QueryErrors.nestedOperation();
  if (operand.t !== 'path') return undefined;
  if (operand.path.length !== 1) throw QueryErrors.nestedAttribute();
  return operand.path[0] as string;
}

/** The value side of a term; AWS names a second attribute there (dynalite test/query.js, "b > a.b"). */
function constant(operand: Operand): AttributeValue {
  if (operand.t === 'size') throw QueryErrors.nestedOperation();
  if (operand.t !== 'const') throw QueryErrors.multipleNames();
  return operand.value;
}

function term(leaf: Condition): KeyTerm {
  if (leaf.t === 'between') {
    const name = attributeName(leaf.subject);
    if (name === undefined) throw QueryErrors.keyNotFirst('BETWEEN');
    return { name, op: 'BETWEEN', values: [constant(leaf.low), constant(leaf.high)] };
  }
  if (leaf.t === 'begins_with') {
    // "begins_with(:a, b)" parses, then fails here (dynalite test/query.js, run against real DynamoDB)
    const name = attributeName(leaf.subject);
    if (name === undefined) throw QueryErrors.keyNotFirst('begins_with');
    return { name, op: 'BEGINS_WITH', values: [constant(leaf.prefix)] };
  }
  if (leaf.t !== 'compare') throw QueryErrors.notSupported();
  const left = attributeName(leaf.left);
  if (left !== undefined) return { name: left, op: leaf.op as SortKeyOperator, values: [constant(leaf.right)] };
  const right = attributeName(leaf.right);
  if (right === undefined) throw QueryErrors.noKeyAttribute();
  return { name: right, op: FLIPPED[leaf.op], values: [constant(leaf.left)] };
}

/** Matches key terms to the key schema with AWS's messages (shared with the legacy KeyConditions parameter). */
export function keyConditionFromTerms(terms: KeyTerm[], schema: KeySchema): KeyCondition {
  const partition = terms.find((t) => t.name === schema.partitionKey);
  if (!partition) throw QueryErrors.missedKey(schema.partitionKey);
  if (partition.op !== '=') throw QueryErrors.notSupported();
  const sort = terms.find((t) => t !== partition);
  if (sort && sort.name !== schema.sortKey) throw QueryErrors.notSupported();
  return {
    partitionKey: { name: partition.name, value: partition.values[0] },
    ...(sort ? { sortKey: { name: sort.name, op: sort.op, values: sort.values } } : {}),
  };
}

function keyTerms(expression: string, ctx: ExpressionContext, keyAttributes: number): KeyTerm[] {
  ctx.noteExpression();
  const syntax = cachedParse(KIND, expression, () => parseKeySyntax(expression));
  const condition = new Binder(KIND, ctx).condition(syntax);
  const terms = leaves(condition).map(term);
  if (new Set(terms.map((t) => t.name)).size < terms.length) throw QueryErrors.conditionPerKey();
  if (terms.length > keyAttributes) throw QueryErrors.tooManyConditions(terms.length, keyAttributes);
  return terms;
}

export function parseKeyCondition(expression: string, ctx: ExpressionContext, schema: KeySchema): KeyCondition {
  return keyConditionFromTerms(keyTerms(expression, ctx, schema.sortKey === undefined ? 1 : 2), schema);
}

export interface MultiKeyCondition {
  partition: { name: string; value: AttributeValue }[];
  /** Conditions on a left-to-right prefix of the sort attributes: equalities, then at most one other condition. */
  sort: { name: string; op: SortKeyOperator; values: AttributeValue[] }[];
}

/**
 * A key condition on a global secondary index with multi-attribute keys: equality on every partition attribute and
 * conditions on a left-to-right prefix of the sort attributes, all equalities but the last (DynamoDB Developer
 * Guide, "Multi-attribute keys"). Anything else is a key condition DynamoDB does not support.
 */
export function parseMultiKeyCondition(expression: string, ctx: ExpressionContext, schema: { partitionKeys: string[]; sortKeys: string[] }): MultiKeyCondition {
  const terms = keyTerms(expression, ctx, schema.partitionKeys.length + schema.sortKeys.length);
  const byName = new Map(terms.map((t) => [t.name, t]));
  const partition = schema.partitionKeys.map((name) => {
    const found = byName.get(name);
    if (!found) throw QueryErrors.missedKey(name);
    if (found.op !== '=') throw QueryErrors.notSupported();
    return { name, value: found.values[0] };
  });
  const sort: KeyTerm[] = [];
  for (const name of schema.sortKeys) {
    const found = byName.get(name);
    if (!found) break;
    if (sort.length && sort[sort.length - 1].op !== '=') throw QueryErrors.notSupported();
    sort.push(found);
  }
  if (partition.length + sort.length !== terms.length) throw QueryErrors.notSupported();
  return { partition, sort };
}
