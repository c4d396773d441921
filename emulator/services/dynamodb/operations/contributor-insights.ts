import type {
  DescribeContributorInsightsCommandInput,
  ListContributorInsightsCommandInput,
  UpdateContributorInsightsCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { resourceNotFound } from '../errors.ts';
import type { DynamoState } from '../state.ts';
import type { SecondaryIndex, Table } from '../table.ts';

type Ctx = RequestContext<DynamoState>;

/** What holds the settings: the table, or the index named (insights are kept per table and per index). */
function insightsHolder(table: Table, indexName: string | undefined): Table | SecondaryIndex {
  if (indexName === undefined) return table;
  const index = table.indexes.get(indexName);
  if (!index) throw resourceNotFound(`Index: ${indexName} not found`);
  return index;
}

/** Contributor Insights settings; no CloudWatch rules are produced. */
export function describeContributorInsights(input: DescribeContributorInsightsCommandInput, ctx: Ctx) {
  const table = ctx.state.namedTable(input.TableName!);
  const insights = insightsHolder(table, input.IndexName).contributorInsights;
  return {
    TableName: table.name,
    IndexName: input.IndexName,
    ContributorInsightsStatus: insights?.status ?? 'DISABLED',
    ContributorInsightsMode: insights?.mode,
    LastUpdateDateTime: insights?.updated,
  };
}

export function updateContributorInsights(input: UpdateContributorInsightsCommandInput, ctx: Ctx) {
  const table = ctx.state.namedTable(input.TableName!);
  const holder = insightsHolder(table, input.IndexName);
  const enable = input.ContributorInsightsAction === 'ENABLE';
  holder.contributorInsights = { status: enable ? 'ENABLED' : 'DISABLED', mode: input.ContributorInsightsMode, updated: table.now() };
  return {
    TableName: table.name,
    IndexName: input.IndexName,
    ContributorInsightsStatus: enable ? 'ENABLING' : 'DISABLING',
    ContributorInsightsMode: input.ContributorInsightsMode,
  };
}

/** Every table and index of the region (or of the table named) that has Contributor Insights settings. */
export function listContributorInsights(input: ListContributorInsightsCommandInput, ctx: Ctx) {
  const tables = input.TableName ? [ctx.state.namedTable(input.TableName)] : [...ctx.state.tables.values()];
  const holders = tables.flatMap((t) => [{ table: t, holder: t as Table | SecondaryIndex, indexName: undefined as string | undefined }, ...[...t.indexes.values()].map((i) => ({ table: t, holder: i, indexName: i.name }))]);
  return {
    ContributorInsightsSummaries: holders
      .filter(({ holder }) => holder.contributorInsights)
      .map(({ table, holder, indexName }) => ({ TableName: table.name, IndexName: indexName, ContributorInsightsStatus: holder.contributorInsights!.status, ContributorInsightsMode: holder.contributorInsights!.mode })),
  };
}
