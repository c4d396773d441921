import type { ServiceDefinition, Handler } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { contextForTable } from './account-walls.ts';
import { validation } from './errors.ts';
import { publishLatency, publishMetricsOf, reportsLatency } from './metrics.ts';
import { DynamoState } from './state.ts';
import { dynamoPersistence } from './persistence.ts';
import { startTtlSweeper } from './ttl-sweeper.ts';
import { batchGetItem } from './operations/batch-get-item.ts';
import { batchWriteItem } from './operations/batch-write-item.ts';
import { createTable } from './operations/create-table.ts';
import { deleteItem } from './operations/delete-item.ts';
import { getItem } from './operations/get-item.ts';
import { putItem } from './operations/put-item.ts';
import { query } from './operations/query.ts';
import { scan } from './operations/scan.ts';
import { deleteTable, describeTableOperation, listTables } from './operations/table-lifecycle.ts';
import { transactGetItems } from './operations/transact-get-items.ts';
import { transactWriteItems } from './operations/transact-write-items.ts';
import { updateItem } from './operations/update-item.ts';
import { updateTable } from './operations/update-table.ts';
import { describeExport, exportTableToPointInTime, listExports } from './operations/exports.ts';
import { describeImport, importTable, listImports } from './operations/imports.ts';
import { listTagsOfResource, tagResource, untagResource } from './operations/tags.ts';
import { describeTimeToLive, updateTimeToLive } from './operations/time-to-live.ts';
import { describeEndpoints, describeLimits } from './operations/account.ts';
import { describeContinuousBackups, updateContinuousBackups } from './operations/continuous-backups.ts';
import { describeContributorInsights, listContributorInsights, updateContributorInsights } from './operations/contributor-insights.ts';
import {
  describeKinesisStreamingDestination,
  disableKinesisStreamingDestination,
  enableKinesisStreamingDestination,
  updateKinesisStreamingDestination,
} from './operations/kinesis-destinations.ts';
import { createBackup, deleteBackup, describeBackup, listBackups, restoreTableFromBackup, restoreTableToPointInTime } from './operations/backups.ts';
import { deleteResourcePolicy, getResourcePolicy, putResourcePolicy } from './operations/resource-policy.ts';
import { batchExecuteStatement, executeStatement, executeTransaction } from './operations/partiql.ts';
import { describeTableReplicaAutoScaling, updateTableReplicaAutoScaling } from './operations/replica-auto-scaling.ts';
import { createGlobalTable, describeGlobalTable, listGlobalTables, updateGlobalTable } from './operations/global-tables.ts';
import { describeGlobalTableSettings, updateGlobalTableSettings } from './operations/global-table-settings.ts';
import { searchVectors } from './operations/search-vectors.ts';

const handlers: Record<string, Handler<DynamoState>> = {
  CreateTable: createTable,
  DescribeTable: describeTableOperation,
  DeleteTable: deleteTable,
  ListTables: listTables,
  UpdateTable: updateTable,
  PutItem: putItem,
  GetItem: getItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  Query: query,
  Scan: scan,
  BatchGetItem: batchGetItem,
  BatchWriteItem: batchWriteItem,
  TransactWriteItems: transactWriteItems,
  TransactGetItems: transactGetItems,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsOfResource: listTagsOfResource,
  UpdateTimeToLive: updateTimeToLive,
  DescribeTimeToLive: describeTimeToLive,
  DescribeLimits: describeLimits,
  DescribeEndpoints: describeEndpoints,
  DescribeContinuousBackups: describeContinuousBackups,
  UpdateContinuousBackups: updateContinuousBackups,
  DescribeContributorInsights: describeContributorInsights,
  UpdateContributorInsights: updateContributorInsights,
  ListContributorInsights: listContributorInsights,
  EnableKinesisStreamingDestination: enableKinesisStreamingDestination,
  DisableKinesisStreamingDestination: disableKinesisStreamingDestination,
  DescribeKinesisStreamingDestination: describeKinesisStreamingDestination,
  UpdateKinesisStreamingDestination: updateKinesisStreamingDestination,
  CreateBackup: createBackup,
  DescribeBackup: describeBackup,
  ListBackups: listBackups,
  DeleteBackup: deleteBackup,
  RestoreTableFromBackup: restoreTableFromBackup,
  RestoreTableToPointInTime: restoreTableToPointInTime,
  PutResourcePolicy: putResourcePolicy,
  GetResourcePolicy: getResourcePolicy,
  DeleteResourcePolicy: deleteResourcePolicy,
  ExecuteStatement: executeStatement,
  BatchExecuteStatement: batchExecuteStatement,
  ExecuteTransaction: executeTransaction,
  DescribeTableReplicaAutoScaling: describeTableReplicaAutoScaling,
  UpdateTableReplicaAutoScaling: updateTableReplicaAutoScaling,
  CreateGlobalTable: createGlobalTable,
  DescribeGlobalTable: describeGlobalTable,
  ListGlobalTables: listGlobalTables,
  UpdateGlobalTable: updateGlobalTable,
  DescribeGlobalTableSettings: describeGlobalTableSettings,
  UpdateGlobalTableSettings: updateGlobalTableSettings,
  ExportTableToPointInTime: exportTableToPointInTime,
  DescribeExport: describeExport,
  ListExports: listExports,
  ImportTable: importTable,
  DescribeImport: describeImport,
  ListImports: listImports,
  SearchVectors: searchVectors,
};

const TABLE_NAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;

/**
 * TableName members accept ARNs (the model allows 1..1024 characters); plain names still follow the TableName
 * shape's rules, reported in Coral's words.
 */
function checkTableName(input: { TableName?: unknown }) {
  const name = input.TableName;
  if (typeof name !== 'string' || (name.length >= 3 && name.length <= 255 && TABLE_NAME_PATTERN.test(name)) || name.startsWith('arn:')) return;
  const problems: string[] = [];
  const fail = (constraint: string) => problems.push(`Value '${name}' at 'tableName' failed to satisfy constraint: Member must ${constraint}`);
  if (!TABLE_NAME_PATTERN.test(name)) fail('satisfy regular expression pattern: [a-zA-Z0-9_.-]+');
  if (name.length < 3) fail('have length greater than or equal to 3');
  if (name.length > 255) fail('have length less than or equal to 255');
  if (!problems.length) return;
  const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
  throw validation(`${count}: ${problems.join('; ')}`);
}

/**
 * An operation as the core calls it: its table name checked, its context the table's, and, for the operations
 * DynamoDB reports SuccessfulRequestLatency for, timed while CloudWatch is there to take the metric (no clock read
 * for the others).
 */
function tableHandler(operation: string, handler: Handler<DynamoState>): Handler<DynamoState> {
  const timed = reportsLatency(operation);
  return (input, ctx) => {
    checkTableName(input);
    const tableCtx = contextForTable(input, ctx);
    if (!timed || !ctx.emulator.isEnabled('cloudwatch')) return handler(input, tableCtx);
    const started = performance.now();
    const output = handler(input, tableCtx);
    // Most operations answer synchronously: they stay off the promise path (the core awaits only promises).
    if (output instanceof Promise) return output.then((answer) => (publishLatency(tableCtx.state, operation, input, performance.now() - started), answer));
    publishLatency(tableCtx.state, operation, input, performance.now() - started);
    return output;
  };
}

/** Stops each state's TTL sweeper when its emulator stops. */
const stopSweepers = new WeakMap<DynamoState, () => void>();

const service: ServiceDefinition<DynamoState> = {
  name: 'dynamodb',
  model: loadModel('dynamodb'),
  validation: 'coral',
  // UserErrors: HTTP 400s but those with metrics of their own (AWS's metric reference), the core's validation ones too.
  clientErrorMetric: { namespace: 'AWS/DynamoDB', metricName: 'UserErrors', except: ['ProvisionedThroughputExceededException', 'ConditionalCheckFailedException'] },
  handlers: Object.fromEntries(Object.entries(handlers).map(([operation, handler]) => [operation, tableHandler(operation, handler)])),
  createState(accountId, region, emulator) {
    const state = new DynamoState(accountId, region, emulator.clock);
    publishMetricsOf(state, emulator);
    stopSweepers.set(state, startTtlSweeper(state, emulator.clock, () => emulator.changedInBackground('dynamodb')));
    return state;
  },
  persistence: {
    ...dynamoPersistence,
    revive(state, emulator) {
      dynamoPersistence.revive!(state, emulator);
      publishMetricsOf(state, emulator);
      stopSweepers.set(state, startTtlSweeper(state, emulator.clock, () => emulator.changedInBackground('dynamodb')));
    },
  },
  responseCrc32: true,
  jsonErrorType(code) {
    if (code === 'ValidationException') return 'com.amazon.coral.validate#ValidationException';
    if (code === 'SerializationException' || code === 'UnknownOperationException') return `com.amazon.coral.service#${code}`;
    return `com.amazonaws.dynamodb.v20120810#${code}`;
  },
  disposeState(state) {
    stopSweepers.get(state)?.();
  },
};

export default service;
