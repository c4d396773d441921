import type {
  CreateAccessPointForObjectLambdaRequest,
  CreateAccessPointForObjectLambdaResult,
  DeleteAccessPointForObjectLambdaRequest,
  GetAccessPointConfigurationForObjectLambdaRequest,
  GetAccessPointConfigurationForObjectLambdaResult,
  GetAccessPointForObjectLambdaRequest,
  GetAccessPointForObjectLambdaResult,
  ListAccessPointsForObjectLambdaRequest,
  ListAccessPointsForObjectLambdaResult,
  ObjectLambdaConfiguration,
  PutAccessPointConfigurationForObjectLambdaRequest,
} from '@aws-sdk/client-s3-control';
import { parseArn } from '../../../core/arn.ts';
import { checkAccount, newAlias, objectLambdaArn, page, type S3ControlContext } from '../access.ts';
import { S3ControlErrors } from '../errors.ts';
import type { ObjectLambdaAccessPointRecord } from '../state.ts';

/** Object Lambda access points never block public access: AWS reports every setting off. */
const NONE_BLOCKED = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };

export function requireObjectLambdaAccessPoint(ctx: S3ControlContext, name: string | undefined): ObjectLambdaAccessPointRecord {
  const found = ctx.state.objectLambdaAccessPoints.get(name ?? '');
  if (!found) throw S3ControlErrors.noSuchAccessPoint(name ?? '');
  return found;
}

/**
 * The supporting access point must be one of this account's in this region, and each transformation names the
 * actions it serves once: what S3 Object Lambda needs to answer requests.
 */
function checkConfiguration(configuration: ObjectLambdaConfiguration, ctx: S3ControlContext): void {
  const supporting = parseArn(configuration.SupportingAccessPoint ?? '');
  const name = supporting?.resource.startsWith('accesspoint/') ? supporting.resource.slice('accesspoint/'.length) : undefined;
  if (!supporting || supporting.accountId !== ctx.accountId || supporting.region !== ctx.region || !ctx.state.accessPoints.has(name ?? '')) {
    throw S3ControlErrors.invalidRequest('Supporting Access Point ARN is invalid or does not exist');
  }
  const actions = (configuration.TransformationConfigurations ?? []).flatMap((t) => t.Actions ?? []);
  if (!actions.length) throw S3ControlErrors.invalidRequest('At least one transformation configuration is required');
  if (new Set(actions).size !== actions.length) throw S3ControlErrors.invalidRequest('Each action may appear in only one transformation configuration');
  for (const transformation of configuration.TransformationConfigurations ?? []) {
    if (!transformation.ContentTransformation?.AwsLambda?.FunctionArn) throw S3ControlErrors.invalidRequest('A transformation must name an AWS Lambda function');
  }
}

export function createAccessPointForObjectLambda(input: CreateAccessPointForObjectLambdaRequest, ctx: S3ControlContext): CreateAccessPointForObjectLambdaResult {
  checkAccount(input, ctx);
  const name = input.Name!;
  if (ctx.state.objectLambdaAccessPoints.has(name)) throw S3ControlErrors.alreadyOwned();
  checkConfiguration(input.Configuration!, ctx);
  const record: ObjectLambdaAccessPointRecord = { name, configuration: input.Configuration!, created: ctx.emulator.clock.date(), alias: newAlias(name, '--ol-s3', ctx.accountId) };
  ctx.state.objectLambdaAccessPoints.set(name, record);
  return { ObjectLambdaAccessPointArn: objectLambdaArn(ctx, name), Alias: { Value: record.alias, Status: 'READY' } };
}

export function getAccessPointForObjectLambda(input: GetAccessPointForObjectLambdaRequest, ctx: S3ControlContext): GetAccessPointForObjectLambdaResult {
  checkAccount(input, ctx);
  const found = requireObjectLambdaAccessPoint(ctx, input.Name);
  return { Name: found.name, PublicAccessBlockConfiguration: NONE_BLOCKED, CreationDate: found.created, Alias: { Value: found.alias, Status: 'READY' } };
}

export function listAccessPointsForObjectLambda(input: ListAccessPointsForObjectLambdaRequest, ctx: S3ControlContext): ListAccessPointsForObjectLambdaResult {
  checkAccount(input, ctx);
  const { items, nextToken } = page([...ctx.state.objectLambdaAccessPoints.values()], (ap) => ap.name, input.NextToken, input.MaxResults);
  return {
    ObjectLambdaAccessPointList: items.map((ap) => ({
      Name: ap.name,
      ObjectLambdaAccessPointArn: objectLambdaArn(ctx, ap.name),
      Alias: { Value: ap.alias, Status: 'READY' },
    })),
    NextToken: nextToken,
  };
}

export function deleteAccessPointForObjectLambda(input: DeleteAccessPointForObjectLambdaRequest, ctx: S3ControlContext): Record<string, never> {
  checkAccount(input, ctx);
  requireObjectLambdaAccessPoint(ctx, input.Name);
  ctx.state.objectLambdaAccessPoints.delete(input.Name!);
  return {};
}

export function getAccessPointConfigurationForObjectLambda(
  input: GetAccessPointConfigurationForObjectLambdaRequest,
  ctx: S3ControlContext,
): GetAccessPointConfigurationForObjectLambdaResult {
  checkAccount(input, ctx);
  return { Configuration: requireObjectLambdaAccessPoint(ctx, input.Name).configuration };
}

export function putAccessPointConfigurationForObjectLambda(input: PutAccessPointConfigurationForObjectLambdaRequest, ctx: S3ControlContext): Record<string, never> {
  checkAccount(input, ctx);
  const found = requireObjectLambdaAccessPoint(ctx, input.Name);
  checkConfiguration(input.Configuration!, ctx);
  found.configuration = input.Configuration!;
  return {};
}
