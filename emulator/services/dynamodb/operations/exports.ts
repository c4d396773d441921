import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type {
  DescribeExportCommandInput,
  ExportDescription,
  ExportTableToPointInTimeCommandInput,
  ListExportsCommandInput,
} from '@aws-sdk/client-dynamodb';
import { AwsError, CommonErrors } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { itemToJson } from '../s3-data/dynamodb-json.ts';
import { putObject } from '../s3-data/s3-io.ts';
import type { DynamoState } from '../state.ts';
import { jobId, pageOf, progressed } from './jobs.ts';

type Ctx = RequestContext<DynamoState>;

/** An export as DescribeExport shows it once done; the status follows the emulator clock (see `progressed`). */
export interface ExportJob {
  description: ExportDescription;
  /** The request's parameters, to tell a repeated ClientToken from a conflicting one. */
  fingerprint: string;
}

/** Where an export's objects go: `prefix/AWSDynamoDB/<export id>/`. */
function exportFolder(prefix: string | undefined, id: string): string {
  return `${prefix ? `${prefix.replace(/\/$/, '')}/` : ''}AWSDynamoDB/${id}/`;
}

/** AWS names data files with 26 lower-case letters and digits. */
function dataFileName(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return [...randomBytes(26)].map((b) => alphabet[b % 32]).join('');
}

const md5 = (data: Buffer, encoding: 'hex' | 'base64') => createHash('md5').update(data).digest(encoding);

/**
 * Writes a full export in AWS's layout (DynamoDB Developer Guide, "DynamoDB table export output format"): `_started`,
 * one gzipped DynamoDB JSON data file (one `{"Item":…}` line per item; a table here is one partition), the
 * `manifest-files.json` lines, the `manifest-summary.json`, and each manifest's `.checksum` (the MD5 of its
 * manifest in hex). The items are the table's as they are now: no item history is kept for an earlier ExportTime.
 */
async function writeExport(ctx: Ctx, job: ExportDescription, id: string) {
  const table = ctx.state.find(job.TableArn!)!;
  const bucket = job.S3Bucket!;
  const folder = exportFolder(job.S3Prefix, id);
  const sse = job.S3SseAlgorithm ? { ServerSideEncryption: job.S3SseAlgorithm === 'KMS' ? 'aws:kms' : 'AES256', SSEKMSKeyId: job.S3SseKmsKeyId } : {};
  await putObject(ctx, bucket, `${folder}_started`, Buffer.alloc(0), sse);
  const items = [...table.items.all()].map((entry) => `${JSON.stringify({ Item: itemToJson(entry.item) })}\n`);
  const data = gzipSync(Buffer.from(items.join('')));
  const dataKey = `${folder}data/${dataFileName()}.json.gz`;
  const etag = await putObject(ctx, bucket, dataKey, data, sse);
  const files = Buffer.from(`${JSON.stringify({ itemCount: items.length, md5Checksum: md5(data, 'base64'), etag, dataFileS3Key: dataKey })}\n`);
  await putObject(ctx, bucket, `${folder}manifest-files.json`, files, sse);
  await putObject(ctx, bucket, `${folder}manifest-files.checksum`, Buffer.from(md5(files, 'hex')), sse);
  const summary = Buffer.from(JSON.stringify({
    version: '2020-06-30',
    exportArn: job.ExportArn,
    startTime: job.StartTime!.toISOString(),
    endTime: job.EndTime!.toISOString(),
    tableArn: job.TableArn,
    tableId: job.TableId,
    exportTime: job.ExportTime!.toISOString(),
    s3Bucket: bucket,
    s3Prefix: job.S3Prefix ?? null,
    s3SseAlgorithm: job.S3SseAlgorithm,
    s3SseKmsKeyId: job.S3SseKmsKeyId ?? null,
    manifestFilesS3Key: `${folder}manifest-files.json`,
    billedSizeBytes: job.BilledSizeBytes,
    itemCount: items.length,
    outputFormat: job.ExportFormat,
    exportType: job.ExportType,
  }));
  await putObject(ctx, bucket, `${folder}manifest-summary.json`, summary, sse);
  await putObject(ctx, bucket, `${folder}manifest-summary.checksum`, Buffer.from(md5(summary, 'hex')), sse);
  job.ItemCount = items.length;
}

export async function exportTableToPointInTime(input: ExportTableToPointInTimeCommandInput, ctx: Ctx) {
  const fingerprint = JSON.stringify({ ...input, ClientToken: undefined });
  if (input.ClientToken) {
    const previous = [...ctx.state.exports.values()].find((job) => job.description.ClientToken === input.ClientToken);
    if (previous && previous.fingerprint !== fingerprint) throw new AwsError('ExportConflictException', 'There was a conflict when writing to the specified S3 bucket.');
    if (previous) return { ExportDescription: progressed(previous.description, ctx) };
  }
  const table = ctx.state.find(input.TableArn!);
  if (!table) throw new AwsError('TableNotFoundException', `Table not found: ${input.TableArn}`);
  const pitr = table.pointInTimeRecovery;
  if (!pitr?.enabled) throw new AwsError('PointInTimeRecoveryUnavailableException', `Point in time recovery is not enabled for table '${table.name}'`);
  if ((input.ExportType ?? 'FULL_EXPORT') !== 'FULL_EXPORT' || input.IncrementalExportSpecification) throw CommonErrors.notImplemented('dynamodb', 'ExportTableToPointInTime of an incremental export');
  if (input.ExportFormat === 'ION') throw CommonErrors.notImplemented('dynamodb', 'ExportTableToPointInTime in the ION format');
  const now = ctx.emulator.clock.date();
  const exportTime = input.ExportTime ?? now;
  if (exportTime.getTime() > now.getTime() || exportTime.getTime() < pitr.since.getTime()) {
    throw new AwsError('InvalidExportTimeException', `Export time ${exportTime.toISOString()} is outside the point in time recovery window of table '${table.name}'`);
  }
  const { id, started, ends } = jobId(now);
  const arn = `${table.arn}/export/${id}`;
  const description: ExportDescription = {
    ExportArn: arn,
    ExportStatus: 'COMPLETED',
    StartTime: started,
    EndTime: ends,
    ExportManifest: `${exportFolder(input.S3Prefix, id)}manifest-summary.json`,
    TableArn: table.arn,
    TableId: table.id,
    ExportTime: exportTime,
    ClientToken: input.ClientToken ?? randomBytes(16).toString('hex'),
    S3Bucket: input.S3Bucket,
    S3BucketOwner: input.S3BucketOwner,
    S3Prefix: input.S3Prefix,
    S3SseAlgorithm: input.S3SseAlgorithm ?? 'AES256',
    S3SseKmsKeyId: input.S3SseKmsKeyId,
    ExportFormat: input.ExportFormat ?? 'DYNAMODB_JSON',
    BilledSizeBytes: table.sizeBytes,
    ItemCount: 0,
    ExportType: 'FULL_EXPORT',
  };
  try {
    await writeExport(ctx, description, id);
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    // The export was accepted; writing to the bucket failed, as AWS reports it on the export.
    Object.assign(description, { ExportStatus: 'FAILED', FailureCode: error.code, FailureMessage: error.message, BilledSizeBytes: 0 });
  }
  ctx.state.exports.set(arn, { description, fingerprint });
  return { ExportDescription: progressed(description, ctx) };
}

export function describeExport(input: DescribeExportCommandInput, ctx: Ctx) {
  const job = ctx.state.exports.get(input.ExportArn!);
  if (!job) throw new AwsError('ExportNotFoundException', `Export not found: ${input.ExportArn}`);
  return { ExportDescription: progressed(job.description, ctx) };
}

export function listExports(input: ListExportsCommandInput, ctx: Ctx) {
  const all = [...ctx.state.exports.values()]
    .map((job) => progressed(job.description, ctx))
    .filter((d) => !input.TableArn || d.TableArn === input.TableArn);
  const { items, next } = pageOf(all, (d) => d.ExportArn!, input.NextToken, input.MaxResults);
  return { ExportSummaries: items.map((d) => ({ ExportArn: d.ExportArn, ExportStatus: d.ExportStatus, ExportType: d.ExportType })), NextToken: next };
}
