import { AwsError } from '../../../core/errors.ts';
import { buildArn } from '../../../core/arn.ts';
import type { LoggingConfig } from '@aws-sdk/client-cloudformation';

export type ExtensionKind = 'RESOURCE' | 'MODULE' | 'HOOK';

/** One registered version of a private extension. */
export interface TypeVersion {
  versionId: string;
  /** The schema from the package, as JSON text. */
  schema: string;
  description?: string;
  sourceUrl?: string;
  documentationUrl?: string;
  executionRoleArn?: string;
  loggingConfig?: LoggingConfig;
  created: Date;
  testsStatus: 'PASSED' | 'FAILED' | 'IN_PROGRESS' | 'NOT_TESTED';
  testsDescription?: string;
}

/** A version of a private extension made public by PublishType, as `MAJOR.MINOR.PATCH`. */
export interface PublicVersion {
  number: string;
  versionId: string;
}

/** A private extension (registered here, or a public third-party one activated into the account). */
export interface PrivateType {
  kind: ExtensionKind;
  typeName: string;
  /** The type's ARN without a version. */
  arn: string;
  versions: Map<string, TypeVersion>;
  defaultVersionId: string;
  /** The last version number handed out: version ids are never reused. */
  lastVersion: number;
  created: Date;
  updated: Date;
  /** Where an activated type came from (its public version now), and its options. */
  activation?: { publicTypeArn: string; publisherId: string; originalTypeName: string; autoUpdate: boolean; majorVersion?: number; publicVersion: string };
  /** Versions PublishType made public, oldest first. */
  published?: PublicVersion[];
}

/** A RegisterType request and how it went. */
export interface Registration {
  token: string;
  kind: ExtensionKind;
  typeName: string;
  status: 'COMPLETE' | 'IN_PROGRESS' | 'FAILED';
  description: string;
  typeArn: string;
  typeVersionArn: string;
}

export interface TypeConfiguration {
  arn: string;
  alias: string;
  typeArn: string;
  typeName: string;
  configuration: string;
  updated: Date;
}

/** The account's side of the CloudFormation registry (AWS's own types are not kept: the engine knows them). */
export interface RegistryState {
  /** `<kind>/<TypeName>` -> the private type. */
  types: Map<string, PrivateType>;
  registrations: Map<string, Registration>;
  /** Configuration ARN -> the configuration. */
  configurations: Map<string, TypeConfiguration>;
  /** The account's publisher id, once RegisterPublisher was called. */
  publisher?: { id: string; connectionArn?: string };
}

export function newRegistry(): RegistryState {
  return { types: new Map(), registrations: new Map(), configurations: new Map() };
}

export function registryError(message: string): AwsError {
  return new AwsError('CFNRegistryException', message);
}

export function typeNotFound(name: string): AwsError {
  return new AwsError('TypeNotFoundException', `The type '${name}' cannot be found.`);
}

export function typeKey(kind: string, typeName: string): string {
  return `${kind}/${typeName}`;
}

/**
 * A type's ARN: `…:type/resource/AWS-SQS-Queue` (AWS's public types have no account; private ones the account's),
 * with `/<version>` for a version.
 */
export function typeArn(where: { region: string; accountId: string }, kind: string, typeName: string, version?: string): string {
  const resource = `type/${kind.toLowerCase()}/${typeName.replaceAll('::', '-')}${version ? `/${version}` : ''}`;
  return buildArn({ service: 'cloudformation', region: where.region, accountId: where.accountId, resource });
}

/** The kind, type name and version an ARN names (`type/<kind>/<Name-With-Dashes>[/<version>]`). */
export function parseTypeArn(arn: string): { kind: ExtensionKind; dashed: string; version?: string } | undefined {
  const match = /^arn:aws[A-Za-z0-9-]{0,64}:cloudformation:[A-Za-z0-9-]{1,64}:([0-9]{12})?:type\/(resource|module|hook)\/([^/]+)(?:\/([^/]+))?$/.exec(arn);
  if (!match) return undefined;
  return { kind: match[2].toUpperCase() as ExtensionKind, dashed: match[3], version: match[4] };
}

export const TYPE_NAME = /^[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}(::MODULE){0,1}$/;
const KINDS = new Set(['RESOURCE', 'MODULE', 'HOOK']);

/** The model's constraints on the members that name a type, with AWS's validation messages. */
export function checkTypeMembers(input: { Type?: string; TypeName?: string; Arn?: string; VersionId?: string }): void {
  const errors: string[] = [];
  if (input.Type !== undefined && !KINDS.has(input.Type)) errors.push(`Value '${input.Type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [RESOURCE, MODULE, HOOK]`);
  if (input.TypeName !== undefined && !TYPE_NAME.test(input.TypeName)) {
    errors.push(`Value '${input.TypeName}' at 'typeName' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}(::MODULE){0,1}`);
  }
  if (input.VersionId !== undefined && !/^[A-Za-z0-9-]{1,128}$/.test(input.VersionId)) {
    errors.push(`Value '${input.VersionId}' at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9-]+`);
  }
  if (errors.length) throw new AwsError('ValidationError', `${errors.length} validation error${errors.length > 1 ? 's' : ''} detected: ${errors.join('; ')}`, { status: 400 });
}
