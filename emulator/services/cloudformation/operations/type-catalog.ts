import type { DescribeTypeInput, ListTypesInput, TypeSummary } from '@aws-sdk/client-cloudformation';
import { validationError } from '../errors.ts';
import { privateType, referenced } from '../registry/lookup.ts';
import { typeArn, typeNotFound, type PrivateType } from '../registry/model.ts';
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
    Description: found.description,
    Schema: found.schema,
    ProvisioningType: provisioningOf(type, found.schema),
    DeprecatedStatus: 'LIVE' as const,
    LoggingConfig: found.loggingConfig,
    ExecutionRoleArn: found.executionRoleArn,
    Visibility: 'PRIVATE' as const,
    SourceUrl: found.sourceUrl,
    DocumentationUrl: found.documentationUrl,
    LastUpdated: type.updated,
    TimeCreated: found.created,
  };
}

/** The public type an account-less ARN names (`type/resource/AWS-SQS-Queue`), if any. */
function publicNameOf(ctx: CfnContext, arn: string): string | undefined {
  return publicTypeNames(ctx.emulator).find((name) => publicArn(ctx, name) === arn);
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
  } else {
    const registered = category === undefined || category === 'REGISTERED';
    summaries = registered
      ? [...ctx.state.registry.types.values()]
          .filter((t) => input.Type === undefined || t.kind === input.Type)
          .filter((t) => t.kind !== 'RESOURCE' || provisioningOf(t, t.versions.get(t.defaultVersionId)!.schema) === (input.ProvisioningType ?? 'FULLY_MUTABLE'))
          .map((t) => ({
            Type: t.kind,
            TypeName: t.typeName,
            DefaultVersionId: t.defaultVersionId,
            TypeArn: t.arn,
            LastUpdated: t.updated,
            Description: t.versions.get(t.defaultVersionId)?.description,
          }))
      : [];
  }
  return listPage('TypeSummaries', summaries.filter((s) => s.TypeName!.startsWith(prefix)), input.NextToken, size, (s) => s);
}
