import type { LogGroup } from './state.ts';

/** A log group's data source: its name, type and (for AWS sources) format. */
export interface DataSource {
  name: string;
  type?: string;
}

/**
 * The data source of a custom log group, from the tags AWS documents for it (`cw:datasource:name`,
 * `cw:datasource:type`). AWS also classifies the logs its own services vend; twinstack vends no such logs.
 */
export function dataSourceOf(group: LogGroup): DataSource | undefined {
  const name = group.tags.get('cw:datasource:name');
  return name === undefined ? undefined : { name, type: group.tags.get('cw:datasource:type') };
}

/** Whether a group's data source passes filters of names and optional types (either may be `*`). */
export function matchesDataSources(group: LogGroup, filters: { name?: string; type?: string }[]): boolean {
  const source = dataSourceOf(group);
  if (!source) return false;
  return filters.some((f) => (f.name === '*' || f.name === source.name) && (f.type === undefined || f.type === '*' || f.type === source.type));
}
