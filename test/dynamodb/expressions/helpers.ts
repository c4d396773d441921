import assert from 'node:assert/strict';
import { CreateTableCommand, type AttributeValue, type ScalarAttributeType } from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../emulator/core/errors.ts';
import { ExpressionContext } from '../../../emulator/services/dynamodb/expressions/index.ts';

/** Asserts fn throws DynamoDB's ValidationException with exactly this message. */
export function throwsValidation(fn: () => unknown, message: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof AwsError, `expected AwsError, got ${String(error)}`);
    assert.equal(error.message, message);
    assert.equal(error.code, 'ValidationException');
    assert.equal(error.status, 400);
    return true;
  });
}

export function context(values?: Record<string, AttributeValue>, names?: Record<string, string>): ExpressionContext {
  return new ExpressionContext({ names, values });
}

export const S = (s: string): AttributeValue => ({ S: s });
export const N = (n: string): AttributeValue => ({ N: n });
export const B = (bytes: number[]): AttributeValue => ({ B: Buffer.from(bytes) });

/** CreateTable for an on-demand table keyed by pk, and by sk when its type is given. */
export function keyedTable(TableName: string, pk: ScalarAttributeType, sk?: ScalarAttributeType): CreateTableCommand {
  const keys: [string, ScalarAttributeType, 'HASH' | 'RANGE'][] = [['pk', pk, 'HASH']];
  if (sk) keys.push(['sk', sk, 'RANGE']);
  return new CreateTableCommand({
    TableName,
    AttributeDefinitions: keys.map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: keys.map(([AttributeName, , KeyType]) => ({ AttributeName, KeyType })),
    BillingMode: 'PAY_PER_REQUEST',
  });
}
