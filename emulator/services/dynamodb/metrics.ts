import type { Emulator } from '../../core/emulator.ts';
import { recordMetric, type MetricSource } from '../../core/service-metrics.ts';
import type { DynamoState } from './state.ts';

/** The emulator each state publishes its AWS/DynamoDB metrics through (set when the state is created or revived). */
const emulators = new WeakMap<DynamoState, Emulator>();

export function publishMetricsOf(state: DynamoState, emulator: Emulator): void {
  emulators.set(state, emulator);
}

/**
 * ConsumedReadCapacityUnits / ConsumedWriteCapacityUnits of one request, as DynamoDB publishes them: by TableName
 * (the table's own units, local secondary indexes included, since they share the table's capacity) and by TableName
 * and GlobalSecondaryIndexName. A request that names its table by ARN is counted under the table's name.
 */
export function publishConsumed(state: DynamoState, kind: 'read' | 'write', tableName: string, tableUnits: number, globals: Map<string, number>): void {
  const emulator = emulators.get(state);
  if (!emulator?.isEnabled('cloudwatch')) return;
  const source: MetricSource = { namespace: 'AWS/DynamoDB', accountId: state.accountId, region: state.region };
  const MetricName = kind === 'read' ? 'ConsumedReadCapacityUnits' : 'ConsumedWriteCapacityUnits';
  const name = tableName.startsWith('arn:') ? tableName.slice(tableName.indexOf(':table/') + ':table/'.length) : tableName;
  if (tableUnits > 0) recordMetric(emulator, source, { MetricName, Dimensions: [{ Name: 'TableName', Value: name }], Unit: 'Count', Value: tableUnits });
  for (const [index, units] of globals) {
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
