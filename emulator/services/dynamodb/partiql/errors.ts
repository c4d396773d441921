/**
 * PartiQL errors. AWS prefixes parse failures with "Statement wasn't well formed, can't be processed: ". Sourced
 * details: "Unexpected token after expression" and the unprefixed "Aliasing is not supported" and "Empty bags are not
 * supported" (paritysuite/dynamodb-conformance tests/tier3/error-messages, pinned against real AWS), "Expected data
 * manipulation" (a real response in awsdocs/aws-sdk-for-javascript-v3#98). The parser's other details ("Unexpected
 * keyword: x", "Unexpected end of statement", "Unterminated string or identifier", "Unexpected character: x") are
 * ours (unverified).
 */
import { AwsError } from '../../../core/errors.ts';

export const malformed = (detail: string) =>
  new AwsError('ValidationException', `Statement wasn't well formed, can't be processed: ${detail}`, { status: 400 });

export const partiqlValidation = (message: string) => new AwsError('ValidationException', message, { status: 400 });
