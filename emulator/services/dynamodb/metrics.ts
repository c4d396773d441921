import type { Emulator } from '../../core/emulator.ts';
import { recordMetric, type MetricSource } from '../../core/service-metrics.ts';
import type { DynamoState } from './state.ts';

/**
 * The emulator each state publishes its AWS/DynamoDB metrics through (set when the state is created or revived), and
 * the source they come from, made once.
 */
const publishers = new WeakMap<DynamoState, { emulator: Emulator; source: MetricSource }>();

export function publishMetricsOf(state: DynamoState, emulator: Emulator): void {
  publishers.set(state, { emulator, source: { namespace: 'AWS/DynamoDB', accountId: state.accountId, region: state.region } });
}

/** The state's publisher while CloudWatch is enabled. */
function publisherOf(state: DynamoState) {
  const publisher = publishers.get(state);
  return publisher?.emulator.isEnabled('cloudwatch') ? publisher : undefined;
}

/** A table named by ARN is counted under its name. */
const plainName = (table: string) => (table.startsWith('arn:') ? table.slice(table.indexOf(':table/') + ':table/'.length) : table);

/**
 * ConsumedReadCapacityUnits / ConsumedWriteCapacityUnits of one request, as DynamoDB publishes them: by TableName
 * (the table's own units, local secondary indexes included, since they share the table's capacity) and by TableName
 * and GlobalSecondaryIndexName. A request that names its table by ARN is counted under the table's name.
 */
export function publishConsumed(state: DynamoState, kind: 'read' | 'write', tableName: string, tableUnits: number, globals: Map<string, number> | undefined): void {
  const publisher = publisherOf(state);
  if (!publisher) return;
  const { emulator, source } = publisher;
  const MetricName = kind === 'read' ? 'ConsumedReadCapacityUnits' : 'ConsumedWriteCapacityUnits';
  const name = plainName(tableName);
  if (tableUnits > 0) recordMetric(emulator, source, { MetricName, Dimensions: [{ Name: 'TableName', Value: name }], Unit: 'Count', Value: tableUnits });
  if (globals) for (const [index, units] of globals) {
    recordMetric(emulator, source, {
      MetricName,
      Dimensions: [
        { Name: 'TableName', Value: name },
        { Name: 'GlobalSecondaryIndexName', Value: index },
      ],
      Unit: 'Count',
      Value: units,
    });
  }
}

/** The operations DynamoDB reports SuccessfulRequestLatency for, by TableName and Operation (AWS's metric reference). */
const LATENCY_OPERATIONS = new Set(['PutItem', 'DeleteItem', 'UpdateItem', 'GetItem', 'BatchGetItem', 'Scan', 'Query', 'BatchWriteItem', 'TransactWriteItems', 'TransactGetItems']);

/** The tables a request works on: its TableName, its batch's RequestItems, or its transaction's items. */
function tablesOf(input: { TableName?: unknown; RequestItems?: unknown; TransactItems?: unknown }): string[] {
  if (typeof input.TableName === 'string') return [input.TableName];
  if (input.RequestItems && typeof input.RequestItems === 'object') return Object.keys(input.RequestItems);
  if (!Array.isArray(input.TransactItems)) return [];
  const names = new Set<string>();
  for (const item of input.TransactItems as Record<string, { TableName?: unknown } | undefined>[]) {
    for (const action of Object.values(item ?? {})) if (typeof action?.TableName === 'string') names.add(action.TableName);
  }
  return [...names];
}

/**
 * SuccessfulRequestLatency of one successful request: the time DynamoDB spent on it (elapsed real time, not the
 * emulator clock, which tests may hold still), in milliseconds, by TableName and Operation for each table it touched.
 */
export function publishLatency(state: DynamoState, operation: string, input: object, elapsedMs: number): void {
  const publisher = LATENCY_OPERATIONS.has(operation) ? publisherOf(state) : undefined;
  if (!publisher) return;
  const Value = Math.round(elapsedMs * 1000) / 1000;
  // Most requests name one table: no set of names to build for them.
  const tables = typeof (input as { TableName?: unknown }).TableName === 'string' ? [plainName((input as { TableName: string }).TableName)] : new Set(tablesOf(input).map(plainName));
  for (const table of tables) {
    recordMetric(publisher.emulator, publisher.source, {
      MetricName: 'SuccessfulRequestLatency',
      Dimensions: [
        { Name: 'TableName', Value: table },
        { Name: 'Operation', Value: operation },
      ],
      Unit: 'Milliseconds',
      Value,
    });
  }
}
