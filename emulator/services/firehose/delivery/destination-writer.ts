import { randomUUID } from 'node:crypto';
import type {
  BufferingHints,
  ExtendedS3DestinationConfiguration,
  HttpEndpointDestinationConfiguration,
  ProcessingConfiguration,
  S3DestinationConfiguration,
  SplunkDestinationConfiguration,
} from '@aws-sdk/client-firehose';
import type { Emulator } from '../../../core/emulator.ts';
import { extendedS3, type Destination } from '../destinations.ts';
import type { FirehoseState } from '../state.ts';
import type { BufferedRecord, DeliveryStream } from '../stream.ts';
import { compress, FILE_EXTENSIONS, type CompressionFormat } from './compression.ts';
import { evaluateErrorPrefix, evaluatePrefix } from './prefix.ts';
import { processRecords, type FailedRecord, type ProcessedRecord } from './processing.ts';
import { conversionEnabled, conversionExtension, parquetOf, parseForConversion } from './format-conversion.ts';
import { sendToEndpoint } from './http-endpoint.ts';
import { indexDocuments, type SearchConfig } from './opensearch.ts';
import { searchSigner } from './search-signing.ts';
import { firehoseCaller, objectSuffix, writeObject } from './s3-writer.ts';
import { sendToSplunk } from './splunk.ts';
import { groupBy } from '../../../core/group-by.ts';

/** The buffering hints that decide when a stream's buffer is delivered. */
export function bufferingHints(destination: Destination): BufferingHints {
  if (destination.kind === 'ExtendedS3') return extendedS3(destination.config).BufferingHints!;
  // Redshift buffers as its intermediate S3 bucket says.
  const config = destination.kind === 'Redshift' ? (destination.config.S3Configuration as Record<string, unknown> | undefined) : destination.config;
  const hints = config?.BufferingHints as BufferingHints | undefined;
  // Splunk's default interval is 60 s (SplunkBufferingHints), Snowflake's 0 s with 128 MiB (SnowflakeBufferingHints); the others' 5 MiB and 300 s.
  if (destination.kind === 'Snowflake') return { SizeInMBs: hints?.SizeInMBs ?? 128, IntervalInSeconds: hints?.IntervalInSeconds ?? 0 };
  return { SizeInMBs: hints?.SizeInMBs ?? 5, IntervalInSeconds: hints?.IntervalInSeconds ?? (destination.kind === 'Splunk' ? 60 : 300) };
}

interface Batch {
  emulator: Emulator;
  state: FirehoseState;
  stream: DeliveryStream;
  alive: () => boolean;
}

function oldest(records: { source: BufferedRecord }[] | BufferedRecord[]): number {
  let min = Infinity;
  for (const r of records) min = Math.min(min, 'source' in r ? r.source.arrival : r.arrival);
  return min;
}

/** Writes failed records to the error output: one JSON document per line, under the error prefix of their type. */
async function writeFailures(batch: Batch, s3: S3DestinationConfiguration & { CustomTimeZone?: string }, failed: FailedRecord[]) {
  const byType = groupBy(failed, (f) => f.errorOutputType);
  for (const [type, records] of byType) {
    const time = oldest(records);
    const prefix = evaluateErrorPrefix(s3.ErrorOutputPrefix, { time, timeZone: s3.CustomTimeZone, errorOutputType: type });
    await writeObject(
      batch.emulator,
      {
        bucketArn: s3.BucketARN!,
        key: prefix + objectSuffix(batch.stream, time, s3.CustomTimeZone, ''),
        body: Buffer.from(records.map((r) => JSON.stringify(r.document)).join('\n') + '\n'),
        caller: firehoseCaller(batch.stream, batch.state.accountId, s3.RoleARN),
        region: batch.state.region,
      },
      batch.alive,
    );
  }
}

/**
 * Writes records as objects of an S3 destination: grouped by evaluated prefix (dynamic partitions), compressed, or
 * each group `converted` (record format conversion) into one file with that extension.
 */
async function writeRecords(batch: Batch, s3: ExtendedS3DestinationConfiguration, records: ProcessedRecord[], converted?: { extension: string; encode(group: ProcessedRecord[]): Promise<Buffer> }) {
  const format = (s3.CompressionFormat ?? 'UNCOMPRESSED') as CompressionFormat;
  const extension = s3.FileExtension ?? converted?.extension ?? FILE_EXTENSIONS[format];
  const time = oldest(records);
  // Records with the same partition keys share an object: the prefix is evaluated once per key set.
  const partitions = groupBy(records, (r) => JSON.stringify([r.queryKeys, r.lambdaKeys]));
  for (const group of partitions.values()) {
    const prefix = evaluatePrefix(s3.Prefix, { time, timeZone: s3.CustomTimeZone, queryKeys: group[0].queryKeys, lambdaKeys: group[0].lambdaKeys });
    const suffix = objectSuffix(batch.stream, time, s3.CustomTimeZone, extension);
    const body = converted ? await converted.encode(group) : compress(format, Buffer.concat(group.map((r) => r.data)), suffix.slice(0, suffix.length - extension.length));
    await writeObject(
      batch.emulator,
      { bucketArn: s3.BucketARN!, key: prefix + suffix, body, caller: firehoseCaller(batch.stream, batch.state.accountId, s3.RoleARN), region: batch.state.region },
      batch.alive,
    );
  }
}

async function deliverToS3(batch: Batch, records: BufferedRecord[]) {
  const config = extendedS3(batch.stream.destination.config);
  const caller = firehoseCaller(batch.stream, batch.state.accountId, config.RoleARN);
  const result = await processRecords(records, config.ProcessingConfiguration, { emulator: batch.emulator, stream: batch.stream, caller, region: batch.state.region });
  const conversion = config.DataFormatConversionConfiguration;
  if (conversionEnabled(conversion)) {
    const parsed = parseForConversion(result.ok, conversion, batch.state.region, batch.emulator.clock.now());
    result.ok = result.ok.filter((r) => parsed.rows.has(r));
    result.failed.push(...parsed.failed);
    const encode = (group: ProcessedRecord[]) => parquetOf(group.flatMap((r) => parsed.rows.get(r)!), conversion);
    if (result.ok.length) await writeRecords(batch, config, result.ok, { extension: conversionExtension(conversion), encode });
  } else if (result.ok.length) await writeRecords(batch, config, result.ok);
  if (result.failed.length) await writeFailures(batch, config, result.failed);
  if (config.S3BackupMode === 'Enabled' && config.S3BackupConfiguration) {
    const backup = config.S3BackupConfiguration;
    await writeRecords(batch, backup, records.map((source) => ({ source, data: source.data })));
  }
}

/**
 * An HTTP endpoint destination (see http-endpoint.ts); records it did not take after the retries (or all, with
 * S3BackupMode AllData) go to its S3 bucket, failures under the `http-endpoint-failed` error prefix.
 */
async function deliverToHttpEndpoint(batch: Batch, records: BufferedRecord[]) {
  const config = batch.stream.destination.config as unknown as HttpEndpointDestinationConfiguration;
  const caller = firehoseCaller(batch.stream, batch.state.accountId, config.RoleARN);
  const result = await processRecords(records, config.ProcessingConfiguration, { emulator: batch.emulator, stream: batch.stream, caller, region: batch.state.region });
  const s3 = config.S3Configuration!;
  const outcome = result.ok.length
    ? await sendToEndpoint(batch.emulator, config, batch.stream.arn, result.ok.map((r) => r.data), randomUUID(), batch.alive)
    : { delivered: true, attempts: 0 };
  const now = batch.emulator.clock.now();
  const failed = [
    ...result.failed,
    ...(outcome.delivered
      ? []
      : result.ok.map((r) => ({
          source: r.source,
          errorOutputType: 'http-endpoint-failed',
          document: { attemptsMade: outcome.attempts, arrivalTimestamp: r.source.arrival, errorCode: outcome.errorCode, errorMessage: outcome.errorMessage, attemptEndingTimestamp: now, rawData: r.data.toString('base64'), httpEndpointName: config.EndpointConfiguration?.Name },
        }))),
  ];
  if (failed.length) await writeFailures(batch, s3, failed);
  if (config.S3BackupMode === 'AllData') await writeRecords(batch, s3, records.map((source) => ({ source, data: source.data })));
}

/**
 * Redshift: Firehose's first step, the (processed) records written to the intermediate bucket of S3Configuration
 * (and to S3BackupConfiguration when S3BackupMode is Enabled), is real; the COPY into the cluster is not run, as
 * twinstack serves no Redshift.
 */
async function deliverToRedshift(batch: Batch, records: BufferedRecord[]) {
  const config = batch.stream.destination.config as { RoleARN?: string; ProcessingConfiguration?: ProcessingConfiguration; S3Configuration: S3DestinationConfiguration; S3BackupMode?: string; S3BackupConfiguration?: S3DestinationConfiguration };
  const caller = firehoseCaller(batch.stream, batch.state.accountId, config.RoleARN);
  const result = await processRecords(records, config.ProcessingConfiguration, { emulator: batch.emulator, stream: batch.stream, caller, region: batch.state.region });
  if (result.ok.length) await writeRecords(batch, config.S3Configuration, result.ok);
  if (result.failed.length) await writeFailures(batch, config.S3Configuration, result.failed);
  if (config.S3BackupMode === 'Enabled' && config.S3BackupConfiguration) await writeRecords(batch, config.S3BackupConfiguration, records.map((source) => ({ source, data: source.data })));
}

type BackedUpConfig = { RoleARN?: string; ProcessingConfiguration?: ProcessingConfiguration; S3BackupMode?: string; S3Configuration?: S3DestinationConfiguration };

/** What a destination with an S3 bucket for failures writes there: failed records under its error type, all of them in an All* backup mode. */
async function backUp(batch: Batch, config: BackedUpConfig, records: BufferedRecord[], failed: FailedRecord[]) {
  const s3 = config.S3Configuration!;
  // AWS appends the error type (`AmazonOpenSearchService-failed/`, `splunk-failed/`) to the bucket's prefix.
  if (failed.length) await writeFailures(batch, { ...s3, ErrorOutputPrefix: s3.ErrorOutputPrefix ?? s3.Prefix }, failed);
  if (/^All/.test(config.S3BackupMode ?? '')) await writeRecords(batch, s3, records.map((source) => ({ source, data: source.data })));
}

/**
 * OpenSearch Service and Elasticsearch with a ClusterEndpoint, and OpenSearch Serverless collections by their
 * CollectionEndpoint: indexed for real through the `_bulk` API (see opensearch.ts), signed with SigV4 for `es` or
 * `aoss` as the stream's role, as AWS signs (search-signing.ts). Collections have no index rotation and Firehose sets
 * no document ids for them. A destination named by DomainARN only keeps its S3 backup: twinstack serves no OpenSearch
 * domains.
 */
async function deliverToSearch(batch: Batch, records: BufferedRecord[]) {
  const given = batch.stream.destination.config as BackedUpConfig & SearchConfig & { CollectionEndpoint?: string };
  const serverless = batch.stream.destination.kind === 'AmazonOpenSearchServerless';
  const config = serverless ? { ...given, ClusterEndpoint: given.CollectionEndpoint, IndexRotationPeriod: 'NoRotation', DocumentIdOptions: { DefaultDocumentIdFormat: 'NO_DOCUMENT_ID' } } : given;
  if (!config.ClusterEndpoint) return deliverToBackupOnly(batch, records);
  const caller = firehoseCaller(batch.stream, batch.state.accountId, config.RoleARN);
  const result = await processRecords(records, config.ProcessingConfiguration, { emulator: batch.emulator, stream: batch.stream, caller, region: batch.state.region });
  const signing = { roleArn: config.RoleARN, accountId: batch.state.accountId, streamRegion: batch.state.region, endpoint: config.ClusterEndpoint, serverless };
  const { failures, attempts } = result.ok.length
    ? await indexDocuments(batch.emulator, config, result.ok, batch.alive, await searchSigner(batch.emulator, signing))
    : { failures: [], attempts: 0 };
  const now = batch.emulator.clock.now();
  const failed: FailedRecord[] = [
    ...result.failed,
    ...failures.map((f) => ({
      source: f.record.source,
      // Serverless failures named after their destination type, as the OpenSearch Service's are.
      errorOutputType: serverless ? 'AmazonOpenSearchServerless-failed' : 'AmazonOpenSearchService-failed',
      document: { attemptsMade: attempts, arrivalTimestamp: f.record.source.arrival, errorCode: f.errorCode, errorMessage: f.errorMessage, attemptEndingTimestamp: now, rawData: f.record.data.toString('base64'), esDocumentId: f.documentId, esIndexName: f.index, esTypeName: config.TypeName },
    })),
  ];
  await backUp(batch, config, records, failed);
}

/** Splunk: sent for real to its HTTP Event Collector with indexer acknowledgment (see splunk.ts). */
async function deliverToSplunk(batch: Batch, records: BufferedRecord[]) {
  const config = batch.stream.destination.config as unknown as SplunkDestinationConfiguration & BackedUpConfig;
  const caller = firehoseCaller(batch.stream, batch.state.accountId, config.RoleARN);
  const result = await processRecords(records, config.ProcessingConfiguration, { emulator: batch.emulator, stream: batch.stream, caller, region: batch.state.region });
  const outcome = result.ok.length ? await sendToSplunk(batch.emulator, config, result.ok.map((r) => r.data), batch.alive) : undefined;
  const now = batch.emulator.clock.now();
  const failed: FailedRecord[] = [
    ...result.failed,
    ...(!outcome || outcome.result.ok
      ? []
      : result.ok.map((r) => ({
          source: r.source,
          errorOutputType: 'splunk-failed',
          document: { attemptsMade: outcome.attempts, arrivalTimestamp: r.source.arrival, errorCode: outcome.result.ok ? undefined : outcome.result.errorCode, errorMessage: outcome.result.ok ? undefined : outcome.result.errorMessage, attemptEndingTimestamp: now, rawData: r.data.toString('base64'), EventId: r.source.id },
        }))),
  ];
  await backUp(batch, config, records, failed);
}

/**
 * Destinations twinstack does not reach (OpenSearch domains by ARN, Snowflake, Iceberg tables) keep
 * their S3 backup: with a backup mode that copies every record (AllDocuments, AllEvents, AllData), the records land in
 * its bucket; with a failed-only mode nothing is written, since nothing failed that AWS would have delivered.
 */
async function deliverToBackupOnly(batch: Batch, records: BufferedRecord[]) {
  const config = batch.stream.destination.config as { S3BackupMode?: string; S3Configuration?: S3DestinationConfiguration };
  if (!config.S3Configuration || !/^All/.test(config.S3BackupMode ?? '')) return;
  await writeRecords(batch, config.S3Configuration, records.map((source) => ({ source, data: source.data })));
}

/** Delivers one buffer of records to the stream's destination. */
export function deliverBatch(emulator: Emulator, state: FirehoseState, stream: DeliveryStream, records: BufferedRecord[], alive: () => boolean): Promise<void> {
  const batch = { emulator, state, stream, alive };
  if (stream.destination.kind === 'ExtendedS3') return deliverToS3(batch, records);
  if (stream.destination.kind === 'HttpEndpoint') return deliverToHttpEndpoint(batch, records);
  if (stream.destination.kind === 'Redshift') return deliverToRedshift(batch, records);
  if (stream.destination.kind === 'Amazonopensearchservice' || stream.destination.kind === 'Elasticsearch' || stream.destination.kind === 'AmazonOpenSearchServerless') {
    return deliverToSearch(batch, records);
  }
  if (stream.destination.kind === 'Splunk') return deliverToSplunk(batch, records);
  return deliverToBackupOnly(batch, records);
}
