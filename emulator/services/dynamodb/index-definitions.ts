import type { AttributeDefinition, KeySchemaElement, Projection, ProvisionedThroughput } from '@aws-sdk/client-dynamodb';
import { invalidParameter, validation } from './errors.ts';
import { ItemStore } from './store.ts';
import { compareSortValues, schemaOf, type KeySchema, type SecondaryIndex } from './table.ts';

/** Global secondary indexes take up to four partition and four sort key attributes (multi-attribute keys). */
const MAX_KEY_ATTRIBUTES = 4;

/**
 * A global secondary index's key schema: its partition attributes, then its sort attributes, each distinct. (AWS's
 * wording for a broken multi-attribute schema was not found in recorded data: these messages follow its others.)
 */
function checkMultiAttributeKeySchema(elements: KeySchemaElement[], index: string) {
  if (elements[0]?.KeyType !== 'HASH') throw validation(`Invalid KeySchema: The first KeySchemaElement is not a HASH key type`);
  const firstRange = elements.findIndex((e) => e.KeyType === 'RANGE');
  if (firstRange >= 0 && elements.slice(firstRange).some((e) => e.KeyType !== 'RANGE')) {
    throw invalidParameter(`Invalid KeySchema: HASH key attributes must come before RANGE key attributes for index: ${index}`);
  }
  const hashCount = firstRange < 0 ? elements.length : firstRange;
  if (hashCount > MAX_KEY_ATTRIBUTES || elements.length - hashCount > MAX_KEY_ATTRIBUTES) {
    throw invalidParameter(`Invalid KeySchema: an index key has at most ${MAX_KEY_ATTRIBUTES} HASH and ${MAX_KEY_ATTRIBUTES} RANGE attributes for index: ${index}`);
  }
  const names = elements.map((e) => e.AttributeName);
  if (new Set(names).size !== names.length) throw invalidParameter(`Duplicate key attribute names in the KeySchema for index: ${index}`);
}

/** Key schema rules shared by tables and indexes. */
export function checkKeySchema(elements: KeySchemaElement[], what: 'table' | string, global = false) {
  if (global && elements.length > 2) return checkMultiAttributeKeySchema(elements, what);
  if (global && elements.length === 2 && elements[1].KeyType === 'HASH') return checkMultiAttributeKeySchema(elements, what);
  if (elements[0]?.KeyType !== 'HASH') throw validation(`Invalid KeySchema: The first KeySchemaElement is not a HASH key type`);
  if (elements[1] && elements[1].KeyType !== 'RANGE') throw validation(`Invalid KeySchema: The second KeySchemaElement is not a RANGE key type`);
  if (elements[1] && elements[1].AttributeName === elements[0].AttributeName) {
    throw invalidParameter(
      what === 'table'
        ? 'Both the Hash Key and the Range Key element in the KeySchema have the same name'
        : `Both the Hash Key and the Range Key element in the KeySchema have the same name for index: ${what}`,
    );
  }
}

export function checkDefined(elements: KeySchemaElement[], definitions: AttributeDefinition[]) {
  const defined = definitions.map((d) => d.AttributeName!);
  const missing = elements.map((e) => e.AttributeName!).filter((n) => !defined.includes(n));
  if (missing.length) {
    throw invalidParameter(
      `Some index key attributes are not defined in AttributeDefinitions. Keys: [${missing.join(', ')}], AttributeDefinitions: [${defined.join(', ')}]`,
    );
  }
}

export function checkProjection(projection: Projection, indexName: string) {
  const type = projection.ProjectionType;
  if (!type) throw invalidParameter(`Unknown ProjectionType: null`);
  if (type === 'INCLUDE' && !projection.NonKeyAttributes?.length) {
    throw invalidParameter('ProjectionType is INCLUDE, but NonKeyAttributes is not specified');
  }
  if (type !== 'INCLUDE' && projection.NonKeyAttributes) {
    throw invalidParameter(`ProjectionType is ${type}, but NonKeyAttributes is specified`);
  }
  if (projection.NonKeyAttributes && new Set(projection.NonKeyAttributes).size !== projection.NonKeyAttributes.length) {
    throw invalidParameter(`Duplicate NonKeyAttributes in Projection for index: ${indexName}`);
  }
}

export interface IndexInput {
  IndexName?: string;
  KeySchema?: KeySchemaElement[];
  Projection?: Projection;
  ProvisionedThroughput?: ProvisionedThroughput;
  OnDemandThroughput?: SecondaryIndex['onDemandThroughput'];
}

/** Validates one GSI or LSI definition against the table and builds the (empty) index. */
export function buildIndex(
  input: IndexInput,
  global: boolean,
  table: { schema: KeySchema; definitions: AttributeDefinition[]; onDemand: boolean },
): SecondaryIndex {
  const name = input.IndexName!;
  const keySchema = input.KeySchema!;
  checkKeySchema(keySchema, name, global);
  checkDefined(keySchema, table.definitions);
  checkProjection(input.Projection!, name);
  const schema = schemaOf(keySchema);
  if (!global) {
    if (!table.schema.sortKey) {
      throw invalidParameter('Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex');
    }
    if (schema.partitionKey !== table.schema.partitionKey) {
      throw invalidParameter(
        `Index KeySchema does not have the same leading hash key as table KeySchema for index: ${name}. index hash key: ${schema.partitionKey}, table hash key: ${table.schema.partitionKey}`,
      );
    }
    if (!schema.sortKey) throw invalidParameter(`Index KeySchema does not have a range key for index: ${name}`);
  }
  let throughput: SecondaryIndex['throughput'];
  if (global) {
    if (table.onDemand && input.ProvisionedThroughput) {
      throw invalidParameter(`ProvisionedThroughput should not be specified for index: ${name} when BillingMode is PAY_PER_REQUEST`);
    }
    if (!table.onDemand) {
      if (!input.ProvisionedThroughput) throw invalidParameter(`ProvisionedThroughput is not specified for index: ${name}`);
      throughput = {
        read: input.ProvisionedThroughput.ReadCapacityUnits!,
        write: input.ProvisionedThroughput.WriteCapacityUnits!,
        decreasesToday: 0,
      };
    }
  }
  return {
    name,
    global,
    keySchema,
    schema,
    projection: input.Projection!,
    throughput,
    onDemandThroughput: input.OnDemandThroughput,
    status: 'ACTIVE',
    store: new ItemStore(compareSortValues),
    sizeBytes: 0,
  };
}
