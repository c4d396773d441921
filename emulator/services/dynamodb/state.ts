import type { Clock } from '../../core/clock.ts';
import { buildArn, parseArn } from '../../core/arn.ts';
import { ChangeHub } from './changes.ts';
import { PitrHistory } from './pitr-history.ts';
import { resourceNotFound, tableNotFound, validation } from './errors.ts';
import { StreamRegistry } from './streams.ts';
import type { ExportJob } from './operations/exports.ts';
import type { ImportJob } from './operations/imports.ts';
import type { Table } from './table.ts';
import type { Item } from './values.ts';

export interface Backup {
  arn: string;
  name: string;
  tableName: string;
  tableArn: string;
  tableId: string;
  created: Date;
  sizeBytes: number;
  /** The table as it was: its definition is rebuilt from `source`, its items from `items`. */
  source: Table;
  items: Item[];
}

/** A transaction's idempotency record, kept for AWS's 10-minute window. */
export interface TransactionToken {
  fingerprint: string;
  at: number;
  result: unknown;
}

/** DynamoDB's state for one account and region. */
export class DynamoState {
  readonly tables = new Map<string, Table>();
  readonly changes: ChangeHub;
  readonly streams: StreamRegistry;
  /** Item changes of tables with point-in-time recovery on. */
  readonly history = new PitrHistory();
  readonly backups = new Map<string, Backup>();
  readonly transactionTokens = new Map<string, TransactionToken>();
  /** Exports to S3 and imports from S3, by ARN. */
  readonly exports = new Map<string, ExportJob>();
  readonly imports = new Map<string, ImportJob>();
  /** The account's AWS managed KMS key for DynamoDB (alias/aws/dynamodb), created on first use. */
  managedKmsKeyId?: string;

  constructor(
    readonly accountId: string,
    readonly region: string,
    clock: Clock,
  ) {
    this.changes = new ChangeHub(clock);
    this.streams = new StreamRegistry(this.changes, region);
    this.history.listenTo(this.changes);
  }

  tableArn(name: string): string {
    return buildArn({ service: 'dynamodb', region: this.region, accountId: this.accountId, resource: `table/${name}` });
  }

  /** Item operations: a missing table is a bare "Requested resource not found". */
  table(nameOrArn: string): Table {
    const table = this.find(nameOrArn);
    if (!table) throw resourceNotFound();
    return table;
  }

  /** Table operations name the missing table. */
  namedTable(nameOrArn: string): Table {
    const table = this.find(nameOrArn);
    if (!table) throw tableNotFound(nameOrArn);
    return table;
  }

  /** A table ARN finds only this account's and region's tables. */
  find(nameOrArn: string): Table | undefined {
    const arn = nameOrArn.startsWith('arn:') ? parseArn(nameOrArn) : undefined;
    if (arn && (arn.accountId !== this.accountId || arn.region !== this.region)) return undefined;
    return this.tables.get(tableNameOf(nameOrArn));
  }

  /** A table from a resource ARN (tags, resource policies), also accepting index and stream ARNs' table part. */
  tableByArn(arn: string): Table {
    const parts = parseArn(arn);
    const name = parts?.service === 'dynamodb' && /^\d{12}$/.test(parts.accountId) ? /^table\/([^/]+)/.exec(parts.resource)?.[1] : undefined;
    const table = name !== undefined && parts!.region === this.region && parts!.accountId === this.accountId ? this.tables.get(name) : undefined;
    if (!table) {
      if (name === undefined) throw validation(`Invalid TableArn: Invalid ResourceArn provided as input ${arn}`);
      throw resourceNotFound(`ResourceArn: ${arn} not found`);
    }
    return table;
  }
}

/** TableName parameters accept a table name or its ARN. */
export function tableNameOf(nameOrArn: string): string {
  const arn = nameOrArn.startsWith('arn:') ? parseArn(nameOrArn) : undefined;
  const name = arn?.service === 'dynamodb' && /^\d{12}$/.test(arn.accountId) ? /^table\/([^/]+)$/.exec(arn.resource)?.[1] : undefined;
  return name ?? nameOrArn;
}
