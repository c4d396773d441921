import type {
  BatchDescribeTypeConfigurationsOutput,
  DescribePublisherOutput,
  DescribeTypeOutput,
  DescribeTypeRegistrationOutput,
  ListTypeVersionsOutput,
} from '@aws-sdk/client-cloudformation';
import { AwsError } from '../../../core/errors.ts';
import { jsonText, type Properties, type ResourceRequest, type ResourceType } from '../provider.ts';
import { jsonAsGiven } from '../read-back.ts';
import { typeNotFound, type ExtensionKind } from './model.ts';

/*
 * The registry's own resource types, made through the registry's operations as AWS's resource handlers make them.
 * Registering reads the schema handler package; the extension's handlers are never run (twinstack cannot run them).
 */

const call = <T = Properties>(request: ResourceRequest, operation: string, input: object) => request.call<T>('cloudformation', operation, input);

/**
 * DescribeType of a version by its ARN, for the read handlers: a type no longer registered is answered with the
 * registry's 'TypeName is invalid' (its ARN names nothing), which for a resource means it is gone.
 */
async function describeVersion(request: ResourceRequest, arn: string): Promise<DescribeTypeOutput> {
  try {
    return await call<DescribeTypeOutput>(request, 'DescribeType', { Arn: arn });
  } catch (error) {
    if (error instanceof AwsError && error.code === 'CFNRegistryException') throw typeNotFound(arn);
    throw error;
  }
}

/** The ARN the next version of a type will have: the handler names the resource before the registration ends. */
async function nextVersionArn(request: ResourceRequest, kind: ExtensionKind, typeName: string, typeArn: string): Promise<string> {
  let last = 0;
  try {
    const { TypeVersionSummaries } = await call<ListTypeVersionsOutput>(request, 'ListTypeVersions', { Type: kind, TypeName: typeName });
    for (const summary of TypeVersionSummaries ?? []) last = Math.max(last, Number(summary.VersionId));
  } catch (error) {
    // A type not registered yet gets its first version.
    if (!(error instanceof AwsError && /NotFound/.test(error.code))) throw error;
  }
  return `${typeArn}/${String(last + 1).padStart(8, '0')}`;
}

/** A registered version's attributes, as DescribeType answers them, by the names the type's schema gives them. */
function versionAttributes(kind: ExtensionKind, described: DescribeTypeOutput, typeArn: string): Record<string, unknown> {
  const common = { Arn: described.Arn, IsDefaultVersion: described.IsDefaultVersion, VersionId: described.Arn!.slice(described.Arn!.lastIndexOf('/') + 1), Visibility: described.Visibility };
  if (kind === 'MODULE') return { ...common, Description: described.Description, DocumentationUrl: described.DocumentationUrl, Schema: described.Schema, TimeCreated: described.TimeCreated?.toISOString() };
  return { ...common, TypeArn: typeArn, ...(kind === 'RESOURCE' ? { ProvisioningType: described.ProvisioningType } : {}) };
}

/**
 * `AWS::CloudFormation::ResourceVersion`, `HookVersion` and `ModuleVersion`: one version of a private extension,
 * registered with RegisterType from its package and waited for. Ref is the version's ARN. Deleting the default version
 * deregisters the type (which refuses while other versions are left); another version is deregistered by its ARN.
 */
function versionType(kind: ExtensionKind, names: { typeName: string; package: string; more: string[] }): ResourceType {
  return {
    properties: [names.typeName, names.package, ...names.more],
    primaryIdentifier: ['Arn'],
    async create(request) {
      const typeName = request.properties[names.typeName];
      const { ExecutionRoleArn, LoggingConfig } = request.properties;
      const { RegistrationToken } = await call(request, 'RegisterType', { Type: kind, TypeName: typeName, SchemaHandlerPackage: request.properties[names.package], ExecutionRoleArn, LoggingConfig });
      const registration = await call<DescribeTypeRegistrationOutput>(request, 'DescribeTypeRegistration', { RegistrationToken });
      if (registration.ProgressStatus !== 'COMPLETE') {
        const predicted = await nextVersionArn(request, kind, typeName, registration.TypeArn!);
        throw new AwsError('NotStabilized', `Resource of type '${request.resourceType}' with identifier '${predicted}' did not stabilize.`);
      }
      const described = await call<DescribeTypeOutput>(request, 'DescribeType', { Arn: registration.TypeVersionArn });
      return { physicalId: registration.TypeVersionArn!, attributes: versionAttributes(kind, described, registration.TypeArn!) };
    },
    async delete(request) {
      const described = await call<DescribeTypeOutput>(request, 'DescribeType', { Arn: request.physicalId });
      const input = described.IsDefaultVersion ? { Type: kind, TypeName: described.TypeName } : { Arn: request.physicalId };
      await call(request, 'DeregisterType', input);
    },
    // The package (SchemaHandlerPackage, ModulePackage) is write-only in AWS's schemas: not read back.
    async read(request) {
      const described = await describeVersion(request, request.physicalId);
      const typeArn = request.physicalId.slice(0, request.physicalId.lastIndexOf('/'));
      const settings = kind === 'MODULE' ? {} : { ExecutionRoleArn: described.ExecutionRoleArn, LoggingConfig: described.LoggingConfig };
      return { [names.typeName]: described.TypeName, ...settings, ...versionAttributes(kind, described, typeArn) };
    },
  };
}

/**
 * `AWS::CloudFormation::ResourceDefaultVersion` and `HookDefaultVersion`: SetTypeDefaultVersion, by the version's ARN
 * or the type's name and version id. Ref and `Arn` are the default version's ARN. Deleting the resource leaves the
 * type's default as it is (AWS's delete handler calls nothing).
 */
function defaultVersionType(kind: ExtensionKind): ResourceType {
  const apply = async (request: ResourceRequest) => {
    const { TypeVersionArn, TypeName, VersionId } = request.properties;
    const input = TypeVersionArn !== undefined ? { Arn: TypeVersionArn } : { Type: kind, TypeName, VersionId };
    await call(request, 'SetTypeDefaultVersion', input);
    const { Arn } = await call<DescribeTypeOutput>(request, 'DescribeType', input);
    return { physicalId: Arn!, attributes: { Arn } };
  };
  return {
    properties: ['TypeName', 'TypeVersionArn', 'VersionId'],
    primaryIdentifier: ['Arn'],
    create: apply,
    update: apply,
    async delete() {},
    // The type's default version now: SetTypeDefaultVersion made elsewhere shows as drift of the version.
    async read(request) {
      const { TypeName } = await describeVersion(request, request.physicalId);
      const current = await call<DescribeTypeOutput>(request, 'DescribeType', { Type: kind, TypeName });
      return { Arn: request.physicalId, TypeName, VersionId: current.DefaultVersionId, TypeVersionArn: current.Arn };
    },
  };
}

/** `AWS::CloudFormation::ModuleDefaultVersion`: SetTypeDefaultVersion of a module (by `Arn`, or ModuleName and VersionId). */
const moduleDefaultVersion: ResourceType = {
  properties: ['Arn', 'ModuleName', 'VersionId'],
  primaryIdentifier: ['Arn'],
  async create(request) {
    const { Arn, ModuleName, VersionId } = request.properties;
    const input = Arn !== undefined ? { Arn } : { Type: 'MODULE', TypeName: ModuleName, VersionId };
    await call(request, 'SetTypeDefaultVersion', input);
    const described = await call<DescribeTypeOutput>(request, 'DescribeType', input);
    return { physicalId: described.Arn!, attributes: {} };
  },
  // As for the other default versions, deleting the resource changes nothing.
  async delete() {},
  // ModuleName and VersionId are write-only in AWS's schema: only the version's ARN is read back.
  async read(request) {
    const { Arn } = await describeVersion(request, request.physicalId);
    return { Arn };
  },
};

/**
 * `AWS::CloudFormation::TypeActivation`: ActivateType of a public third-party extension (again on update, which takes
 * the new settings and the newest version); deleting it deactivates the extension. Ref and `Arn` are the activated
 * type's ARN in the account.
 */
const ACTIVATION = ['AutoUpdate', 'ExecutionRoleArn', 'LoggingConfig', 'MajorVersion', 'PublicTypeArn', 'PublisherId', 'Type', 'TypeName', 'TypeNameAlias', 'VersionBump'];
const activate = async (request: ResourceRequest) => {
  const input = Object.fromEntries(ACTIVATION.filter((name) => request.properties[name] !== undefined).map((name) => [name, request.properties[name]]));
  // The template gives MajorVersion as a string; ActivateType takes a number.
  if (input.MajorVersion !== undefined) input.MajorVersion = Number(input.MajorVersion);
  const { Arn } = await call<{ Arn: string }>(request, 'ActivateType', input);
  return { physicalId: Arn, attributes: { Arn } };
};
const typeActivation: ResourceType = {
  properties: ACTIVATION,
  createOnly: ['PublicTypeArn', 'PublisherId', 'Type', 'TypeName', 'TypeNameAlias'],
  primaryIdentifier: ['Arn'],
  create: activate,
  update: activate,
  async delete(request) {
    await call(request, 'DeactivateType', { Arn: request.physicalId });
  },
  // AWS's schema makes ExecutionRoleArn, Type, LoggingConfig, VersionBump, AutoUpdate and MajorVersion write-only.
  async read(request) {
    const activated = await describeVersion(request, request.physicalId);
    const alias = activated.TypeName !== activated.OriginalTypeName || request.properties.TypeNameAlias !== undefined;
    return {
      Arn: activated.Arn,
      PublicTypeArn: activated.OriginalTypeArn,
      PublisherId: activated.PublisherId,
      TypeName: activated.OriginalTypeName,
      ...(alias ? { TypeNameAlias: activated.TypeName } : {}),
    };
  },
};

/**
 * `AWS::CloudFormation::Publisher`: RegisterPublisher for the account. Ref is the publisher id. No operation takes a
 * publisher back, so deleting the resource leaves the account registered.
 */
const publisher: ResourceType = {
  properties: ['AcceptTermsAndConditions', 'ConnectionArn'],
  primaryIdentifier: ['PublisherId'],
  async create(request) {
    const { AcceptTermsAndConditions, ConnectionArn } = request.properties;
    const { PublisherId } = await call<{ PublisherId: string }>(request, 'RegisterPublisher', { AcceptTermsAndConditions, ConnectionArn });
    const described = await call<DescribePublisherOutput>(request, 'DescribePublisher', { PublisherId });
    const { PublisherStatus, PublisherProfile, IdentityProvider } = described;
    return { physicalId: PublisherId, attributes: { PublisherId, PublisherStatus, PublisherProfile, IdentityProvider } };
  },
  async delete() {},
  // ConnectionArn is write-only in AWS's schema; a registered publisher has accepted the terms.
  async read(request) {
    const { PublisherId, PublisherStatus, PublisherProfile, IdentityProvider } = await call<DescribePublisherOutput>(request, 'DescribePublisher', { PublisherId: request.physicalId });
    return { AcceptTermsAndConditions: true, PublisherId, PublisherStatus, PublisherProfile, IdentityProvider };
  },
};

/**
 * `AWS::CloudFormation::PublicTypeVersion`: tests the registered extension (TestType, with LogDeliveryBucket) and
 * publishes its default version (PublishType). Ref is the public type's ARN. No operation unpublishes a version, so
 * deleting the resource leaves it published.
 */
const publicTypeVersion: ResourceType = {
  properties: ['Arn', 'LogDeliveryBucket', 'PublicVersionNumber', 'Type', 'TypeName'],
  primaryIdentifier: ['PublicTypeArn'],
  async create(request) {
    const { Arn, LogDeliveryBucket, PublicVersionNumber, Type, TypeName } = request.properties;
    const named = Arn !== undefined ? { Arn } : { Type, TypeName };
    await call(request, 'TestType', { ...named, LogDeliveryBucket });
    const { PublicTypeArn } = await call<{ PublicTypeArn: string }>(request, 'PublishType', { ...named, PublicVersionNumber });
    const { PublisherId, LatestPublicVersion } = await call<DescribeTypeOutput>(request, 'DescribeType', named);
    return { physicalId: PublicTypeArn, attributes: { PublicTypeArn, PublisherId, TypeVersionArn: `${PublicTypeArn}/${LatestPublicVersion}` } };
  },
  async delete() {},
  // The private extension the public ARN (`…::type/<kind>/<publisher>/<Name-With-Hyphens>`) names, as its account
  // published it; the test's log bucket is only in the template.
  async read(request) {
    const [kind, publisherId, name] = request.physicalId.split(':type/')[1].split('/');
    const source = await call<DescribeTypeOutput>(request, 'DescribeType', { Type: kind.toUpperCase(), TypeName: name.replace(/-/g, '::') });
    if (source.PublisherId !== publisherId || source.LatestPublicVersion === undefined) throw typeNotFound(request.physicalId);
    return {
      Arn: source.Arn!.slice(0, source.Arn!.lastIndexOf('/')),
      LogDeliveryBucket: request.properties.LogDeliveryBucket,
      PublicTypeArn: request.physicalId,
      PublicVersionNumber: source.LatestPublicVersion,
      PublisherId: source.PublisherId,
      Type: source.Type,
      TypeName: source.TypeName,
      TypeVersionArn: `${request.physicalId}/${source.LatestPublicVersion}`,
    };
  },
};

/** SetTypeConfiguration of a hook, by its ARN or name, with the template's configuration (JSON text or an object). */
async function configureHook(request: ResourceRequest, configuration: string | undefined) {
  const { TypeArn, TypeName, ConfigurationAlias } = request.properties;
  const named = TypeArn !== undefined ? { TypeArn } : { Type: 'HOOK', TypeName };
  const { ConfigurationArn } = await call<{ ConfigurationArn: string }>(request, 'SetTypeConfiguration', { ...named, ConfigurationAlias, Configuration: configuration });
  return { physicalId: ConfigurationArn, attributes: { ConfigurationArn } };
}

/**
 * `AWS::CloudFormation::HookTypeConfig`: a hook's configuration (SetTypeConfiguration, again on update). Ref is the
 * configuration's ARN. No operation removes a configuration: deleting the resource sets the hook's TargetStacks to
 * NONE, keeping the rest, as AWS's delete handler does.
 */
const hookTypeConfig: ResourceType = {
  properties: ['Configuration', 'ConfigurationAlias', 'TypeArn', 'TypeName'],
  createOnly: ['ConfigurationAlias'],
  primaryIdentifier: ['ConfigurationArn'],
  create: (request) => configureHook(request, jsonText(request.properties.Configuration)),
  update: (request) => configureHook(request, jsonText(request.properties.Configuration)),
  async delete(request) {
    const configuration = JSON.parse(jsonText(request.properties.Configuration) ?? '{}') as Properties;
    const hook = configuration.CloudFormationConfiguration?.HookConfiguration as Properties | undefined;
    // AWS's handler fails on a configuration without it (an internal failure).
    if (!hook) throw new Error('JSONObject["CloudFormationConfiguration"] not found.');
    hook.TargetStacks = 'NONE';
    await configureHook(request, JSON.stringify(configuration));
  },
  async read(request) {
    const { TypeConfigurations } = await call<BatchDescribeTypeConfigurationsOutput>(request, 'BatchDescribeTypeConfigurations', { TypeConfigurationIdentifiers: [{ TypeConfigurationArn: request.physicalId }] });
    const found = TypeConfigurations?.[0];
    if (!found) throw new AwsError('TypeConfigurationNotFoundException', "The specified extension configuration can't be found.");
    return { ConfigurationArn: found.Arn, ConfigurationAlias: found.Alias, TypeArn: found.TypeArn, TypeName: found.TypeName, Configuration: jsonAsGiven(request.properties.Configuration, found.Configuration) };
  },
};

export const REGISTRY_TYPES: [string, ResourceType][] = [
  ['AWS::CloudFormation::ResourceVersion', versionType('RESOURCE', { typeName: 'TypeName', package: 'SchemaHandlerPackage', more: ['ExecutionRoleArn', 'LoggingConfig'] })],
  ['AWS::CloudFormation::HookVersion', versionType('HOOK', { typeName: 'TypeName', package: 'SchemaHandlerPackage', more: ['ExecutionRoleArn', 'LoggingConfig'] })],
  ['AWS::CloudFormation::ModuleVersion', versionType('MODULE', { typeName: 'ModuleName', package: 'ModulePackage', more: [] })],
  ['AWS::CloudFormation::ResourceDefaultVersion', defaultVersionType('RESOURCE')],
  ['AWS::CloudFormation::HookDefaultVersion', defaultVersionType('HOOK')],
  ['AWS::CloudFormation::HookTypeConfig', hookTypeConfig],
  ['AWS::CloudFormation::ModuleDefaultVersion', moduleDefaultVersion],
  ['AWS::CloudFormation::TypeActivation', typeActivation],
  ['AWS::CloudFormation::Publisher', publisher],
  ['AWS::CloudFormation::PublicTypeVersion', publicTypeVersion],
];
