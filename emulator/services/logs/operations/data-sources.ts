import type {
  GetLogFieldsRequest,
  GetLogFieldsResponse,
  ListAggregateLogGroupSummariesRequest,
  ListAggregateLogGroupSummariesResponse,
  LogFieldsListItem,
  LogFieldType,
} from '@aws-sdk/client-cloudwatch-logs';
import type { RequestContext } from '../../../core/service.ts';
import { dataSourceOf, matchesDataSources } from '../data-sources.ts';
import { notFound } from '../errors.ts';
import { retained } from '../groups.ts';
import { page } from '../pages.ts';
import { namePattern } from './log-groups.ts';
import type { LogGroup, LogsState } from '../state.ts';

type Ctx = RequestContext<LogsState>;

/*
 * Field discovery reads the JSON events of the data source's log groups. AWS's reference lists no values for a field's
 * `type`; these are named after the JSON values found: string, boolean, long, double, array (with `element`) and
 * struct (with `fields`).
 */
type Shape = { type: string; element?: Shape; fields?: Map<string, Shape> };

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return { type: 'array', ...(value.length ? { element: value.map(shapeOf).reduce(merge) } : {}) };
  if (value !== null && typeof value === 'object') return { type: 'struct', fields: new Map(Object.entries(value).map(([k, v]) => [k, shapeOf(v)])) };
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'long' : 'double' };
  return { type: typeof value === 'boolean' ? 'boolean' : 'string' };
}

/** Two shapes seen for one field: structures combine their fields; differing kinds are strings. */
function merge(a: Shape, b: Shape): Shape {
  if (a.type === 'struct' && b.type === 'struct') {
    const fields = new Map(a.fields);
    for (const [k, v] of b.fields!) fields.set(k, fields.has(k) ? merge(fields.get(k)!, v) : v);
    return { type: 'struct', fields };
  }
  if (a.type === 'array' && b.type === 'array') return { type: 'array', element: a.element && b.element ? merge(a.element, b.element) : (a.element ?? b.element) };
  if (a.type === b.type) return a;
  return { type: new Set([a.type, b.type]).size === 2 && [a.type, b.type].every((t) => t === 'long' || t === 'double') ? 'double' : 'string' };
}

function listItems(fields: Map<string, Shape>): LogFieldsListItem[] {
  return [...fields].sort(([a], [b]) => (a < b ? -1 : 1)).map(([logFieldName, shape]) => ({ logFieldName, logFieldType: fieldType(shape) }));
}

function fieldType(shape: Shape): LogFieldType {
  return { type: shape.type, ...(shape.element ? { element: fieldType(shape.element) } : {}), ...(shape.fields ? { fields: listItems(shape.fields) } : {}) };
}

export function getLogFields(input: GetLogFieldsRequest, ctx: Ctx): GetLogFieldsResponse {
  const groups = [...ctx.state.groups.values()].filter((g) => matchesDataSources(g, [{ name: input.dataSourceName, type: input.dataSourceType }]));
  if (!groups.length) throw notFound('The specified data source does not exist.');
  const now = ctx.emulator.clock.now();
  let found: Shape = { type: 'struct', fields: new Map() };
  for (const group of groups) {
    for (const stream of group.streams.values()) {
      for (const e of retained(group, stream, now)) {
        if (!e.message.trimStart().startsWith('{')) continue;
        try {
          found = merge(found, shapeOf(JSON.parse(e.message)));
        } catch {
          // not JSON: no fields beyond the message itself
        }
      }
    }
  }
  return { logFields: listItems(found.fields!) };
}


/**
 * Log groups counted by data source (name and type; with DATA_SOURCE_NAME_TYPE_AND_FORMAT, format too, which only
 * AWS-vended sources have). Groups without a data source are not counted; linked accounts are not served here.
 */
export function listAggregateLogGroupSummaries(input: ListAggregateLogGroupSummariesRequest, ctx: Ctx): ListAggregateLogGroupSummariesResponse {
  const pattern = namePattern(input.logGroupNamePattern);
  const counts = new Map<string, { name: string; type?: string; count: number }>();
  const included = (g: LogGroup) =>
    (!pattern || pattern.test(g.name)) && (!input.logGroupClass || g.logGroupClass === input.logGroupClass) && (!input.dataSources || matchesDataSources(g, input.dataSources));
  for (const group of ctx.state.groups.values()) {
    const source = dataSourceOf(group);
    if (!source || !included(group)) continue;
    const key = JSON.stringify([source.name, source.type ?? null]);
    const entry = counts.get(key) ?? { ...source, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  const summaries = [...counts.values()]
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((s) => ({
      logGroupCount: s.count,
      groupingIdentifiers: [{ key: 'dataSource.Name', value: s.name }, ...(s.type !== undefined ? [{ key: 'dataSource.Type', value: s.type }] : [])],
    }));
  const { items, nextToken } = page(summaries, input.nextToken, input.limit ?? 50);
  return { aggregateLogGroupSummaries: items, nextToken };
}
