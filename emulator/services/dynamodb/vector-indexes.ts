/**
 * Vector indexes (CreateTable VectorIndexes, UpdateTable VectorIndexUpdates, SearchVectors). Limits and messages from
 * the DynamoDB developer guide (VectorSearchWorkingWith, VectorSearchTroubleshooting) and the AWS agent toolkit's
 * DynamoDB vector-search reference (aws/agent-toolkit-for-aws, messages "reproduced verbatim from the service");
 * messages no source quotes are marked "unverified" where they are made.
 */
import type { AttributeDefinition, Projection, SearchSchemaElement, VectorIndex as VectorIndexInput, VectorIndexDescription } from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../core/errors.ts';
import { invalidParameter, validation } from './errors.ts';
import { checkProjection } from './index-definitions.ts';
import type { Table } from './table.ts';
import type { Item } from './values.ts';

export const MAX_VECTOR_INDEXES = 5;
export const MAX_DIMENSIONS = 4096;
const MAX_INLINE_FILTERS = 18;

export type DistanceFunction = 'COSINE' | 'DOT_PRODUCT' | 'EUCLIDEAN';

export interface VectorIndex {
  name: string;
  attribute: string;
  searchSchema?: SearchSchemaElement[];
  projection: Projection;
  dimensions: number;
  distance: DistanceFunction;
  /** Made by UpdateTable on a table that had items: its first description shows it backfilling. */
  backfilled: boolean;
}

/** Only one index (global secondary or vector) is created or deleted per UpdateTable. */
export const oneOnlineIndex = () =>
  new AwsError('LimitExceededException', 'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table');

/** Validates one vector index definition against the table's attribute definitions and billing mode. */
export function buildVectorIndex(input: VectorIndexInput, table: { definitions: AttributeDefinition[]; onDemand: boolean }): VectorIndex {
  const name = input.IndexName!;
  // unverified wording: the guide says only that provisioned tables do not support vector indexes.
  if (!table.onDemand) throw invalidParameter(`Vector indexes are not supported on tables with PROVISIONED billing mode. IndexName: ${name}`);
  // unverified wording (the 4,096-dimension maximum is the CloudFormation schema's and the guide's).
  if (input.Dimensions! > MAX_DIMENSIONS) throw invalidParameter(`Dimensions must be between 1 and ${MAX_DIMENSIONS} for vector index: ${name}`);
  checkProjection(input.Projection!, name);
  const schema = input.SearchSchema;
  if (schema) {
    const defined = new Set(table.definitions.map((d) => d.AttributeName));
    if (schema.some((e) => !defined.has(e.AttributeName))) throw invalidParameter('One element in SearchSchema is not defined in attribute definitions');
    // unverified wordings: the limits (one HASH, 18 inline filters) are the guide's.
    if (schema.filter((e) => e.SearchSchemaElementType === 'HASH').length > 1) throw invalidParameter(`SearchSchema has more than one HASH element for vector index: ${name}`);
    if (schema.filter((e) => e.SearchSchemaElementType === 'INLINE_FILTER').length > MAX_INLINE_FILTERS) {
      throw invalidParameter(`SearchSchema has more than ${MAX_INLINE_FILTERS} INLINE_FILTER elements for vector index: ${name}`);
    }
    if (new Set(schema.map((e) => e.AttributeName)).size !== schema.length) throw invalidParameter(`Duplicate attribute in SearchSchema for vector index: ${name}`);
  }
  return {
    name,
    attribute: input.VectorAttribute!.AttributeName!,
    searchSchema: schema,
    projection: input.Projection!,
    dimensions: input.Dimensions!,
    distance: input.DistanceFunction as DistanceFunction,
    backfilled: false,
  };
}

/** The attribute names of a table's search schemas (they count as used attribute definitions). */
export function searchSchemaNames(table: { vectorIndexes: Map<string, VectorIndex> }): string[] {
  return [...table.vectorIndexes.values()].flatMap((i) => (i.searchSchema ?? []).map((e) => e.AttributeName!));
}

export function hashAttribute(index: VectorIndex): string | undefined {
  return index.searchSchema?.find((e) => e.SearchSchemaElementType === 'HASH')?.AttributeName;
}

/**
 * The vector an item holds for an index: a list of numbers of the index's dimensions (as 32-bit floats, the index's
 * precision); undefined when the item is not in the index (no vector, or no value for the search schema's HASH).
 */
export function vectorOf(index: VectorIndex, item: Item): number[] | undefined {
  const list = item[index.attribute]?.L;
  if (!list || list.length !== index.dimensions || list.some((v) => v.N === undefined)) return undefined;
  const hash = hashAttribute(index);
  if (hash && item[hash] === undefined) return undefined;
  return list.map((v) => Math.fround(Number(v.N)));
}

/** A write whose vector attribute does not fit an index is refused (a missing attribute leaves the item unindexed). */
export function checkVectors(table: Table, item: Item) {
  for (const index of table.vectorIndexes.values()) {
    const value = item[index.attribute];
    if (value === undefined) continue;
    const size = value.L?.length;
    if (size !== undefined && size !== index.dimensions) {
      throw validation(`One or more parameter values were invalid: Invalid size for parameter ${index.attribute}, Expected: ${index.dimensions}, Actual: ${size}. IndexName: ${index.name}`);
    }
    // unverified wording: the guide says only that a vector is a list of numbers.
    if (!value.L || value.L.some((v) => v.N === undefined)) {
      throw validation(`One or more parameter values were invalid: Type mismatch for vector attribute ${index.attribute}, expected a list of numbers. IndexName: ${index.name}`);
    }
  }
}

/** Scores as the guide defines them: COSINE and EUCLIDEAN distances (lower is closer), DOT_PRODUCT (higher is closer). */
export function score(distance: DistanceFunction, a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  let squared = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
    squared += (a[i] - b[i]) ** 2;
  }
  if (distance === 'DOT_PRODUCT') return dot;
  if (distance === 'EUCLIDEAN') return Math.sqrt(squared);
  return normA === 0 || normB === 0 ? 1 : 1 - dot / Math.sqrt(normA * normB);
}

/** The attributes an index holds of an item: the table's keys, the search schema and the projection, never the vector. */
export function projectedNames(table: Table, index: VectorIndex): Set<string> | undefined {
  if (index.projection.ProjectionType === 'ALL') return undefined;
  const names = new Set([table.schema.partitionKey, ...(table.schema.sortKey ? [table.schema.sortKey] : []), ...(index.searchSchema ?? []).map((e) => e.AttributeName!)]);
  for (const name of index.projection.NonKeyAttributes ?? []) names.add(name);
  return names;
}

export function describeVectorIndex(table: Table, index: VectorIndex, creating: boolean): VectorIndexDescription {
  let count = 0;
  let size = 0;
  for (const entry of table.items.all()) {
    const vector = vectorOf(index, entry.item);
    if (!vector) continue;
    count++;
    size += vector.length * 4;
  }
  return {
    IndexName: index.name,
    SearchSchema: index.searchSchema,
    Projection: index.projection,
    VectorAttribute: { AttributeName: index.attribute },
    Dimensions: index.dimensions,
    DistanceFunction: index.distance,
    IndexStatus: creating ? 'CREATING' : 'ACTIVE',
    ...(creating && index.backfilled ? { Backfilling: true } : {}),
    IndexSizeBytes: size,
    ItemCount: count,
    IndexArn: `${table.arn}/index/${index.name}`,
  };
}
