import { randomBytes } from 'node:crypto';

const ID_BYTES = 168;

/** RecordIds as PutRecord and PutRecordBatch answer them: 224 characters of opaque base64 each. */
export function newRecordIds(count: number): string[] {
  const random = randomBytes(ID_BYTES * count);
  return Array.from({ length: count }, (_, i) => random.toString('base64', i * ID_BYTES, (i + 1) * ID_BYTES));
}
