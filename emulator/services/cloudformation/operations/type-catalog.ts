import type { DescribeTypeInput, ListTypesInput, TypeSummary } from '@aws-sdk/client-cloudformation';
import { validationError } from '../errors.ts';
import { privateType, referenced } from '../registry/lookup.ts';
import { typeArn, typeNotFound, type PrivateType } from '../registry/model.ts';
import { allPublished, findPublished, latestPublic, publicTypeArn } from '../registry/public-registry.ts';
import { isPublicType, publicDescription, publicSchema, publicTypeNames } from '../registry/public-types.ts';
import { resourceType } from '../engine/types.ts';
import { listPage } from './describe.ts';
import { pageSize } from './type-registration.ts';
import type { CfnContext } from './template-input.ts';

const publicArn = (ctx: CfnContext, typeName: string) => typeArn({ region: ctx.region, accountId: '' }, 'RESOURCE', typeName);

/** A private type's provisioning: resource types by their handlers; modules and hooks have none. */
function provisioningOf(type: PrivateType, schema: string): 'FULLY_MUTABLE' | 'IMMUTABLE' | 'NON_PROVISIONABLE' | undefined {
  if (type.kind !== 'RESOURCE') return undefined;
  const handlers = (JSON.parse(schema) as { handlers?: Record<string, unknown> }).handlers ?? {};
  if (!handlers.create) return 'NON_PROVISIONABLE';
  return handlers.update ? 'FULLY_MUTABLE' : 'IMMUTABLE';
}

async function describePublic(ctx: CfnContext, typeName: string) {
  const { schema, provisioning } = await publicSchema(typeName);
  return {
    Arn: publicArn(ctx, typeName),
    Type: 'RESOURCE' as const,
    TypeName: typeName,
    IsDefaultVersion: true,
    Description: publicDescription(typeName),
    Schema: JSON.stringify(schema),
    ProvisioningType: provisioning,
    DeprecatedStatus: 'LIVE' as const,
    Visibility: 'PUBLIC' as const,
  };
}

/** An extension and its schema: one of AWS's types the engine provides, or a private one (a version of it). */
export async function describeType(input: DescribeTypeInput, ctx: CfnContext) {
  const ref = referenced(ctx, input);
  const publicName = ref.typeName ?? publicNameOf(ctx, ref.baseArn);
  if (ref.kind === 'RESOURCE' && publicName !== undefined && isPublicType(ctx.emulator, publicName)) return describePublic(ctx, publicName);
  const { type, version } = privateType(ctx, input);
  const id = version ?? type.defaultVersionId;
  const found = type.versions.get(id);
  if (!found) throw typeNotFound(type.typeName);
  return {
    Arn: `${type.arn}/${id}`,
    Type: type.kind,
    TypeName: type.typeName,
    DefaultVersionId: type.defaultVersionId,
    IsDefaultVersion: id === type.defaultVersionId,
    TypeTestsStatus: found.testsStatus,
    TypeTestsStatusDescription: found.testsDescription,
    ...publicFields(ctx, type),
    Description: found.description,
    Schema: found.schema,
    ProvisioningType: provisioningOf(type, found.schema),
    DeprecatedStatus: 'LIVE' as const,
    LoggingConfig: found.loggingConfig,
    ExecutionRoleArn: found.executionRoleArn,
    Visibility: type.activation ? ('PUBLIC' as const) : ('PRIVATE' as const),
    SourceUrl: found.sourceUrl,
    DocumentationUrl: found.documentationUrl,
    LastUpdated: type.updated,
    TimeCreated: found.created,
  };
}

/** What DescribeType adds for an activated third-party type, or for a registered type its account published. */
function publicFields(ctx: CfnContext, type: PrivateType) {
  const activation = type.activation;
  if (activation) {
    const source = findPublished(ctx, type.kind, activation.publisherId, (t) => t.typeName === activation.originalTypeName);
    return {
      PublisherId: activation.publisherId,
      OriginalTypeName: activation.originalTypeName,
      OriginalTypeArn: activation.publicTypeArn,
      PublicVersionNumber: activation.publicVersion,
      LatestPublicVersion: (source && latestPublic(source, activation.majorVersion)?.number) ?? activation.publicVersion,
      IsActivated: true,
      AutoUpdate: activation.autoUpdate,
    };
  }
  const latest = latestPublic(type);
  return latest ? { PublisherId: ctx.state.registry.publisher?.id, LatestPublicVersion: latest.number } : {};
}

/** The public type an account-less ARN names (`type/resource/AWS-SQS-Queue`), if any. */
function publicNameOf(ctx: CfnContext, arn: string): string | undefined {
  return publicTypeNames(ctx.emulator).find((name) => publicArn(ctx, name) === arn);
}

/** Third-party types published in the region (of the kind asked, RESOURCE by default), with their newest version. */
function thirdParty(ctx: CfnContext, input: ListTypesInput): TypeSummary[] {
  return allPublished(ctx)
    .filter(({ type }) => type.kind === (input.Type ?? 'RESOURCE'))
    .map(({ type, publisherId }) => ({
      Type: type.kind,
      TypeName: type.typeName,
      TypeArn: publicTypeArn(ctx.region, type.kind, publisherId, type.typeName),
      Description: type.versions.get(type.defaultVersionId)?.description,
      PublisherId: publisherId,
      LatestPublicVersion: latestPublic(type)!.number,
      IsActivated: [...ctx.state.registry.types.values()].some((t) => t.activation?.publicTypeArn === publicTypeArn(ctx.region, type.kind, publisherId, type.typeName)),
    }));
}

const VISIBILITIES = new Set(['PUBLIC', 'PRIVATE']);

/**
 * Lists extensions: PRIVATE (the default) is the account's registered types; PUBLIC is AWS's types as the engine
 * provides them. AWS's defaults apply: ProvisioningType FULLY_MUTABLE and DeprecatedStatus LIVE unless asked.
 */
export async function listTypes(input: ListTypesInput, ctx: CfnContext) {
  const size = pageSize(input.MaxResults);
  const visibility = input.Visibility ?? 'PRIVATE';
  if (!VISIBILITIES.has(visibility)) throw validationError(`1 validation error detected: Value '${visibility}' at 'visibility' failed to satisfy constraint: Member must satisfy enum value set: [PUBLIC, PRIVATE]`);
  if (input.DeprecatedStatus === 'DEPRECATED') return { TypeSummaries: [] };
  const prefix = input.Filters?.TypeNamePrefix ?? '';
  const category = input.Filters?.Category;
  let summaries: TypeSummary[];
  if (visibility === 'PUBLIC') {
    const aws = (input.Type ?? 'RESOURCE') === 'RESOURCE' && (category === undefined || category === 'AWS_TYPES');
    const names = aws ? publicTypeNames(ctx.emulator).filter((name) => name.startsWith(prefix)) : [];
    const provisioning = await Promise.all(names.map(async (name) => (await resourceType(name)).update ? 'FULLY_MUTABLE' : 'IMMUTABLE'));
    summaries = names
      .filter((_, i) => provisioning[i] === (input.ProvisioningType ?? 'FULLY_MUTABLE'))
      .map((name) => ({ Type: 'RESOURCE', TypeName: name, TypeArn: publicArn(ctx, name), Description: publicDescription(name) }));
    if (category === undefined || category === 'THIRD_PARTY') summaries.push(...thirdParty(ctx, input));
  } else {
    summaries = [...ctx.state.registry.types.values()]
      .filter((t) => category === undefined || category === (t.activation ? 'ACTIVATED' : 'REGISTERED'))
      .filter((t) => input.Type === undefined || t.kind === input.Type)
      .filter((t) => t.kind !== 'RESOURCE' || provisioningOf(t, t.versions.get(t.defaultVersionId)!.schema) === (input.ProvisioningType ?? 'FULLY_MUTABLE'))
      .map((t) => ({
        Type: t.kind,
        TypeName: t.typeName,
        DefaultVersionId: t.defaultVersionId,
        TypeArn: t.arn,
        LastUpdated: t.updated,
        Description: t.versions.get(t.defaultVersionId)?.description,
        ...(t.activation ? { PublisherId: t.activation.publisherId, OriginalTypeName: t.activation.originalTypeName, PublicVersionNumber: t.activation.publicVersion, IsActivated: true } : {}),
      }));
  }
  return listPage('TypeSummaries', summaries.filter((s) => s.TypeName!.startsWith(prefix)), input.NextToken, size, (s) => s);
}
