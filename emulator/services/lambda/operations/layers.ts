import type {
  AddLayerVersionPermissionRequest,
  DeleteLayerVersionRequest,
  GetLayerVersionPolicyRequest,
  GetLayerVersionRequest,
  ListLayersRequest,
  ListLayerVersionsRequest,
  PublishLayerVersionRequest,
  RemoveLayerVersionPermissionRequest,
} from '@aws-sdk/client-lambda';
import { buildArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { acceptZip, s3Object } from '../code.ts';
import { lambdaTimestamp, newRevision } from '../function.ts';
import type { LayerVersion } from '../layer.ts';
import { page } from '../lookup.ts';
import type { LambdaState } from '../state.ts';

type Ctx = RequestContext<LambdaState>;

/** A LayerName parameter may be a name or a layer ARN. */
const layerName = (text: string) => (text.startsWith('arn:') ? text.split(':')[6] : text);

function layerArn(ctx: Ctx, name: string) {
  return buildArn({ service: 'lambda', region: ctx.state.region, accountId: ctx.state.accountId, resource: `layer:${name}` });
}

async function view(ctx: Ctx, layer: LayerVersion, withContent: boolean) {
  const out: Record<string, unknown> = {
    LayerVersionArn: layer.arn,
    Version: layer.version,
    Description: layer.description,
    CreatedDate: layer.createdDate,
    CompatibleRuntimes: layer.compatibleRuntimes,
    CompatibleArchitectures: layer.compatibleArchitectures,
    LicenseInfo: layer.licenseInfo,
  };
  if (withContent) {
    out.LayerArn = layer.layerArn;
    out.Content = { Location: await ctx.state.codeServer.urlFor(layer.code), CodeSha256: layer.code.sha256, CodeSize: layer.code.size };
  }
  return out;
}

function checkVersionNumber(version: number) {
  if (version < 1) throw new AwsError('InvalidParameterValueException', 'Layer Version Cannot be less than 1');
}

/**
 * A layer version by name and number. Reads of the version itself answer AWS's generic not-found message; its
 * permission operations name the version (AWS-recorded test_layer_exceptions, test_layer_policy_exceptions).
 */
function findLayerVersion(ctx: Ctx, name: string, version: number, generic = false): LayerVersion {
  checkVersionNumber(version);
  const found = ctx.state.layers.get(name)?.versions.get(version);
  if (found) return found;
  throw new AwsError('ResourceNotFoundException', generic ? 'The resource you requested does not exist.' : `Layer version ${layerArn(ctx, name)}:${version} does not exist.`);
}

function checkPolicyRevision(layer: LayerVersion, revisionId: string | undefined) {
  if (revisionId !== undefined && revisionId !== layer.policy.revisionId) {
    throw new AwsError(
      'PreconditionFailedException',
      'The Revision Id provided does not match the latest Revision Id. Call the GetLayerPolicy API to retrieve the latest Revision Id',
      { status: 412 },
    );
  }
}

export async function publishLayerVersion(input: PublishLayerVersionRequest, ctx: Ctx) {
  const name = layerName(input.LayerName!);
  const content = input.Content;
  let zip: Buffer;
  if (content?.ZipFile) zip = Buffer.from(content.ZipFile);
  else if (content?.S3Bucket && content.S3Key) zip = await s3Object(ctx, content.S3Bucket, content.S3Key, content.S3ObjectVersion);
  else throw new AwsError('InvalidParameterValueException', 'Please provide a source for layer content.');
  const code = acceptZip(zip);
  let layer = ctx.state.layers.get(name);
  if (!layer) ctx.state.layers.set(name, (layer = { versions: new Map(), next: 1 }));
  const version = layer.next++;
  const arn = layerArn(ctx, name);
  const entry: LayerVersion = {
    name,
    version,
    arn: `${arn}:${version}`,
    layerArn: arn,
    description: input.Description ?? '',
    createdDate: lambdaTimestamp(ctx.emulator.clock.date()),
    compatibleRuntimes: input.CompatibleRuntimes,
    compatibleArchitectures: input.CompatibleArchitectures,
    licenseInfo: input.LicenseInfo,
    code,
    policy: { statements: [], revisionId: newRevision() },
  };
  layer.versions.set(version, entry);
  return view(ctx, entry, true);
}

export function getLayerVersion(input: GetLayerVersionRequest, ctx: Ctx) {
  return view(ctx, findLayerVersion(ctx, layerName(input.LayerName!), input.VersionNumber!, true), true);
}

export function getLayerVersionByArn(input: { Arn?: string }, ctx: Ctx) {
  const [, , , , , , name, number] = input.Arn!.split(':');
  return view(ctx, findLayerVersion(ctx, name, Number(number), true), true);
}

export async function listLayerVersions(input: ListLayerVersionsRequest, ctx: Ctx) {
  const layer = ctx.state.layers.get(layerName(input.LayerName!));
  const versions = [...(layer?.versions.values() ?? [])]
    .filter((v) => !input.CompatibleRuntime || v.compatibleRuntimes?.includes(input.CompatibleRuntime))
    .filter((v) => !input.CompatibleArchitecture || v.compatibleArchitectures?.includes(input.CompatibleArchitecture))
    .reverse();
  const { items, next } = page(versions, input.Marker, input.MaxItems);
  return { LayerVersions: await Promise.all(items.map((v) => view(ctx, v, false))), NextMarker: next };
}

export async function listLayers(input: ListLayersRequest, ctx: Ctx) {
  const layers = [];
  for (const [name, layer] of ctx.state.layers) {
    const latest = [...layer.versions.values()]
      .filter((v) => !input.CompatibleRuntime || v.compatibleRuntimes?.includes(input.CompatibleRuntime))
      .filter((v) => !input.CompatibleArchitecture || v.compatibleArchitectures?.includes(input.CompatibleArchitecture))
      .at(-1);
    if (latest) layers.push({ LayerName: name, LayerArn: latest.layerArn, LatestMatchingVersion: await view(ctx, latest, false) });
  }
  const { items, next } = page(layers, input.Marker, input.MaxItems);
  return { Layers: items, NextMarker: next };
}

export function deleteLayerVersion(input: DeleteLayerVersionRequest, ctx: Ctx) {
  checkVersionNumber(input.VersionNumber!);
  ctx.state.layers.get(layerName(input.LayerName!))?.versions.delete(input.VersionNumber!);
}

export function addLayerVersionPermission(input: AddLayerVersionPermissionRequest, ctx: Ctx) {
  const layer = findLayerVersion(ctx, layerName(input.LayerName!), input.VersionNumber!);
  checkPolicyRevision(layer, input.RevisionId);
  if (layer.policy.statements.some((s) => s.Sid === input.StatementId)) {
    throw new AwsError(
      'ResourceConflictException',
      `The statement id (${input.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
      { status: 409 },
    );
  }
  const statement: Record<string, unknown> = {
    Sid: input.StatementId,
    Effect: 'Allow',
    Principal: input.Principal === '*' ? '*' : { AWS: `arn:${layer.arn.split(':')[1]}:iam::${input.Principal}:root` },
    Action: input.Action,
    Resource: layer.arn,
  };
  if (input.OrganizationId) statement.Condition = { StringEquals: { 'aws:PrincipalOrgID': input.OrganizationId } };
  layer.policy = { statements: [...layer.policy.statements, statement], revisionId: newRevision() };
  return { Statement: JSON.stringify(statement), RevisionId: layer.policy.revisionId };
}

export function getLayerVersionPolicy(input: GetLayerVersionPolicyRequest, ctx: Ctx) {
  const layer = findLayerVersion(ctx, layerName(input.LayerName!), input.VersionNumber!);
  if (!layer.policy.statements.length) throw new AwsError('ResourceNotFoundException', 'No policy is associated with the given resource.');
  return { Policy: JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: layer.policy.statements }), RevisionId: layer.policy.revisionId };
}

export function removeLayerVersionPermission(input: RemoveLayerVersionPermissionRequest, ctx: Ctx) {
  const layer = findLayerVersion(ctx, layerName(input.LayerName!), input.VersionNumber!);
  checkPolicyRevision(layer, input.RevisionId);
  const remaining = layer.policy.statements.filter((s) => s.Sid !== input.StatementId);
  if (remaining.length === layer.policy.statements.length) throw new AwsError('ResourceNotFoundException', `Statement ${input.StatementId} is not found in resource policy.`);
  layer.policy = { statements: remaining, revisionId: newRevision() };
}
