/**
 * PartiQL errors. AWS prefixes parse failures with "Statement wasn't well formed, can't be processed: "; the detail
 * texts after the prefix are ours (unverified) except where noted.
 */
import { AwsError } from '../../../core/errors.ts';

export const malformed = (detail: string) =>
  new AwsError('ValidationException', `Statement wasn't well formed, can't be processed: ${detail}`, { status: 400 });

export const partiqlValidation = (message: string) => new AwsError('ValidationException', message, { status: 400 });
