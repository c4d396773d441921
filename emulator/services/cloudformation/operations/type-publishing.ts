import type { ActivateTypeInput, DeactivateTypeInput, PublishTypeInput, TestTypeInput } from '@aws-sdk/client-cloudformation';
import { validationError } from '../errors.ts';
import { privateType, removeType } from '../registry/lookup.ts';
import { checkTypeMembers, registryError, typeArn, typeKey, typeNotFound, TYPE_NAME, type ExtensionKind, type PrivateType } from '../registry/model.ts';
import { findPublished, isLater, latestPublic, nextMinor, parsePublicTypeArn, publicTypeArn } from '../registry/public-registry.ts';
import type { CfnContext } from './template-input.ts';

/** A registered (not activated) extension of the account: only those are tested and published. */
function registered(ctx: CfnContext, input: { Arn?: string; Type?: string; TypeName?: string; VersionId?: string }) {
  const found = privateType(ctx, input);
  if (found.type.activation) throw registryError(`Type ${found.type.typeName} is an activated public extension: only registered extensions can be tested and published`);
  return found;
}

/**
 * Tests a registered extension for publishing. A module passes when its model is sound (it was read at registration);
 * a resource type's or hook's contract tests run its handlers, which twinstack never runs, so they fail with why.
 */
export async function testType(input: TestTypeInput, ctx: CfnContext) {
  const { type, version } = registered(ctx, input);
  const id = version ?? type.defaultVersionId;
  const found = type.versions.get(id);
  if (!found) throw typeNotFound(type.typeName);
  if (input.LogDeliveryBucket !== undefined) {
    try {
      await ctx.emulator.call('s3', 'HeadBucket', { Bucket: input.LogDeliveryBucket }, { caller: ctx.caller, region: ctx.region });
    } catch {
      throw registryError(`Unable to access the log delivery bucket ${input.LogDeliveryBucket}`);
    }
  }
  if (type.kind === 'MODULE') Object.assign(found, { testsStatus: 'PASSED', testsDescription: 'The module model meets all requirements' });
  else Object.assign(found, { testsStatus: 'FAILED', testsDescription: 'Contract tests run the extension handlers, which twinstack does not run' });
  return { TypeVersionArn: `${type.arn}/${id}` };
}

/**
 * Makes the default version of a registered extension public in this region, under the account's publisher id. The
 * first publication is 1.0.0 (no number may be given); later ones take the number given (higher than the last) or
 * the next minor version.
 */
export function publishType(input: PublishTypeInput, ctx: CfnContext) {
  if (input.PublicVersionNumber !== undefined && !/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(.*)$/.test(input.PublicVersionNumber)) {
    throw validationError(`1 validation error detected: Value '${input.PublicVersionNumber}' at 'publicVersionNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(.*)$`);
  }
  const { type } = registered(ctx, input);
  const publisher = ctx.state.registry.publisher;
  if (!publisher) throw registryError('You must register as a publisher (RegisterPublisher) before publishing an extension');
  const version = type.versions.get(type.defaultVersionId)!;
  if (version.testsStatus !== 'PASSED') throw registryError(`Type ${type.typeName} version ${version.versionId} has not passed testing (TypeTestsStatus ${version.testsStatus}); run TestType first`);
  const latest = latestPublic(type);
  let number = input.PublicVersionNumber;
  if (!latest) {
    if (number !== undefined) throw registryError('A version number cannot be given the first time an extension is published: it is 1.0.0');
    number = '1.0.0';
  } else if (number === undefined) number = nextMinor(latest.number);
  else if (!isLater(number, latest.number)) throw registryError(`Version ${number} must be greater than the latest published version ${latest.number}`);
  (type.published ??= []).push({ number, versionId: version.versionId });
  return { PublicTypeArn: publicTypeArn(ctx.region, type.kind, publisher.id, type.typeName) };
}

function checkActivation(input: ActivateTypeInput): void {
  if (input.PublicTypeArn !== undefined && !parsePublicTypeArn(input.PublicTypeArn)) {
    throw validationError(`1 validation error detected: Value '${input.PublicTypeArn}' at 'publicTypeArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws[A-Za-z0-9-]{0,64}:cloudformation:[A-Za-z0-9-]{1,64}::type/.+/[0-9a-zA-Z]{12,40}/.+`);
  }
  if (input.TypeNameAlias !== undefined && !TYPE_NAME.test(input.TypeNameAlias)) {
    throw validationError(`1 validation error detected: Value '${input.TypeNameAlias}' at 'typeNameAlias' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}(::MODULE){0,1}`);
  }
  if (input.MajorVersion !== undefined && (!Number.isInteger(input.MajorVersion) || input.MajorVersion < 1 || input.MajorVersion > 100_000)) {
    throw validationError(`1 validation error detected: Value '${input.MajorVersion}' at 'majorVersion' failed to satisfy constraint: Member must have value between 1 and 100000`);
  }
}

/** The published type an activation names: its public ARN, or its publisher, kind and name. */
function publishedFor(ctx: CfnContext, input: ActivateTypeInput): { type: PrivateType; publisherId: string; arn: string } {
  const byArn = input.PublicTypeArn === undefined ? undefined : parsePublicTypeArn(input.PublicTypeArn);
  if (input.PublicTypeArn === undefined && (input.TypeName === undefined || input.PublisherId === undefined || input.Type === undefined)) {
    throw registryError('Must specify either PublicTypeArn, or Type, TypeName and PublisherId.');
  }
  const kind = byArn?.kind ?? input.Type!;
  const publisherId = byArn?.publisherId ?? input.PublisherId!;
  const name = input.TypeName ?? byArn!.dashed;
  const matches = (t: PrivateType) => (byArn ? t.typeName.replaceAll('::', '-') === byArn.dashed : t.typeName === input.TypeName);
  const type = byArn && byArn.region !== ctx.region ? undefined : findPublished(ctx, kind, publisherId, matches);
  if (!type) throw typeNotFound(name);
  return { type, publisherId, arn: publicTypeArn(ctx.region, type.kind, publisherId, type.typeName) };
}

/**
 * Activates a third-party public extension in the account (under an alias, if given): the newest public version (of
 * MajorVersion, if given) becomes a version of the account's type. Activating it again takes the newest version.
 */
export function activateType(input: ActivateTypeInput, ctx: CfnContext) {
  checkTypeMembers({ Type: input.Type, TypeName: input.TypeName });
  checkActivation(input);
  const { type: source, publisherId, arn: publicArn } = publishedFor(ctx, input);
  const latest = latestPublic(source, input.MajorVersion);
  if (!latest) throw typeNotFound(source.typeName);
  const kind = source.kind as ExtensionKind;
  const typeName = input.TypeNameAlias ?? source.typeName;
  const key = typeKey(kind, typeName);
  const now = ctx.emulator.clock.date();
  let type = ctx.state.registry.types.get(key);
  if (type && type.activation?.publicTypeArn !== publicArn) throw registryError(`Type ${typeName} already exists in this account and region; activate it under another TypeNameAlias`);
  if (!type) {
    type = { kind, typeName, arn: typeArn(ctx, kind, typeName), versions: new Map(), defaultVersionId: '', lastVersion: 0, created: now, updated: now };
    ctx.state.registry.types.set(key, type);
  }
  const published = source.versions.get(latest.versionId)!;
  const versionId = String(++type.lastVersion).padStart(8, '0');
  type.versions = new Map([[versionId, { ...published, versionId, created: now, executionRoleArn: input.ExecutionRoleArn, loggingConfig: input.LoggingConfig }]]);
  Object.assign(type, {
    defaultVersionId: versionId,
    updated: now,
    activation: { publicTypeArn: publicArn, publisherId, originalTypeName: source.typeName, autoUpdate: input.AutoUpdate ?? true, majorVersion: input.MajorVersion, publicVersion: latest.number },
  });
  return { Arn: type.arn };
}

/** Deactivates a public extension activated in the account (registered extensions are deregistered instead). */
export function deactivateType(input: DeactivateTypeInput, ctx: CfnContext) {
  if (input.Arn !== undefined && !/^arn:aws[A-Za-z0-9-]{0,64}:cloudformation:[A-Za-z0-9-]{1,64}:[0-9]{12}:type\/.+$/.test(input.Arn)) {
    throw validationError(`1 validation error detected: Value '${input.Arn}' at 'arn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws[A-Za-z0-9-]{0,64}:cloudformation:[A-Za-z0-9-]{1,64}:[0-9]{12}:type/.+`);
  }
  const { type } = privateType(ctx, input);
  if (!type.activation) throw registryError(`Type ${type.typeName} is not an activated public extension; use DeregisterType for registered extensions`);
  removeType(ctx, type);
  return {};
}
