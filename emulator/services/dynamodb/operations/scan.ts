import type { ScanCommandInput, ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { validation } from '../errors.ts';
import { validItem } from '../keys.ts';
import { checkSelect, checkStartKey, readPage, resolveSource } from '../read-pipeline.ts';
import { checkNoMixing, expressionContext, filterCondition, projectionPaths } from '../request.ts';
import type { DynamoState } from '../state.ts';
import { storePartition, storeSort } from '../table.ts';

export function scan(input: ScanCommandInput, ctx: RequestContext<DynamoState>): Omit<ScanCommandOutput, '$metadata'> {
  checkNoMixing(input, ['AttributesToGet', 'ScanFilter', 'ConditionalOperator'], ['ProjectionExpression', 'FilterExpression']);
  checkSegments(input.Segment, input.TotalSegments);
  const exprs = expressionContext(input);
  const filter = filterCondition(input, input.ScanFilter, exprs);
  const paths = projectionPaths(input, exprs);
  exprs.assertAllUsed();
  const table = ctx.state.table(input.TableName!);
  const source = resolveSource(table, input, 'Scan');
  checkSelect(source, input, paths);
  const store = source.index?.store ?? table.items;
  let after;
  if (input.ExclusiveStartKey) {
    const start = validItem(input.ExclusiveStartKey);
    checkStartKey(source, start);
    const schema = source.index?.schema ?? table.schema;
    after = {
      partitionKey: storePartition(schema, start),
      sort: storeSort(schema, start),
      tie: source.index ? table.tieOf(start) : '',
    };
  }
  const entries = store.scan(after, input.Segment ?? 0, input.TotalSegments ?? 1);
  return readPage(ctx.state, source, entries, input, filter, paths);
}

function checkSegments(segment: number | undefined, total: number | undefined) {
  if (segment !== undefined && total === undefined) {
    throw validation('The TotalSegments parameter is required but was not present in the request when Segment parameter is present');
  }
  if (total !== undefined && segment === undefined) {
    throw validation('The Segment parameter is required but was not present in the request when parameter TotalSegments is present');
  }
  if (segment !== undefined && total !== undefined && segment >= total) {
    throw validation(`The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: ${segment} is not less than TotalSegments: ${total}`);
  }
}
