import assert from 'node:assert/strict';

/** An error as the AWS SDK v3 throws it: the exception name and the HTTP status. */
export type SdkError = Error & { $metadata: { httpStatusCode: number } };

/** An `assert.rejects` validator: the SDK error name, HTTP status and (when given) the exact message. */
export function expectError(code: string, status: number, message?: string) {
  return (e: SdkError) => {
    assert.equal(e.name, code);
    assert.equal(e.$metadata.httpStatusCode, status);
    if (message !== undefined) assert.equal(e.message, message);
    return true;
  };
}

/** The error a request fails with (an assertion error when it succeeds), for comparing its name and message. */
export async function rejection(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new assert.AssertionError({ message: 'expected the request to fail' });
}
