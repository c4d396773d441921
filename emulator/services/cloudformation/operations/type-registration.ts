import { randomUUID } from 'node:crypto';
import type {
  DeregisterTypeInput,
  DescribeTypeRegistrationInput,
  ListTypeRegistrationsInput,
  ListTypeVersionsInput,
  RegisterTypeInput,
  SetTypeDefaultVersionInput,
} from '@aws-sdk/client-cloudformation';
import { validationError } from '../errors.ts';
import { privateType, referenced, removeType } from '../registry/lookup.ts';
import { checkTypeMembers, registryError, typeArn, typeKey, typeNotFound, type ExtensionKind, type PrivateType, type Registration } from '../registry/model.ts';
import { readPackage } from '../registry/package.ts';
import { isPublicType, publicDescription } from '../registry/public-types.ts';
import { checkToken } from './stacks.ts';
import { listPage } from './describe.ts';
import type { CfnContext } from './template-input.ts';

/** Version ids are eight digits, counting up per type. */
const versionId = (n: number) => String(n).padStart(8, '0');

/** MaxResults of the registry's lists: 1 to 100 (AWS's default page is 100 here too). */
export function pageSize(value: number | undefined): number {
  const size = value ?? 100;
  if (!Number.isInteger(size) || size < 1 || size > 100) throw validationError(`1 validation error detected: Value '${size}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100`);
  return size;
}

function addVersion(ctx: CfnContext, kind: ExtensionKind, typeName: string, input: RegisterTypeInput, schema: Record<string, unknown>): { type: PrivateType; version: string } {
  const now = ctx.emulator.clock.date();
  const key = typeKey(kind, typeName);
  let type = ctx.state.registry.types.get(key);
  if (!type) {
    type = { kind, typeName, arn: typeArn(ctx, kind, typeName), versions: new Map(), defaultVersionId: '', lastVersion: 0, created: now, updated: now };
    ctx.state.registry.types.set(key, type);
  }
  const version = versionId(++type.lastVersion);
  type.versions.set(version, {
    versionId: version,
    schema: JSON.stringify(schema),
    description: typeof schema.description === 'string' ? schema.description : undefined,
    sourceUrl: typeof schema.sourceUrl === 'string' ? schema.sourceUrl : undefined,
    documentationUrl: typeof schema.documentationUrl === 'string' ? schema.documentationUrl : undefined,
    executionRoleArn: input.ExecutionRoleArn,
    loggingConfig: input.LoggingConfig,
    created: now,
    testsStatus: 'NOT_TESTED',
  });
  // The first version becomes the default; later ones wait for SetTypeDefaultVersion.
  if (!type.defaultVersionId) type.defaultVersionId = version;
  type.updated = now;
  return { type, version };
}

/**
 * Registers a private extension from its package in S3. The package is read before this answers, so the registration
 * is COMPLETE (or FAILED, with why) at the first DescribeTypeRegistration; the type's handlers are never run.
 */
export async function registerType(input: RegisterTypeInput, ctx: CfnContext) {
  checkTypeMembers(input);
  checkToken(input.ClientRequestToken);
  if (input.TypeName === undefined) throw validationError("1 validation error detected: Value null at 'typeName' failed to satisfy constraint: Member must not be null");
  if (input.SchemaHandlerPackage === undefined) throw validationError("1 validation error detected: Value null at 'schemaHandlerPackage' failed to satisfy constraint: Member must not be null");
  if (input.ExecutionRoleArn !== undefined && !/^arn:.+:iam::[0-9]{12}:role\/.+$/.test(input.ExecutionRoleArn)) {
    throw validationError(`1 validation error detected: Value '${input.ExecutionRoleArn}' at 'executionRoleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:.+:iam::[0-9]{12}:role/.+`);
  }
  const kind = (input.Type ?? 'RESOURCE') as ExtensionKind;
  const typeName = input.TypeName;
  if (/^(AWS|Alexa|AMZN|Amazon|ASK|Custom|Dev)::/i.test(typeName)) throw registryError(`Type name ${typeName} uses a reserved namespace`);
  const token = randomUUID();
  const read = await readPackage(ctx, input.SchemaHandlerPackage, kind, typeName);
  const registration: Registration = { token, kind, typeName, status: 'FAILED', description: '', typeArn: typeArn(ctx, kind, typeName), typeVersionArn: '' };
  if ('failure' in read) registration.description = read.failure;
  else {
    const { type, version } = addVersion(ctx, kind, typeName, input, read.schema);
    Object.assign(registration, { status: 'COMPLETE', description: 'Deployment is currently in DEPLOY_STAGE of status COMPLETED', typeVersionArn: `${type.arn}/${version}` });
  }
  ctx.state.registry.registrations.set(token, registration);
  return { RegistrationToken: token };
}

export function describeTypeRegistration(input: DescribeTypeRegistrationInput, ctx: CfnContext) {
  const token = input.RegistrationToken;
  if (token === undefined) throw validationError("1 validation error detected: Value null at 'registrationToken' failed to satisfy constraint: Member must not be null");
  const registration = ctx.state.registry.registrations.get(token);
  if (!registration) throw registryError(`Registration token ${token} was not found`);
  return {
    ProgressStatus: registration.status,
    Description: registration.description,
    TypeArn: registration.typeArn,
    TypeVersionArn: registration.typeVersionArn || undefined,
  };
}

/** Registrations of a type; without a status filter, those still in progress (finished ones are not listed). */
export function listTypeRegistrations(input: ListTypeRegistrationsInput, ctx: CfnContext) {
  const ref = referenced(ctx, { Arn: input.TypeArn, Type: input.Type, TypeName: input.TypeName });
  const status = input.RegistrationStatusFilter ?? 'IN_PROGRESS';
  const tokens = [...ctx.state.registry.registrations.values()].filter((r) => r.typeArn === ref.baseArn && r.status === status).map((r) => r.token);
  return listPage('RegistrationTokenList', tokens, input.NextToken, pageSize(input.MaxResults), (t) => t);
}

export function listTypeVersions(input: ListTypeVersionsInput, ctx: CfnContext) {
  const size = pageSize(input.MaxResults);
  const ref = referenced(ctx, input);
  if (ref.typeName !== undefined && ref.kind === 'RESOURCE' && isPublicType(ctx.emulator, ref.typeName)) {
    // AWS's own types have one version here: the one twinstack implements.
    const arn = typeArn({ region: ctx.region, accountId: '' }, 'RESOURCE', ref.typeName);
    return { TypeVersionSummaries: [{ Type: 'RESOURCE' as const, TypeName: ref.typeName, IsDefaultVersion: true, Arn: arn, Description: publicDescription(ref.typeName) }] };
  }
  const { type } = privateType(ctx, { Arn: input.Arn, Type: input.Type, TypeName: input.TypeName });
  if (input.DeprecatedStatus === 'DEPRECATED') return { TypeVersionSummaries: [] };
  return listPage('TypeVersionSummaries', [...type.versions.values()], input.NextToken, size, (v) => ({
    Type: type.kind,
    TypeName: type.typeName,
    VersionId: v.versionId,
    IsDefaultVersion: v.versionId === type.defaultVersionId,
    Arn: `${type.arn}/${v.versionId}`,
    TimeCreated: v.created,
    Description: v.description,
  }));
}

export function setTypeDefaultVersion(input: SetTypeDefaultVersionInput, ctx: CfnContext) {
  const { type, version } = privateType(ctx, input);
  if (version === undefined || !type.versions.has(version)) throw typeNotFound(type.typeName);
  type.defaultVersionId = version;
  type.updated = ctx.emulator.clock.date();
  return {};
}

/** Deregisters one version (never the default), or the whole type once only its default version is left. */
export function deregisterType(input: DeregisterTypeInput, ctx: CfnContext) {
  const { type, version } = privateType(ctx, input);
  if (version !== undefined) {
    if (!type.versions.has(version)) throw typeNotFound(type.typeName);
    if (version === type.defaultVersionId) {
      throw registryError(`Version '${version}' is the default version and cannot be deregistered. Deregister the resource type '${type.typeName}' instead.`);
    }
    type.versions.delete(version);
    return {};
  }
  if (type.versions.size > 1) throw registryError('This type has more than one active version. Please deregister non-default active versions before attempting to deregister the type.');
  removeType(ctx, type);
  return {};
}
