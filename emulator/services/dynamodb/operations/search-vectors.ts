import type { SearchVectorsCommandInput, SearchVectorsCommandOutput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { evaluateCondition, parseCondition, project, type Condition, type Path } from '../expressions/index.ts';
import { validation } from '../errors.ts';
import { expressionContext, projectionPaths } from '../request.ts';
import type { DynamoState } from '../state.ts';
import { hashAttribute, projectedNames, score, vectorOf, type VectorIndex } from '../vector-indexes.ts';
import type { Item } from '../values.ts';

const MAX_TOP_K = 100;
/** Searches are metered in bytes examined, at least 1 KB a request (the guide's pricing notes). */
const MIN_METERED_BYTES = 1024;

type Output = Omit<SearchVectorsCommandOutput, '$metadata'>;

/**
 * SearchVectors: the TopK items of the index nearest the search vector, nearest first. The index is searched exactly
 * (AWS's is approximate: with the same data its ranking may differ slightly, which the guide allows for).
 */
export function searchVectors(input: SearchVectorsCommandInput, ctx: RequestContext<DynamoState>): Output {
  const exprs = expressionContext(input);
  const condition = input.SearchConditionExpression !== undefined ? parseCondition(input.SearchConditionExpression, exprs, 'SearchConditionExpression') : undefined;
  const paths = projectionPaths(input, exprs);
  exprs.assertAllUsed();
  const table = ctx.state.table(input.TableName!);
  const index = table.vectorIndexes.get(input.IndexName!);
  if (!index) throw validation(`The table does not have the specified index: ${input.IndexName}`);
  if (input.TopK! > MAX_TOP_K) throw validation(`Provided TopK value '${input.TopK}' is out of valid range. The value must be between 1 and ${MAX_TOP_K} inclusive`);
  if (input.SearchVector!.length !== index.dimensions) {
    throw validation(`Input search vector dimension ${input.SearchVector!.length} does not match vector index dimension ${index.dimensions}`);
  }
  // unverified wording: each element is a 32-bit float given as a Number.
  if (input.SearchVector!.some((v) => v.N === undefined || !Number.isFinite(Number(v.N)))) throw validation('Input search vector must contain only Number values');
  const query = input.SearchVector!.map((v) => Math.fround(Number(v.N)));
  if (hashAttribute(index) && !condition) throw validation('SearchConditionExpression must be provided when SearchSchema has a HASH key');
  if (condition) checkSearchCondition(index, condition);
  const scored: { item: Item; score: number }[] = [];
  let examined = 0;
  for (const entry of table.items.all()) {
    const vector = vectorOf(index, entry.item);
    if (!vector || (condition && !evaluateCondition(condition, entry.item))) continue;
    examined += vector.length * 4;
    scored.push({ item: entry.item, score: score(index.distance, query, vector) });
  }
  const higherIsCloser = index.distance === 'DOT_PRODUCT';
  scored.sort((a, b) => (higherIsCloser ? b.score - a.score : a.score - b.score));
  const names = projectedNames(table, index);
  const results = scored.slice(0, input.TopK).map(({ item, score }) => ({ Item: resultItem(item, index, names, paths), Score: score }));
  const metered = input.ReturnConsumedCapacity && input.ReturnConsumedCapacity !== 'NONE';
  return { SearchResults: results, ...(metered ? { ConsumedCapacity: { VectorSearchRequestBytes: Math.max(MIN_METERED_BYTES, examined) } } : {}) };
}

/**
 * What a result holds: the index's projected attributes without the vector, unless a ProjectionExpression asks for
 * it; attributes the index does not hold are left out without an error.
 */
function resultItem(item: Item, index: VectorIndex, names: Set<string> | undefined, paths: Path[] | undefined): Item {
  const held: Item = {};
  for (const [name, value] of Object.entries(item)) if (!names || names.has(name) || name === index.attribute) held[name] = value;
  if (paths) return project(held, paths);
  delete held[index.attribute];
  return held;
}

/**
 * A search condition compares top-level search schema attributes for equality (combined with AND or OR); the
 * HASH attribute must be among them.
 */
function checkSearchCondition(index: VectorIndex, condition: Condition) {
  const schema = new Set((index.searchSchema ?? []).map((e) => e.AttributeName));
  const compared = new Set<string>();
  const visit = (c: Condition): void => {
    if (c.t === 'and' || c.t === 'or') {
      visit(c.left);
      visit(c.right);
      return;
    }
    if (c.t !== 'compare' || c.op !== '=') throw validation('Invalid SearchConditionExpression: Invalid comparator used in SearchConditionExpression');
    const path = c.left.t === 'path' ? c.left.path : c.right.t === 'path' ? c.right.path : undefined;
    // unverified wording: only the attributes of the index's search schema can be searched on.
    if (!path || path.length !== 1 || !schema.has(String(path[0]))) {
      throw validation(`Invalid SearchConditionExpression: Only SearchSchema attributes of vector index ${index.name} can be used in SearchConditionExpression`);
    }
    compared.add(String(path[0]));
  };
  visit(condition);
  const hash = hashAttribute(index);
  // unverified wording for an expression that leaves out the HASH attribute (the guide quotes the one without an expression).
  if (hash && !compared.has(hash)) throw validation('SearchConditionExpression must be provided when SearchSchema has a HASH key');
}
