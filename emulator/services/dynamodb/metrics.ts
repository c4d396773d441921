import type { Emulator } from '../../core/emulator.ts';
import { metricHandle, type MetricHandle, type MetricSource } from '../../core/service-metrics.ts';
import type { DynamoState } from './state.ts';

/** The emulator each state publishes its AWS/DynamoDB metrics through (set when the state is created or revived). */
const emulators = new WeakMap<DynamoState, Emulator>();

export function publishMetricsOf(state: DynamoState, emulator: Emulator): void {
  emulators.set(state, emulator);
}

const sourceOf = (state: DynamoState): MetricSource => ({ namespace: 'AWS/DynamoDB', accountId: state.accountId, region: state.region });

/** A table named by ARN is counted under its name. */
const plainName = (table: string) => (table.startsWith('arn:') ? table.slice(table.indexOf(':table/') + ':table/'.length) : table);

/**
 * Each state's metric handles, by table name, then by what they count: `read`/`write` (the table's units), `read
 * <index>`/`write <index>` (a global secondary index's), or an operation's name (its latency). Found once per table and
 * metric: a request then records without walking the metric's dimensions.
 */
const handles = new WeakMap<DynamoState, Map<string, Map<string, MetricHandle>>>();

/** The handle of a table's metric, by TableName and, when given, a second dimension (its name and value). */
function handleOf(state: DynamoState, emulator: Emulator, table: string, key: string, MetricName: string, Unit: string, second?: string, secondValue = ''): MetricHandle {
  let byTable = handles.get(state);
  if (!byTable) handles.set(state, (byTable = new Map()));
  let byKey = byTable.get(table);
  if (!byKey) byTable.set(table, (byKey = new Map()));
  let handle = byKey.get(key);
  if (!handle) {
    const Dimensions = [{ Name: 'TableName', Value: table }, ...(second ? [{ Name: second, Value: secondValue }] : [])];
    byKey.set(key, (handle = metricHandle(emulator, sourceOf(state), { MetricName, Dimensions, Unit })));
  }
  return handle;
}

/**
 * ConsumedReadCapacityUnits / ConsumedWriteCapacityUnits of one request, as DynamoDB publishes them: by TableName
 * (the table's own units, local secondary indexes included, since they share the table's capacity) and by TableName
 * and GlobalSecondaryIndexName. A request that names its table by ARN is counted under the table's name.
 */
export function publishConsumed(state: DynamoState, kind: 'read' | 'write', tableName: string, tableUnits: number, globals: Map<string, number> | undefined): void {
  const emulator = emulators.get(state);
  if (!emulator?.isEnabled('cloudwatch')) return;
  const MetricName = kind === 'read' ? 'ConsumedReadCapacityUnits' : 'ConsumedWriteCapacityUnits';
  const name = plainName(tableName);
  if (tableUnits > 0) handleOf(state, emulator, name, kind, MetricName, 'Count').record(tableUnits);
  if (globals) for (const [index, units] of globals) {
    handleOf(state, emulator, name, `${kind} ${index}`, MetricName, 'Count', 'GlobalSecondaryIndexName', index).record(units);
  }
}

/** The operations DynamoDB reports SuccessfulRequestLatency for, by TableName and Operation (AWS's metric reference). */
const LATENCY_OPERATIONS = new Set(['PutItem', 'DeleteItem', 'UpdateItem', 'GetItem', 'BatchGetItem', 'Scan', 'Query', 'BatchWriteItem', 'TransactWriteItems', 'TransactGetItems']);

/** Whether DynamoDB reports SuccessfulRequestLatency for this operation. */
export const reportsLatency = (operation: string): boolean => LATENCY_OPERATIONS.has(operation);

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
  const emulator = emulators.get(state);
  if (!emulator?.isEnabled('cloudwatch') || !reportsLatency(operation)) return;
  const Value = Math.round(elapsedMs * 1000) / 1000;
  // Most requests name one table: no set of names to build for them.
  const tables = typeof (input as { TableName?: unknown }).TableName === 'string' ? [plainName((input as { TableName: string }).TableName)] : new Set(tablesOf(input).map(plainName));
  for (const table of tables) handleOf(state, emulator, table, operation, 'SuccessfulRequestLatency', 'Milliseconds', 'Operation', operation).record(Value);
}
