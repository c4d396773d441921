import type {
  DeleteIntegrationRequest,
  GetIntegrationRequest,
  GetIntegrationResponse,
  ListIntegrationsRequest,
  ListIntegrationsResponse,
  PutIntegrationRequest,
  PutIntegrationResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidParameter, notFound } from '../errors.ts';
import type { Integration, LogsState } from '../state.ts';

type Ctx = RequestContext<LogsState>;

/*
 * Integrations with OpenSearch Service, as AWS documents them: one per account, created once and never modified,
 * PROVISIONING when created. AWS then makes an OpenSearch Serverless collection, data source, application and
 * policies in the account; twinstack serves no OpenSearch Service, so nothing is created or contacted there: the
 * integration is ACTIVE from its first read, and GetIntegration names only the application the request gave.
 */

export function putIntegration(input: PutIntegrationRequest, ctx: Ctx): PutIntegrationResponse {
  const config = input.resourceConfig?.openSearchResourceConfig;
  if (!config) throw invalidParameter('resourceConfig must contain openSearchResourceConfig for an OPENSEARCH integration.');
  if (ctx.state.integrations.has(input.integrationName!)) throw invalidParameter(`Integration ${input.integrationName} already exists and cannot be modified.`);
  if (ctx.state.integrations.size) throw new AwsError('LimitExceededException', 'Only one integration is allowed per account.');
  const integration: Integration = {
    name: input.integrationName!,
    type: 'OPENSEARCH',
    status: 'PROVISIONING',
    openSearch: {
      dataSourceRoleArn: config.dataSourceRoleArn!,
      dashboardViewerPrincipals: config.dashboardViewerPrincipals ?? [],
      retentionDays: config.retentionDays!,
      kmsKeyArn: config.kmsKeyArn,
      applicationArn: config.applicationArn,
    },
    created: ctx.emulator.clock.now(),
  };
  ctx.state.integrations.set(integration.name, integration);
  return { integrationName: integration.name, integrationStatus: 'PROVISIONING' };
}

/** The integration, provisioned by the time anyone reads it (no OpenSearch resources are made here). */
function provisioned(integration: Integration): Integration {
  if (integration.status === 'PROVISIONING') integration.status = 'ACTIVE';
  return integration;
}

function findIntegration(ctx: Ctx, name: string): Integration {
  const integration = ctx.state.integrations.get(name);
  if (!integration) throw notFound(`Integration ${name} does not exist.`);
  return provisioned(integration);
}

export function getIntegration(input: GetIntegrationRequest, ctx: Ctx): GetIntegrationResponse {
  const integration = findIntegration(ctx, input.integrationName!);
  const { applicationArn } = integration.openSearch;
  return {
    integrationName: integration.name,
    integrationType: integration.type,
    integrationStatus: integration.status,
    integrationDetails: { openSearchIntegrationDetails: applicationArn ? { application: { applicationArn, status: { status: 'ACTIVE' } } } : {} },
  };
}

export function deleteIntegration(input: DeleteIntegrationRequest, ctx: Ctx): object {
  findIntegration(ctx, input.integrationName!);
  // `force` matters only when vended-log dashboards exist; none are made without OpenSearch Service.
  ctx.state.integrations.delete(input.integrationName!);
  return {};
}

export function listIntegrations(input: ListIntegrationsRequest, ctx: Ctx): ListIntegrationsResponse {
  const summaries = [...ctx.state.integrations.values()]
    .map(provisioned)
    .filter(
      (i) =>
        (input.integrationNamePrefix === undefined || i.name.startsWith(input.integrationNamePrefix)) &&
        (input.integrationType === undefined || i.type === input.integrationType) &&
        (input.integrationStatus === undefined || i.status === input.integrationStatus),
    );
  return { integrationSummaries: summaries.map((i) => ({ integrationName: i.name, integrationType: i.type, integrationStatus: i.status })) };
}
