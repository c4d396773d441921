/**
 * DynamoDB's expression limits (developer guide, "Constraints" → "Expression parameters"), checked on the raw
 * expression text before it is parsed, so an oversized or operator-heavy expression never reaches the parser.
 *
 * - 4 KB per expression string, counted in UTF-8 bytes of the text as sent (names and values not substituted):
 *   4096 bytes are accepted, 4097 refused (paritysuite/dynamodb-conformance tests/tier3/limits/expressionSize.test.ts,
 *   captured against real AWS in four regions).
 * - 300 operators or functions per expression. Comparators, AND, OR, NOT, BETWEEN, IN, + and - count one each, and so
 *   does each call of a DynamoDB function; parentheses do not ("a<b or (a<b ...)" with 299 operators is accepted, one
 *   with 909 refused: scylladb test/alternator/test_limits.py, run against AWS). The `=` of a SET action is assignment,
 *   not an operator (the guide counts two operators in "SET a = :val1 + :val2 + :val3"), and neither is the AND of a
 *   BETWEEN. A call of an unknown name is not counted: AWS answers "a < f(f(f(...)))" nested 1355 deep with "Invalid
 *   function name; function: f" (same scylladb file).
 * - 255 bytes per ExpressionAttributeNames/Values key ("#name" is 5 bytes) and 2 MB for all names and values together
 *   ("the sum of the lengths of all ExpressionAttributeNames and ExpressionAttributeValues"; a value's length is
 *   taken as its item-size length, an estimate). Both are checked with the maps (context.ts).
 */
import { Detail, invalidExpression, type ExpressionKind } from './errors.ts';
import { isFunctionName } from './static-checks.ts';
import { tokenize, type Token } from './tokens.ts';

export const MAX_EXPRESSION_BYTES = 4096;
export const MAX_OPERATORS = 300;
export const MAX_PLACEHOLDER_BYTES = 255;
export const MAX_SUBSTITUTION_BYTES = 2 * 1024 * 1024;

const COMPARATORS = new Set(['=', '<>', '<', '<=', '>', '>=']);
const KEYWORD_OPERATORS = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN']);

export function checkExpressionSize(kind: ExpressionKind, expression: string): void {
  const size = Buffer.byteLength(expression, 'utf8');
  if (size > MAX_EXPRESSION_BYTES) throw invalidExpression(kind, Detail.sizeExceeded(kind, size));
}

export function checkOperatorCount(kind: ExpressionKind, expression: string): void {
  const tokens = tokenize(expression);
  let operators = 0;
  let pendingBetweens = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!isOperator(kind, tokens[i], tokens[i + 1])) continue;
    const word = tokens[i].text.toUpperCase();
    if (word === 'BETWEEN') pendingBetweens++;
    else if (word === 'AND' && pendingBetweens > 0) {
      pendingBetweens--;
      continue;
    }
    // AWS stops counting at the first operator past the limit: its message always says 301
    if (++operators > MAX_OPERATORS) throw invalidExpression(kind, Detail.tooManyOperators(operators));
  }
}

function isOperator(kind: ExpressionKind, token: Token, next: Token | undefined): boolean {
  if (token.type === 'punct') {
    if (token.text === '+' || token.text === '-') return true;
    return COMPARATORS.has(token.text) && !(kind === 'UpdateExpression' && token.text === '=');
  }
  if (token.type !== 'name') return false;
  if (KEYWORD_OPERATORS.has(token.text.toUpperCase())) return true;
  return isFunctionName(token.text) && next?.type === 'punct' && next.text === '(';
}
