import { randomUUID } from 'node:crypto';
import type {
  AssociateSourceToS3TableIntegrationRequest,
  AssociateSourceToS3TableIntegrationResponse,
  DisassociateSourceFromS3TableIntegrationRequest,
  DisassociateSourceFromS3TableIntegrationResponse,
  ListSourcesForS3TableIntegrationRequest,
  ListSourcesForS3TableIntegrationResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import { parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { notFound } from '../errors.ts';
import { page } from '../pages.ts';
import type { LogsState, S3TableSource } from '../state.ts';

type Ctx = RequestContext<LogsState>;

/*
 * Data sources associated with an S3 Tables integration. The integration itself is an Observability Admin resource
 * (`arn:<partition>:observabilityadmin:<region>:<account>:s3tableintegration/<id>`), a service twinstack does not
 * serve: any such ARN of the caller's account and region is taken as existing, the associations are kept here and
 * ACTIVE, and no log data is written to S3 Tables.
 */

function checkIntegrationArn(arn: string, ctx: Ctx): void {
  const parts = parseArn(arn);
  if (!parts || parts.service !== 'observabilityadmin' || !/^s3tableintegration\/[\w-]+$/.test(parts.resource)) {
    throw new AwsError('ValidationException', 'integrationArn must be the ARN of an S3 Table integration.');
  }
  if (parts.accountId !== ctx.accountId || parts.region !== ctx.region) throw notFound('The specified integration does not exist.');
}

export function associateSourceToS3TableIntegration(input: AssociateSourceToS3TableIntegrationRequest, ctx: Ctx): AssociateSourceToS3TableIntegrationResponse {
  checkIntegrationArn(input.integrationArn!, ctx);
  const { name, type } = input.dataSource!;
  const taken = [...ctx.state.s3TableSources.values()].some((s) => s.integrationArn === input.integrationArn && s.dataSource.name === name && s.dataSource.type === type);
  if (taken) throw new AwsError('ValidationException', 'The data source is already associated with this integration.');
  const source: S3TableSource = { identifier: randomUUID(), integrationArn: input.integrationArn!, dataSource: { name: name!, type }, created: ctx.emulator.clock.now() };
  ctx.state.s3TableSources.set(source.identifier, source);
  return { identifier: source.identifier };
}

export function disassociateSourceFromS3TableIntegration(input: DisassociateSourceFromS3TableIntegrationRequest, ctx: Ctx): DisassociateSourceFromS3TableIntegrationResponse {
  if (!ctx.state.s3TableSources.delete(input.identifier!)) throw notFound('The specified data source association does not exist.');
  return { identifier: input.identifier };
}

export function listSourcesForS3TableIntegration(input: ListSourcesForS3TableIntegrationRequest, ctx: Ctx): ListSourcesForS3TableIntegrationResponse {
  checkIntegrationArn(input.integrationArn!, ctx);
  const sources = [...ctx.state.s3TableSources.values()].filter((s) => s.integrationArn === input.integrationArn).sort((a, b) => a.created - b.created);
  const { items, nextToken } = page(sources, input.nextToken, input.maxResults ?? 100);
  return {
    sources: items.map((s) => ({ identifier: s.identifier, dataSource: s.dataSource, status: 'ACTIVE', createdTimeStamp: s.created })),
    nextToken,
  };
}
