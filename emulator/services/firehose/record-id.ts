import { randomBytes } from 'node:crypto';

/** A RecordId as PutRecord answers it: 224 characters of opaque base64. */
export function newRecordId(): string {
  return randomBytes(168).toString('base64');
}
