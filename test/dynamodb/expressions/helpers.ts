import assert from 'node:assert/strict';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
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
