import type {
  DeleteMetricFilterRequest,
  DescribeMetricFiltersRequest,
  DescribeMetricFiltersResponse,
  PutMetricFilterRequest,
  TestMetricFilterRequest,
  TestMetricFilterResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { findGroup } from '../groups.ts';
import { page } from '../pages.ts';
import type { LogsState, MetricFilter } from '../state.ts';
import { parsePattern } from './filter-log-events.ts';

type Ctx = RequestContext<LogsState>;

/** AWS allows 100 metric filters per log group. */
const MAX_METRIC_FILTERS = 100;

export function putMetricFilter(input: PutMetricFilterRequest, ctx: Ctx): object {
  const group = findGroup(ctx.state, input);
  const compiled = parsePattern(input.filterPattern);
  if (!group.metricFilters.has(input.filterName!) && group.metricFilters.size >= MAX_METRIC_FILTERS) {
    throw new AwsError('LimitExceededException', 'Resource limit exceeded.');
  }
  const existing = group.metricFilters.get(input.filterName!);
  group.metricFilters.set(input.filterName!, {
    name: input.filterName!,
    pattern: input.filterPattern!,
    compiled,
    transformations: input.metricTransformations!,
    created: existing?.created ?? ctx.emulator.clock.now(),
    applyOnTransformedLogs: input.applyOnTransformedLogs ?? false,
    fieldSelectionCriteria: input.fieldSelectionCriteria,
    emitSystemFieldDimensions: input.emitSystemFieldDimensions,
  });
  return {};
}

export function deleteMetricFilter(input: DeleteMetricFilterRequest, ctx: Ctx): object {
  const group = findGroup(ctx.state, input);
  if (!group.metricFilters.delete(input.filterName!)) throw notFound('The specified metric filter does not exist.');
  return {};
}

export function describeMetricFilters(input: DescribeMetricFiltersRequest, ctx: Ctx): DescribeMetricFiltersResponse {
  if ((input.metricName === undefined) !== (input.metricNamespace === undefined)) {
    throw invalidParameter('If you include the metricName parameter in your request, you must also include the metricNamespace parameter.');
  }
  const groups = input.logGroupName !== undefined ? [findGroup(ctx.state, input)] : [...ctx.state.groups.values()];
  const filters: { group: string; filter: MetricFilter }[] = [];
  for (const group of groups.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    for (const filter of [...group.metricFilters.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (input.filterNamePrefix && !filter.name.startsWith(input.filterNamePrefix)) continue;
      if (input.metricName && !filter.transformations.some((t) => t.metricName === input.metricName && t.metricNamespace === input.metricNamespace)) continue;
      filters.push({ group: group.name, filter });
    }
  }
  const { items, nextToken } = page(filters, input.nextToken, input.limit ?? 50);
  return {
    metricFilters: items.map(({ group, filter }) => ({
      filterName: filter.name,
      filterPattern: filter.pattern,
      metricTransformations: filter.transformations,
      creationTime: filter.created,
      logGroupName: group,
      applyOnTransformedLogs: filter.applyOnTransformedLogs,
      fieldSelectionCriteria: filter.fieldSelectionCriteria,
      emitSystemFieldDimensions: filter.emitSystemFieldDimensions,
    })),
    nextToken,
  };
}

export function testMetricFilter(input: TestMetricFilterRequest, _ctx: Ctx): TestMetricFilterResponse {
  const pattern = parsePattern(input.filterPattern);
  const matches: TestMetricFilterResponse['matches'] = [];
  input.logEventMessages!.forEach((message, i) => {
    const match = pattern.match(message);
    if (!match) return;
    const extractedValues: Record<string, string> = {};
    for (const [key, value] of match.fields) if (value !== undefined) extractedValues[key] = typeof value === 'string' ? value : JSON.stringify(value);
    matches.push({ eventNumber: i + 1, eventMessage: message, extractedValues });
  });
  return { matches };
}
