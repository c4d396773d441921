import { randomBytes } from 'node:crypto';
import type {
  BackupDescription,
  BackupDetails,
  CreateBackupCommandInput,
  DeleteBackupCommandInput,
  DescribeBackupCommandInput,
  ListBackupsCommandInput,
  RestoreTableFromBackupCommandInput,
  RestoreTableToPointInTimeCommandInput,
} from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { describeTable } from '../describe.ts';
import type { Backup, DynamoState } from '../state.ts';
import type { Table } from '../table.ts';
import type { Item } from '../values.ts';

type Ctx = RequestContext<DynamoState>;

function details(backup: Backup, status: 'AVAILABLE' | 'DELETED' = 'AVAILABLE'): BackupDetails {
  return {
    BackupArn: backup.arn,
    BackupName: backup.name,
    BackupSizeBytes: backup.sizeBytes,
    BackupStatus: status,
    BackupType: 'USER',
    BackupCreationDateTime: backup.created,
  };
}

function description(backup: Backup, status?: 'DELETED'): BackupDescription {
  const source = backup.source;
  const globals = [...source.indexes.values()].filter((i) => i.global);
  const locals = [...source.indexes.values()].filter((i) => !i.global);
  return {
    BackupDetails: details(backup, status),
    SourceTableDetails: {
      TableName: backup.tableName,
      TableId: backup.tableId,
      TableArn: backup.tableArn,
      TableSizeBytes: backup.sizeBytes,
      KeySchema: source.keySchema,
      TableCreationDateTime: source.created,
      ProvisionedThroughput: { ReadCapacityUnits: source.throughput.read, WriteCapacityUnits: source.throughput.write },
      ItemCount: backup.items.length,
      BillingMode: source.billingMode,
    },
    SourceTableFeatureDetails: {
      LocalSecondaryIndexes: locals.length ? locals.map((i) => ({ IndexName: i.name, KeySchema: i.keySchema, Projection: i.projection })) : undefined,
      GlobalSecondaryIndexes: globals.length
        ? globals.map((i) => ({
            IndexName: i.name,
            KeySchema: i.keySchema,
            Projection: i.projection,
            ProvisionedThroughput: i.throughput && { ReadCapacityUnits: i.throughput.read, WriteCapacityUnits: i.throughput.write },
          }))
        : undefined,
      StreamDescription: source.streamSpecification,
      TimeToLiveDescription: { TimeToLiveStatus: source.ttl.status, AttributeName: source.ttl.attribute },
      SSEDescription: source.sse,
    },
  };
}

function backupFor(ctx: Ctx, arn: string): Backup {
  const backup = ctx.state.backups.get(arn);
  if (!backup) throw new AwsError('BackupNotFoundException', `Backup not found: ${arn}`);
  return backup;
}

export function createBackup(input: CreateBackupCommandInput, ctx: Ctx) {
  const table = ctx.state.find(input.TableName!);
  if (!table) throw new AwsError('TableNotFoundException', `Table not found: ${input.TableName}`);
  const created = ctx.emulator.clock.date();
  const backup: Backup = {
    arn: `${table.arn}/backup/${String(created.getTime()).padStart(14, '0')}-${randomBytes(4).toString('hex')}`,
    name: input.BackupName!,
    tableName: table.name,
    tableArn: table.arn,
    tableId: table.id,
    created,
    sizeBytes: table.sizeBytes,
    source: table,
    items: [...table.items.all()].map((e) => e.item),
  };
  ctx.state.backups.set(backup.arn, backup);
  return { BackupDetails: details(backup) };
}

export function describeBackup(input: DescribeBackupCommandInput, ctx: Ctx) {
  return { BackupDescription: description(backupFor(ctx, input.BackupArn!)) };
}

export function deleteBackup(input: DeleteBackupCommandInput, ctx: Ctx) {
  const backup = backupFor(ctx, input.BackupArn!);
  ctx.state.backups.delete(backup.arn);
  return { BackupDescription: description(backup, 'DELETED') };
}

export function listBackups(input: ListBackupsCommandInput, ctx: Ctx) {
  const backups = [...ctx.state.backups.values()]
    .filter((b) => !input.TableName || b.tableName === input.TableName)
    .filter((b) => !input.TimeRangeLowerBound || b.created >= input.TimeRangeLowerBound)
    .filter((b) => !input.TimeRangeUpperBound || b.created < input.TimeRangeUpperBound)
    .sort((a, b) => a.created.getTime() - b.created.getTime());
  return {
    BackupSummaries: backups.map((b) => ({
      TableName: b.tableName,
      TableId: b.tableId,
      TableArn: b.tableArn,
      BackupArn: b.arn,
      BackupName: b.name,
      BackupCreationDateTime: b.created,
      BackupStatus: 'AVAILABLE' as const,
      BackupType: 'USER' as const,
      BackupSizeBytes: b.sizeBytes,
    })),
  };
}

/** A new table with the source's definition and the given items. */
function restore(ctx: Ctx, source: Table, targetName: string, items: Item[], summary: Record<string, unknown>) {
  if (ctx.state.tables.has(targetName)) throw new AwsError('TableAlreadyExistsException', `Table already exists: ${targetName}`);
  const table = source.emptyCopy(ctx.state.tableArn(targetName), ctx.state.changes, targetName);
  for (const item of items) table.write(table.keyOf(item), item);
  ctx.state.tables.set(targetName, table);
  return { TableDescription: { ...describeTable(table, { moment: 'created' }), RestoreSummary: summary } };
}

export function restoreTableFromBackup(input: RestoreTableFromBackupCommandInput, ctx: Ctx) {
  const backup = backupFor(ctx, input.BackupArn!);
  return restore(ctx, backup.source, input.TargetTableName!, backup.items, {
    SourceBackupArn: backup.arn,
    SourceTableArn: backup.tableArn,
    RestoreDateTime: ctx.emulator.clock.date(),
    RestoreInProgress: false,
  });
}

export function restoreTableToPointInTime(input: RestoreTableToPointInTimeCommandInput, ctx: Ctx) {
  const name = input.SourceTableName ?? input.SourceTableArn?.split('/').pop();
  const source = name ? ctx.state.find(name) : undefined;
  if (!source) throw new AwsError('TableNotFoundException', `Table not found: ${name}`);
  if (!source.pointInTimeRecovery?.enabled) {
    throw new AwsError('PointInTimeRecoveryUnavailableException', `Point in time recovery is not enabled for table '${source.name}'`);
  }
  // The items as they were at RestoreDateTime, from the changes kept since recovery was enabled.
  const now = ctx.emulator.clock.now();
  const at = input.UseLatestRestorableTime || !input.RestoreDateTime ? now : input.RestoreDateTime.getTime();
  if (at < source.pointInTimeRecovery.since.getTime() || at > now) {
    // The error shape's documentation in the DynamoDB model.
    throw new AwsError('InvalidRestoreTimeException', 'RestoreDateTime must be between EarliestRestorableDateTime and LatestRestorableDateTime.');
  }
  return restore(ctx, source, input.TargetTableName!, ctx.state.history.itemsAt(source, at), {
    SourceTableArn: source.arn,
    RestoreDateTime: new Date(at),
    RestoreInProgress: false,
  });
}
