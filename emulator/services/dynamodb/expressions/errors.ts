/**
 * AWS's wordings for expression errors. Sources: the AWS docs, public issue threads quoting real responses, and
 * AWS-verified test suites; wordings we could not source are marked "unverified" where they are used.
 */
import { AwsError } from '../../../core/errors.ts';

export type ExpressionKind =
  | 'ConditionExpression'
  | 'FilterExpression'
  | 'KeyConditionExpression'
  | 'ProjectionExpression'
  | 'UpdateExpression'
  | 'SearchConditionExpression';

export function validationError(message: string): AwsError {
  return new AwsError('ValidationException', message, { status: 400 });
}

/** "Invalid <Kind>: <detail>" — the form of every error found while parsing or checking one expression. */
export function invalidExpression(kind: ExpressionKind, detail: string): AwsError {
  return validationError(`Invalid ${kind}: ${detail}`);
}

export const Detail = {
  empty: () => 'The expression can not be empty;',
  syntax: (token: string, near: string) => `Syntax error; token: "${token}", near: "${near}"`,
  reserved: (word: string) => `Attribute name is a reserved keyword; reserved keyword: ${word}`,
  undefinedName: (alias: string) =>
    `An expression attribute name used in the document path is not defined; attribute name: ${alias}`,
  undefinedValue: (ref: string) => `An expression attribute value used in expression is not defined; attribute value: ${ref}`,
  redundantParentheses: () => 'The expression has redundant parentheses;',
  invalidFunction: (name: string) => `Invalid function name; function: ${name}`,
  operandCount: (fn: string, count: number) =>
    `Incorrect number of operands for operator or function; operator or function: ${fn}, number of operands: ${count}`,
  operandType: (fn: string, type: string) =>
    `Incorrect operand type for operator or function; operator or function: ${fn}, operand type: ${type}`,
  actionOperandType: (action: string, type: string) =>
    `Incorrect operand type for operator or function; operator: ${action}, operand type: ${type}`,
  requiresPath: (fn: string) => `Operator or function requires a document path; operator or function: ${fn}`,
  // dynalite test/scan.js (run against real DynamoDB) and scylladb test/alternator/test_update_expression.py, which
  // quotes the real response for list_append(list_append(...), ...)
  functionMisused: (fn: string) => `The function is not allowed to be used this way in an expression; function: ${fn}`,
  // Functions of the other expression language. "The function is not allowed in a condition expression" is quoted from
  // live calls with if_not_exists in a ConditionExpression (comments in public projects, e.g. a rate limiter's
  // "only a live call catches these" test); the "; function: x" tail and the update-side sentence are unverified.
  functionNotAllowed: (fn: string, where: 'update' | 'condition') =>
    `The function is not allowed in ${where === 'update' ? 'an update' : 'a condition'} expression; function: ${fn}`,
  // "; expression size: 4109" after a ConditionExpression (paritysuite tests/tier3/validation-ordering/
  // deepRequests.test.ts, real AWS) and a FilterExpression (pynamodb/PynamoDB#979, a real response); an
  // UpdateExpression ends at the ";" (same paritysuite file), and so does a ProjectionExpression in the
  // Floci emulator's AWS-derived tests (unverified). KeyConditionExpression takes the condition form (unverified).
  sizeExceeded: (kind: ExpressionKind, size: number) =>
    `Expression size has exceeded the maximum allowed size;${kind === 'UpdateExpression' || kind === 'ProjectionExpression' ? '' : ` expression size: ${size}`}`,
  // aws/aws-sdk-js#3721 and scylladb/scylladb#14473 quote real responses: AWS stops counting at 301
  tooManyOperators: (count: number) => `The expression contains too many operators; operator count: ${count}`,
  // Ours (unverified): no expression within the size and operator limits nests this deep, so AWS never says it.
  tooDeep: () => 'The expression has too many nesting levels;',
  tooManyInOperands: (count: number) => `The IN operator is provided with too many operands; number of operands: ${count}`,
  sectionRepeated: (section: string) => `The "${section}" section can only be used once in an update expression;`,
  pathsOverlap: (one: string, two: string) =>
    `Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ${one}, path two: ${two}`,
  pathsConflict: (one: string, two: string) =>
    `Two document paths conflict with each other; must remove or rewrite one of these paths; path one: ${one}, path two: ${two}`,
  nestingLevels: (levels: number) => `The document path has too many nesting levels; nesting levels: ${levels}`,
  betweenBounds: (low: string, high: string) =>
    `The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: ${low}, upper bound operand: AttributeValue: ${high}`,
  betweenTypes: (low: string, high: string) =>
    `The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: ${low}, upper bound operand: AttributeValue: ${high}`,
  invalidTypeName: (type: string) =>
    `Invalid attribute type name found; type: ${type}, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}`,
};

/**
 * ExpressionAttributeNames/Values map errors. Keys over 255 bytes: "The expression attribute map contains a key that
 * is too long" is DynamoDB Local's wording (its ErrorFactory), and the full forms, with "; size of key: N" after
 * names only, were captured from AWS by ExtendDB (crates/core/src/serde_helpers.rs, ExtendDB/extenddb#181), as was
 * the empty attribute name. The combined 2 MB limit's wording is DynamoDB Local's (unverified against AWS).
 */
export const MapErrors = {
  keyTooLong: (map: 'ExpressionAttributeNames' | 'ExpressionAttributeValues', bytes: number) =>
    validationError(
      `${map} contains invalid key: The expression attribute map contains a key that is too long;${map === 'ExpressionAttributeNames' ? ` size of key: ${bytes}` : ''}`,
    ),
  invalidKey: (map: 'ExpressionAttributeNames' | 'ExpressionAttributeValues', key: string) =>
    validationError(`${map} contains invalid key: Syntax error; key: "${key}"`),
  emptyName: (key: string) => validationError(`ExpressionAttributeNames contains invalid value: Empty attribute name for key ${key}`),
  combinedSize: () => validationError('Combined size of ExpressionAttributeNames and ExpressionAttributeValues exceeds max size'),
};

export const UpdateErrors = {
  invalidPath: () => validationError('The document path provided in the update expression is invalid for update'),
  missingOperand: () => validationError('The provided expression refers to an attribute that does not exist in the item'),
  wrongType: () => validationError('An operand in the update expression has an incorrect data type'),
  keyAttribute: (name: string) =>
    validationError(`One or more parameter values were invalid: Cannot update attribute ${name}. This attribute is part of the key`),
};

/**
 * Key condition errors. AWS reworked these when multi-attribute index keys arrived (late 2025): pinned against real
 * AWS in October 2026 (paritysuite/dynamodb-conformance tests/tier3/error-messages/queryKeyConditionOperands.test.ts),
 * two conditions on one key carry the "Invalid KeyConditionExpression: " prefix (as quoted in
 * aws-amplify/amplify-category-api#3531) and too many conditions name the counts. The others are sourced from older
 * real output without that prefix: "Invalid operator used in KeyConditionExpression: OR" and "...: IN" in
 * awslabs/aws-athena-query-federation#746 (2022) and ServiceStack/ServiceStack.Aws#5, the rest from dynalite's test
 * suite run against real DynamoDB (architect/dynalite test/query.js). Whether today's AWS prefixes those too is unverified.
 */
export const QueryErrors = {
  missedKey: (name: string) => validationError(`Query condition missed key schema element: ${name}`),
  notSupported: () => validationError('Query key condition not supported'),
  operator: (operator: string) => validationError(`Invalid operator used in KeyConditionExpression: ${operator}`),
  /** Legacy KeyConditions with more than two entries (dynalite test/query.js). */
  conditionCount: () => validationError('Conditions can be of length 1 or 2 only'),
  conditionPerKey: () => invalidExpression('KeyConditionExpression', 'KeyConditionExpressions must only contain one condition per key'),
  tooManyConditions: (conditions: number, keyAttributes: number) =>
    validationError(
      `The number of query conditions (${conditions}) exceeds the number of key attributes defined in the schema (${keyAttributes})`,
    ),
  nestedOperation: () => validationError('KeyConditionExpressions cannot contain nested operations'),
  nestedAttribute: () => validationError('KeyConditionExpressions cannot have conditions on nested attributes'),
  multipleNames: () => validationError('Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition'),
  noKeyAttribute: () => validationError('Invalid condition in KeyConditionExpression: No key attribute specified'),
  keyNotFirst: (operator: string) =>
    validationError(`Invalid condition in KeyConditionExpression: ${operator} operator must have the key attribute as its first operand`),
};
