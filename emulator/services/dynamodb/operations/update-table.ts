import type { UpdateTableCommandInput, UpdateTableCommandOutput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { describeTable } from '../describe.ts';
import { invalidParameter, resourceNotFound, validation } from '../errors.ts';
import { buildIndex } from '../index-definitions.ts';
import type { DynamoState } from '../state.ts';
import type { Table, Throughput } from '../table.ts';
import { checkStreamSpecification, sseDescription } from './create-table.ts';
import { synchronizeReplicas } from '../replication.ts';
import { applyReplicaUpdates } from './replica-updates.ts';
import { buildVectorIndex, MAX_VECTOR_INDEXES, oneOnlineIndex, searchSchemaNames } from '../vector-indexes.ts';

type Ctx = RequestContext<DynamoState>;

export function updateTable(input: UpdateTableCommandInput, ctx: Ctx): Omit<UpdateTableCommandOutput, '$metadata'> {
  const state = ctx.state;
  const table = state.namedTable(input.TableName!);
  const changesSomething =
    input.ProvisionedThroughput ||
    input.BillingMode ||
    input.StreamSpecification ||
    input.GlobalSecondaryIndexUpdates?.length ||
    input.SSESpecification ||
    input.ReplicaUpdates ||
    input.DeletionProtectionEnabled !== undefined ||
    input.TableClass ||
    input.OnDemandThroughput ||
    input.WarmThroughput ||
    input.MultiRegionConsistency ||
    input.GlobalTableWitnessUpdates?.length ||
    input.VectorIndexUpdates?.length;
  if (!changesSomething) {
    throw validation(
      'At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required',
    );
  }
  checkStreamSpecification(input.StreamSpecification);
  const onDemand = (input.BillingMode ?? table.billingMode) === 'PAY_PER_REQUEST';
  if (onDemand && input.ProvisionedThroughput) {
    throw invalidParameter('Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST');
  }
  if (input.BillingMode === 'PROVISIONED' && table.billingMode === 'PAY_PER_REQUEST' && !input.ProvisionedThroughput) {
    throw invalidParameter('ProvisionedThroughput must be specified when BillingMode is PROVISIONED');
  }
  if (input.ProvisionedThroughput && !input.BillingMode) checkThroughputChanges(table.throughput, input.ProvisionedThroughput, 'table');
  if (input.StreamSpecification?.StreamEnabled && table.streamSpecification?.StreamEnabled) {
    throw validation(`Table already has an enabled stream: TableName: ${table.name}`);
  }
  if (input.StreamSpecification && !input.StreamSpecification.StreamEnabled && !table.streamSpecification?.StreamEnabled) {
    throw validation(`Table already has no stream: TableName: ${table.name}`);
  }
  if (input.StreamSpecification && !input.StreamSpecification.StreamEnabled && table.replication && table.replication.consistency !== 'STRONG') {
    throw invalidParameter('Disabling Stream is not allowed for a Global Table replica.');
  }
  const definitions = mergeDefinitions(table, input.AttributeDefinitions);
  const indexChanges = [...(input.GlobalSecondaryIndexUpdates ?? []), ...(input.VectorIndexUpdates ?? [])].filter((u) => u.Create || u.Delete);
  if (indexChanges.length > 1) throw oneOnlineIndex();
  // unverified wording: the guide says only that provisioned tables do not support vector indexes.
  if (!onDemand && table.vectorIndexes.size) throw invalidParameter('Vector indexes are not supported on tables with PROVISIONED billing mode');
  const newIndexes = new Set<string>();
  for (const update of input.GlobalSecondaryIndexUpdates ?? []) {
    if (update.Create) {
      if (table.indexes.has(update.Create.IndexName!)) throw validation(`Attempting to create an index which already exists`);
      const index = buildIndex(update.Create, true, { schema: table.schema, definitions, onDemand });
      table.attributeDefinitions = definitions;
      table.indexes.set(index.name, index);
      table.backfill(index);
      newIndexes.add(index.name);
    } else if (update.Delete) {
      const index = table.indexes.get(update.Delete.IndexName!);
      if (!index || !index.global) throw resourceNotFound(`Index: ${update.Delete.IndexName} not found`);
      table.indexes.delete(index.name);
    } else if (update.Update) {
      const index = table.indexes.get(update.Update.IndexName!);
      if (!index || !index.global) throw resourceNotFound(`Index: ${update.Update.IndexName} not found`);
      if (update.Update.ProvisionedThroughput) {
        if (onDemand) {
          throw invalidParameter(`ProvisionedThroughput should not be specified for index: ${index.name} when BillingMode is PAY_PER_REQUEST`);
        }
        index.throughput = applyThroughput(index.throughput, update.Update.ProvisionedThroughput, table.now());
      }
      if (update.Update.OnDemandThroughput) index.onDemandThroughput = update.Update.OnDemandThroughput;
    }
  }
  const newVectorIndexes = applyVectorIndexUpdates(table, input, definitions, onDemand);
  dropUnusedDefinitions(table);
  if (input.BillingMode) switchBillingMode(table, input.BillingMode);
  if (input.ProvisionedThroughput) table.throughput = applyThroughput(table.throughput, input.ProvisionedThroughput, table.now());
  if (input.OnDemandThroughput) table.onDemandThroughput = input.OnDemandThroughput;
  if (input.WarmThroughput) {
    table.warmThroughput = {
      read: input.WarmThroughput.ReadUnitsPerSecond ?? table.warmThroughput?.read ?? 0,
      write: input.WarmThroughput.WriteUnitsPerSecond ?? table.warmThroughput?.write ?? 0,
      status: 'ACTIVE',
    };
  }
  if (input.DeletionProtectionEnabled !== undefined) table.deletionProtection = input.DeletionProtectionEnabled;
  if (input.TableClass) table.tableClass = { name: input.TableClass, updated: table.now() };
  let sseUpdating = false;
  if (input.SSESpecification) {
    if (input.SSESpecification.Enabled === false) {
      // back to the AWS owned key: the response still shows the KMS key, UPDATING
      sseUpdating = !!table.sse;
    } else if (input.SSESpecification.Enabled || input.SSESpecification.KMSMasterKeyId) {
      table.sse = sseDescription(state, input.SSESpecification.KMSMasterKeyId);
    }
  }
  if (input.StreamSpecification) {
    if (input.StreamSpecification.StreamEnabled) {
      table.streamSpecification = input.StreamSpecification;
      state.streams.enable(table, input.StreamSpecification.StreamViewType!);
    } else {
      state.streams.disable(table);
      table.streamSpecification = undefined;
    }
  }
  synchronizeReplicas(table);
  const replicaStatuses = applyReplicaUpdates(table, input, ctx);
  const description = describeTable(table, { moment: 'updated', newIndexes, newVectorIndexes, sseUpdating, replicaStatuses });
  if (sseUpdating) table.sse = undefined;
  return { TableDescription: description };
}

/** A change of billing mode; provisioned GSIs of a formerly on-demand table start at 1 unit each. */
export function switchBillingMode(table: Table, mode: 'PROVISIONED' | 'PAY_PER_REQUEST') {
  if (mode === table.billingMode) return;
  table.billingMode = mode;
  if (mode === 'PAY_PER_REQUEST') {
    table.billingModeSummary = { mode, lastUpdateToPayPerRequest: table.now() };
    return;
  }
  table.billingModeSummary = { mode, lastUpdateToPayPerRequest: table.billingModeSummary?.lastUpdateToPayPerRequest };
  for (const index of table.indexes.values()) if (index.global) index.throughput ??= { read: 1, write: 1, decreasesToday: 0 };
}

function checkThroughputChanges(current: Throughput, requested: { ReadCapacityUnits?: number; WriteCapacityUnits?: number }, what: string) {
  if (current.read === requested.ReadCapacityUnits && current.write === requested.WriteCapacityUnits) {
    throw validation(
      `The provisioned throughput for the ${what} will not change. The requested value equals the current value. ` +
        `Current ReadCapacityUnits provisioned for the ${what}: ${current.read}. Requested ReadCapacityUnits: ${requested.ReadCapacityUnits}. ` +
        `Current WriteCapacityUnits provisioned for the ${what}: ${current.write}. Requested WriteCapacityUnits: ${requested.WriteCapacityUnits}. ` +
        'Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.',
    );
  }
}

export function applyThroughput(current: Throughput | undefined, requested: { ReadCapacityUnits?: number; WriteCapacityUnits?: number }, now: Date): Throughput {
  const next: Throughput = {
    read: requested.ReadCapacityUnits!,
    write: requested.WriteCapacityUnits!,
    decreasesToday: current?.decreasesToday ?? 0,
    lastIncrease: current?.lastIncrease,
    lastDecrease: current?.lastDecrease,
  };
  if (current && (next.read > current.read || next.write > current.write)) next.lastIncrease = now;
  if (current && (next.read < current.read || next.write < current.write)) {
    next.lastDecrease = now;
    next.decreasesToday++;
  }
  return next;
}

/** UpdateTable may define attributes for new indexes; definitions must agree with existing ones. */
function mergeDefinitions(table: Table, added: UpdateTableCommandInput['AttributeDefinitions']) {
  const merged = [...table.attributeDefinitions];
  for (const definition of added ?? []) {
    const existing = merged.find((d) => d.AttributeName === definition.AttributeName);
    if (existing && existing.AttributeType !== definition.AttributeType) {
      throw invalidParameter(
        `Cannot change the type of an existing attribute: ${definition.AttributeName}, existing type: ${existing.AttributeType}, new type: ${definition.AttributeType}`,
      );
    }
    if (!existing) merged.push(definition);
  }
  return merged;
}

/** Attribute definitions only ever describe key attributes of the table and its indexes. */
function dropUnusedDefinitions(table: Table) {
  const used = new Set([...[...table.keySchema, ...[...table.indexes.values()].flatMap((i) => i.keySchema)].map((e) => e.AttributeName), ...searchSchemaNames(table)]);
  table.attributeDefinitions = table.attributeDefinitions.filter((d) => used.has(d.AttributeName));
}

/** VectorIndexUpdates: validated before anything changes; returns the names of the indexes created. */
function applyVectorIndexUpdates(table: Table, input: UpdateTableCommandInput, definitions: Table['attributeDefinitions'], onDemand: boolean): Set<string> {
  const created = new Set<string>();
  for (const update of input.VectorIndexUpdates ?? []) {
    if (update.Create) {
      const name = update.Create.IndexName!;
      if (table.vectorIndexes.has(name) || table.indexes.has(name)) throw validation('Attempting to create an index which already exists');
      // unverified wording (the limit of 5 vector indexes a table is the guide's).
      if (table.vectorIndexes.size >= MAX_VECTOR_INDEXES) throw invalidParameter(`VectorIndex count exceeds the per-table limit of ${MAX_VECTOR_INDEXES}`);
      const index = buildVectorIndex(update.Create, { definitions, onDemand });
      index.backfilled = table.itemCount > 0;
      table.attributeDefinitions = definitions;
      table.vectorIndexes.set(name, index);
      created.add(name);
    } else if (update.Delete) {
      if (!table.vectorIndexes.delete(update.Delete.IndexName!)) throw resourceNotFound(`Index: ${update.Delete.IndexName} not found`);
    }
  }
  return created;
}
