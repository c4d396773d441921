/**
 * DynamoDB PartiQL: parses one statement (with its `?` parameters) into a PartiqlStatement the DynamoDB service
 * executes. Supported: SELECT (projection or *, FROM "table" or "table"."index", WHERE with comparisons, BETWEEN,
 * IN, begins_with/contains/attribute_exists/attribute_not_exists/attribute_type, IS [NOT] MISSING, IS [NOT] NULL,
 * AND/OR/NOT), INSERT INTO t VALUE {...}, UPDATE t SET ... REMOVE ... WHERE ..., DELETE FROM t WHERE ....
 * Literals: 'string', numbers, TRUE/FALSE, NULL, [list], {'map': ...}, <<set>>.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { PartiqlParser } from './parser.ts';
import type { PartiqlStatement } from './statement.ts';

export type { PartiqlStatement } from './statement.ts';

export function parseStatement(statement: string, parameters: AttributeValue[] = []): PartiqlStatement {
  return new PartiqlParser(statement, parameters).statement();
}
