import { AwsError } from '../../core/errors.ts';
import type { BatchResultErrorEntry } from '@aws-sdk/client-sqs';
import { LIMITS } from './limits.ts';

/** Request-level checks every *Batch operation shares: non-empty, at most 10 entries, valid and distinct ids. */
export function validateBatchEntries(entries: { Id?: string }[] | undefined, entryShape: string): void {
  if (!entries || entries.length === 0) {
    throw new AwsError('EmptyBatchRequest', `There should be at least one ${entryShape} in the request.`);
  }
  if (entries.length > LIMITS.maxBatchEntries) {
    throw new AwsError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are ${LIMITS.maxBatchEntries}. You have sent ${entries.length}.`,
    );
  }
  const seen = new Set<string>();
  for (const { Id } of entries) {
    if (!Id || !/^[A-Za-z0-9_-]{1,80}$/.test(Id)) {
      throw new AwsError(
        'InvalidBatchEntryId',
        'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
      );
    }
    if (seen.has(Id)) throw new AwsError('BatchEntryIdsNotDistinct', `Id ${Id} repeated.`);
    seen.add(Id);
  }
}

/**
 * Runs each entry; AwsErrors become `Failed` entries (as AWS reports them), anything else propagates. Empty lists
 * are left out, as AWS leaves them out.
 */
export function runBatch<Entry extends { Id?: string }, Result>(
  entries: Entry[],
  run: (entry: Entry) => Result,
): { Successful?: Result[]; Failed?: BatchResultErrorEntry[] } {
  const Successful: Result[] = [];
  const Failed: BatchResultErrorEntry[] = [];
  for (const entry of entries) {
    try {
      Successful.push(run(entry));
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      Failed.push({ Id: entry.Id, Code: error.code, Message: error.message, SenderFault: error.sender });
    }
  }
  return { Successful: Successful.length ? Successful : undefined, Failed: Failed.length ? Failed : undefined };
}
