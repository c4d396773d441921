import { parseArn } from '../../../core/arn.ts';
import type { Emulator } from '../../../core/emulator.ts';
import type { Caller } from '../../../core/service.ts';
import type { EventSourceMapping, LambdaState } from '../state.ts';

/** What a stream mapping hands its on-failure destination: the invocation record, and the batch it failed with. */
export interface FailedBatch {
  record: Record<string, unknown>;
  shardId: string;
  /** The invocation payload (`{Records: [...]}`), which only an S3 destination receives. */
  payload: Record<string, unknown>;
}

/**
 * `aws/lambda/<mapping UUID>/<shard>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<random UUID>`: where AWS writes a record to an S3
 * destination, named from the record's timestamp (AWS-recorded in LocalStack's s3_on_failure_destination tests).
 */
function objectKey(uuid: string, shardId: string, timestamp: string): string {
  const [date, time] = timestamp.split('T');
  return `aws/lambda/${uuid}/${shardId}/${date.replaceAll('-', '/')}/${date}T${time.slice(0, 8).replaceAll(':', '.')}-${crypto.randomUUID()}`;
}

/**
 * Sends a failed batch's record to the mapping's on-failure destination as AWS does: an SQS queue or SNS topic gets
 * the record as its message; an S3 bucket gets an object holding the record and the invocation payload, written with
 * the function's execution role (`caller`), which needs s3:PutObject. Delivery failures are dropped, as AWS drops them.
 */
export function sendFailedBatch(emulator: Emulator, state: LambdaState, mapping: EventSourceMapping, caller: Caller, failed: FailedBatch): void {
  const destination = mapping.config.DestinationConfig?.OnFailure?.Destination;
  if (!destination) return;
  if (parseArn(destination)?.service === 's3') {
    const Bucket = parseArn(destination)!.resource;
    const Key = objectKey(mapping.config.UUID!, failed.shardId, failed.record.timestamp as string);
    const Body = Buffer.from(JSON.stringify({ ...failed.record, payload: failed.payload }));
    emulator.call('s3', 'PutObject', { Bucket, Key, Body, ContentType: 'application/json' }, { caller, region: state.region, accountId: state.accountId }).catch(() => undefined);
    return;
  }
  const from = { servicePrincipal: 'lambda.amazonaws.com', sourceArn: mapping.config.EventSourceMappingArn!, accountId: state.accountId, region: state.region, asCaller: caller };
  emulator.deliverInBackground(destination, { body: JSON.stringify(failed.record) }, from);
}
