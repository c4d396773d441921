import type {
  DescribeContributorInsightsCommandInput,
  ListContributorInsightsCommandInput,
  UpdateContributorInsightsCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { resourceNotFound } from '../errors.ts';
import type { DynamoState } from '../state.ts';
import type { Table } from '../table.ts';

type Ctx = RequestContext<DynamoState>;

function checkIndex(table: Table, indexName: string | undefined) {
  if (indexName !== undefined && !table.indexes.has(indexName)) throw resourceNotFound(`Index: ${indexName} not found`);
}

/** Contributor Insights settings; no CloudWatch rules are produced. */
export function describeContributorInsights(input: DescribeContributorInsightsCommandInput, ctx: Ctx) {
  const table = ctx.state.namedTable(input.TableName!);
  checkIndex(table, input.IndexName);
  const insights = table.contributorInsights;
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
  checkIndex(table, input.IndexName);
  const enable = input.ContributorInsightsAction === 'ENABLE';
  table.contributorInsights = { status: enable ? 'ENABLED' : 'DISABLED', mode: input.ContributorInsightsMode, updated: table.now() };
  return {
    TableName: table.name,
    IndexName: input.IndexName,
    ContributorInsightsStatus: enable ? 'ENABLING' : 'DISABLING',
    ContributorInsightsMode: input.ContributorInsightsMode,
  };
}

export function listContributorInsights(input: ListContributorInsightsCommandInput, ctx: Ctx) {
  const tables = input.TableName ? [ctx.state.namedTable(input.TableName)] : [...ctx.state.tables.values()];
  return {
    ContributorInsightsSummaries: tables
      .filter((t) => t.contributorInsights)
      .map((t) => ({ TableName: t.name, ContributorInsightsStatus: t.contributorInsights!.status, ContributorInsightsMode: t.contributorInsights!.mode })),
  };
}
