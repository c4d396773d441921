/**
 * Checks that depend only on the expression text (so their outcome is cached with the parse): reserved words,
 * redundant parentheses, function names, operand counts and operands that must be document paths.
 */
import { Detail, invalidExpression, type ExpressionKind } from './errors.ts';
import { isReservedWord } from './reserved-words.ts';
import type { ConditionSyntax, OperandSyntax, PathSyntax, UpdateActionSyntax } from './syntax.ts';

type Call = Extract<OperandSyntax, { t: 'call' }>;

interface FunctionSpec {
  arity: number;
  /** Argument positions that must be document paths. */
  paths: number[];
  use: 'condition' | 'operand' | 'update';
}

const FUNCTIONS: Record<string, FunctionSpec> = {
  attribute_exists: { arity: 1, paths: [0], use: 'condition' },
  attribute_not_exists: { arity: 1, paths: [0], use: 'condition' },
  attribute_type: { arity: 2, paths: [0], use: 'condition' },
  // AWS also takes a value or a second path first: begins_with(:str, a) and begins_with(a, c) are evaluated
  // (scylladb test/alternator/test_condition_expression.py, run against AWS)
  begins_with: { arity: 2, paths: [], use: 'condition' },
  contains: { arity: 2, paths: [0], use: 'condition' },
  size: { arity: 1, paths: [0], use: 'operand' },
  if_not_exists: { arity: 2, paths: [0], use: 'update' },
  list_append: { arity: 2, paths: [], use: 'update' },
};

/** True for the names of DynamoDB's expression functions (case-sensitive, as AWS matches them). */
export function isFunctionName(name: string): boolean {
  return Object.hasOwn(FUNCTIONS, name);
}

/** Every operand of a condition, in source order. */
export function conditionOperands(condition: ConditionSyntax, out: OperandSyntax[] = []): OperandSyntax[] {
  switch (condition.t) {
    case 'compare':
      out.push(condition.left, condition.right);
      break;
    case 'between':
      out.push(condition.subject, condition.low, condition.high);
      break;
    case 'in':
      out.push(condition.subject, ...condition.list);
      break;
    case 'function':
      out.push(condition.call);
      break;
    case 'and':
    case 'or':
      conditionOperands(condition.left, out);
      conditionOperands(condition.right, out);
      break;
    case 'not':
      conditionOperands(condition.operand, out);
      break;
    case 'paren':
      conditionOperands(condition.inner, out);
      break;
  }
  return out;
}

export function updateOperands(actions: UpdateActionSyntax[]): OperandSyntax[] {
  const out: OperandSyntax[] = [];
  for (const action of actions) {
    out.push(action.path);
    if (action.t !== 'REMOVE') out.push(action.value);
  }
  return out;
}

function forEachPath(operand: OperandSyntax, visit: (path: PathSyntax) => void): void {
  if (operand.t === 'path') visit(operand);
  else if (operand.t === 'call') operand.args.forEach((arg) => forEachPath(arg, visit));
  else if (operand.t === 'arith') {
    forEachPath(operand.left, visit);
    forEachPath(operand.right, visit);
  }
}

export function checkReservedWords(kind: ExpressionKind, operands: OperandSyntax[]): void {
  for (const operand of operands) {
    forEachPath(operand, (path) => {
      for (const segment of path.segments) {
        if (segment.kind === 'name' && isReservedWord(segment.name)) {
          throw invalidExpression(kind, Detail.reserved(segment.name));
        }
      }
    });
  }
}

export function checkRedundantParentheses(kind: ExpressionKind, condition: ConditionSyntax, parenthesized = false): void {
  switch (condition.t) {
    case 'paren':
      if (parenthesized || condition.inner.t === 'paren') throw invalidExpression(kind, Detail.redundantParentheses());
      checkRedundantParentheses(kind, condition.inner, true);
      break;
    case 'and':
    case 'or':
      checkRedundantParentheses(kind, condition.left);
      checkRedundantParentheses(kind, condition.right);
      break;
    case 'not':
      checkRedundantParentheses(kind, condition.operand);
      break;
    default:
  }
}

function checkCall(kind: ExpressionKind, call: Call, position: 'condition' | 'operand' | 'update'): void {
  if (!isFunctionName(call.fn)) throw invalidExpression(kind, Detail.invalidFunction(call.fn));
  const spec = FUNCTIONS[call.fn];
  const inUpdate = kind === 'UpdateExpression';
  if (inUpdate && spec.use !== 'update') throw invalidExpression(kind, Detail.functionNotAllowed(call.fn, 'update'));
  if (!inUpdate && spec.use === 'update') throw invalidExpression(kind, Detail.functionNotAllowed(call.fn, 'condition'));
  if (!inUpdate && spec.use !== position) throw invalidExpression(kind, Detail.functionMisused(call.fn));
  if (call.args.length !== spec.arity) throw invalidExpression(kind, Detail.operandCount(call.fn, call.args.length));
  for (const index of spec.paths) {
    if (call.args[index].t !== 'path') throw invalidExpression(kind, Detail.requiresPath(call.fn));
  }
  // AWS refuses list_append(list_append(...), ...) (scylladb test/alternator/test_update_expression.py quotes the response)
  const nested = call.fn === 'list_append' && call.args.find((arg) => arg.t === 'call' && arg.fn === 'list_append');
  if (nested) throw invalidExpression(kind, Detail.functionMisused('list_append'));
  for (const arg of call.args) checkOperandCalls(kind, arg, inUpdate ? 'update' : 'operand');
}

function checkOperandCalls(kind: ExpressionKind, operand: OperandSyntax, position: 'operand' | 'update'): void {
  if (operand.t === 'call') checkCall(kind, operand, position);
  else if (operand.t === 'arith') {
    checkOperandCalls(kind, operand.left, position);
    checkOperandCalls(kind, operand.right, position);
  }
}

export function checkConditionFunctions(kind: ExpressionKind, condition: ConditionSyntax): void {
  switch (condition.t) {
    case 'function':
      return checkCall(kind, condition.call, 'condition');
    case 'and':
    case 'or':
      checkConditionFunctions(kind, condition.left);
      return checkConditionFunctions(kind, condition.right);
    case 'not':
      return checkConditionFunctions(kind, condition.operand);
    case 'paren':
      return checkConditionFunctions(kind, condition.inner);
    default:
      for (const operand of conditionOperands(condition)) checkOperandCalls(kind, operand, 'operand');
  }
}

export function checkUpdateFunctions(actions: UpdateActionSyntax[]): void {
  for (const action of actions) {
    if (action.t === 'SET') checkOperandCalls('UpdateExpression', action.value, 'update');
  }
}

const MAX_IN_OPERANDS = 100;

export function checkInOperands(kind: ExpressionKind, condition: ConditionSyntax): void {
  if (condition.t === 'in' && condition.list.length > MAX_IN_OPERANDS) {
    throw invalidExpression(kind, Detail.tooManyInOperands(condition.list.length));
  }
  if (condition.t === 'and' || condition.t === 'or') {
    checkInOperands(kind, condition.left);
    checkInOperands(kind, condition.right);
  } else if (condition.t === 'not') checkInOperands(kind, condition.operand);
  else if (condition.t === 'paren') checkInOperands(kind, condition.inner);
}
