import { createHash } from 'node:crypto';
import { AwsError } from '../../core/errors.ts';

/** The SSE-C members of a request (or the copy source's, renamed). */
export interface CustomerKeyInput {
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
}

/** AWS names the SSE header in every SSE-C argument error, whichever SSE-C header was wrong. */
const ARGUMENT = 'x-amz-server-side-encryption';

function invalid(message: string): AwsError {
  return new AwsError('InvalidArgument', message, { status: 400, fields: { ArgumentName: ARGUMENT } });
}

export function hasCustomerKey(input: CustomerKeyInput): boolean {
  return input.SSECustomerAlgorithm !== undefined || input.SSECustomerKey !== undefined || input.SSECustomerKeyMD5 !== undefined;
}

/**
 * The key MD5 of an SSE-C request, after AWS's checks in AWS's order: algorithm, key, key size (on writes: a read
 * with a key of another size is simply not the object's key), the key's MD5.
 */
export function customerKeyMd5(input: CustomerKeyInput, use: 'write' | 'read'): string | undefined {
  if (!hasCustomerKey(input)) return undefined;
  const algorithm = input.SSECustomerAlgorithm;
  if (algorithm === undefined) throw invalid('Requests specifying Server Side Encryption with Customer provided keys must provide a valid encryption algorithm.');
  if (algorithm !== 'AES256') {
    throw new AwsError('InvalidEncryptionAlgorithmError', 'The Encryption request you specified is not valid. Supported value: AES256.', {
      status: 400,
      fields: { ArgumentName: ARGUMENT, ArgumentValue: algorithm },
    });
  }
  if (input.SSECustomerKey === undefined) throw invalid('Requests specifying Server Side Encryption with Customer provided keys must provide an appropriate secret key.');
  const key = Buffer.from(input.SSECustomerKey, 'base64');
  if (use === 'write' && key.length !== 32) throw invalid('The secret key was invalid for the specified algorithm.');
  if (input.SSECustomerKeyMD5 === undefined) {
    throw invalid('Requests specifying Server Side Encryption with Customer provided keys must provide the client calculated MD5 of the secret key.');
  }
  const md5 = createHash('md5').update(key).digest('base64');
  if (input.SSECustomerKeyMD5 !== md5) throw invalid('The calculated MD5 hash of the key did not match the hash that was provided.');
  return md5;
}
