import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { expandConnector } from './connector.ts';
import { defined, passedThrough, TransformErrorFor, type Expansion } from './context.ts';

// An `AWS::Serverless::GraphQLApi` as SAM's SamGraphQLApi makes it: the `AWS::AppSync::GraphQLApi` (its Auth, Tags and
// LogConfig with a CloudWatch role SAM makes unless Logging is false or names one), its GraphQLSchema, the connectors
// letting AppSync call its Lambda authorizers, its ApiKeys, ApiCache and DomainName. twinstack serves no AppSync, so
// CloudFormation then refuses these types as unrecognized, as it does any type twinstack does not serve.

const SAM_TAG = 'graphqlapi:createdBy';
const TYPES: unknown[] = ['API_KEY', 'AWS_IAM', 'AWS_LAMBDA', 'OPENID_CONNECT', 'AMAZON_COGNITO_USER_POOLS'];
const CONFIGS: Record<string, [string, string]> = {
  AWS_LAMBDA: ['LambdaAuthorizer', 'LambdaAuthorizerConfig'],
  OPENID_CONNECT: ['OpenIDConnect', 'OpenIDConnectConfig'],
  AMAZON_COGNITO_USER_POOLS: ['UserPool', 'UserPoolConfig'],
};

const isMap = (v: unknown): v is Properties => !!v && typeof v === 'object' && !Array.isArray(v);
const present = (v: Properties) => Object.fromEntries(Object.entries(v).filter(([, value]) => value !== undefined && value !== null));

/** One authentication (the API's or an additional one): its type and config property, validated as SAM does. */
function authentication(id: string, auth: Properties, index?: number): { type: unknown; name?: string; config?: Properties } {
  const { Additional: _additional, ...given } = auth;
  const at = index ? `'Auth.Additional.${index}'` : "'Auth'";
  if (Object.keys(present(given)).length > 2) throw new TransformErrorFor(id, `${at} has more than one authentication configuration defined.`);
  const known = Object.hasOwn(CONFIGS, String(auth.Type)) ? CONFIGS[String(auth.Type)] : undefined;
  if (!known) return { type: auth.Type };
  const [property, name] = known;
  const value = auth[property];
  if (!isMap(value)) throw new TransformErrorFor(id, `'${property}' must be defined if type is '${String(auth.Type)}'.`);
  // A user pool's DefaultAction belongs to the API's own authentication only.
  const config = present(index !== undefined && property === 'UserPool' ? { ...value, DefaultAction: undefined } : value);
  return { type: auth.Type, name, config };
}

/** The resources of one GraphQL API (see the module's comment). */
export function expandGraphQlApi(expansion: Expansion, id: string, resource: TemplateResource): void {
  const p = (resource.Properties ?? {}) as Properties;
  for (const name of ['DataSources', 'Functions', 'Resolvers']) {
    if (p[name] !== undefined) throw new TransformErrorFor(id, `Property '${name}' of a GraphQL API is not supported by twinstack yet.`);
  }
  // SAM's schema checks of Auth.
  if (p.Auth === undefined || p.Auth === null) throw new TransformErrorFor(id, "Missing required property 'Auth'.");
  if (!isMap(p.Auth)) throw new TransformErrorFor(id, "Property 'Auth' is invalid.");
  if (!TYPES.includes(p.Auth.Type)) throw new TransformErrorFor(id, "Property 'Auth.Type' is invalid.");
  const listed = p.Auth.Additional ?? [];
  const valid = (auth: unknown) => isMap(auth) && TYPES.includes(auth.Type) && (!Object.hasOwn(CONFIGS, auth.Type) || isMap(auth[CONFIGS[auth.Type][0]]));
  if (!Array.isArray(listed) || !listed.every(valid)) throw new TransformErrorFor(id, "Property 'Auth.Additional' is invalid.");
  const attributes: Partial<TemplateResource> = { ...defined({ DependsOn: resource.DependsOn }), ...passedThrough(resource) };
  const api: Properties = { Name: p.Name || id };
  if (p.Visibility) api.Visibility = p.Visibility;
  if (p.OwnerContact) api.OwnerContact = p.OwnerContact;
  if (p.XrayEnabled !== undefined) api.XrayEnabled = p.XrayEnabled;
  if (p.IntrospectionConfig) api.IntrospectionConfig = p.IntrospectionConfig;
  if (p.QueryDepthLimit) api.QueryDepthLimit = p.QueryDepthLimit;
  if (p.ResolverCountLimit) api.ResolverCountLimit = p.ResolverCountLimit;
  const lambdaAuthorizers: unknown[] = [];
  const primary = authentication(id, p.Auth);
  api.AuthenticationType = primary.type;
  if (primary.name && primary.config) {
    api[primary.name] = primary.config;
    if (primary.name === 'LambdaAuthorizerConfig') lambdaAuthorizers.push(primary.config.AuthorizerUri);
  }
  const additional = (listed as Properties[]).map((auth, index) => {
    const { type, name, config } = authentication(id, auth, index);
    if (name === 'LambdaAuthorizerConfig') lambdaAuthorizers.push(config!.AuthorizerUri);
    return { AuthenticationType: type, ...(name && config ? { [name]: config } : {}) };
  });
  if (additional.length) api.AdditionalAuthenticationProviders = additional;
  api.Tags = Object.entries({ ...((p.Tags as Properties | undefined) ?? {}), [SAM_TAG]: 'SAM' }).map(([Key, Value]) => ({ Key, Value }));
  const roleId = `${id}CloudWatchRole`;
  let role = false;
  if (p.Logging !== false) {
    const logging = isMap(p.Logging) ? p.Logging : undefined;
    api.LogConfig = defined({ ExcludeVerboseContent: logging?.ExcludeVerboseContent || undefined, FieldLogLevel: logging?.FieldLogLevel || 'ALL', CloudWatchLogsRoleArn: logging?.CloudWatchLogsRoleArn });
    if (!logging?.CloudWatchLogsRoleArn) {
      (api.LogConfig as Properties).CloudWatchLogsRoleArn = { 'Fn::GetAtt': [roleId, 'Arn'] };
      role = true;
    }
  }
  expansion.resources[id] = { ...attributes, Type: 'AWS::AppSync::GraphQLApi', Properties: api } as TemplateResource;
  const apiId = { 'Fn::GetAtt': [id, 'ApiId'] };
  if (!p.SchemaInline && !p.SchemaUri) throw new TransformErrorFor(id, "One of 'SchemaInline' or 'SchemaUri' must be set.");
  if (p.SchemaInline && p.SchemaUri) throw new TransformErrorFor(id, "Both 'SchemaInline' and 'SchemaUri' cannot be defined at the same time.");
  expansion.resources[`${id}Schema`] = { ...attributes, Type: 'AWS::AppSync::GraphQLSchema', Properties: defined({ ApiId: apiId, Definition: p.SchemaInline || undefined, DefinitionS3Location: p.SchemaUri || undefined }) } as TemplateResource;
  lambdaAuthorizers.forEach((arn, index) => {
    const connector = `${id}ToLambdaAuthConnector${index + 1}`;
    const Source = { Type: 'AWS::AppSync::GraphQLApi', Arn: { Ref: id }, ResourceId: apiId };
    expandConnector(expansion, connector, { Type: 'AWS::Serverless::Connector', Properties: { Source, Destination: { Type: 'AWS::Lambda::Function', Arn: arn }, Permissions: ['Write'] } });
  });
  if (role) {
    expansion.resources[roleId] = {
      ...attributes,
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['appsync.amazonaws.com'] } }] },
        ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs' }],
      },
    } as TemplateResource;
  }
  for (const [name, key] of Object.entries((p.ApiKeys ?? {}) as Record<string, Properties>)) {
    expansion.resources[`${id}${name}`] = { ...attributes, Type: 'AWS::AppSync::ApiKey', Properties: defined({ ApiId: apiId, ApiKeyId: key?.ApiKeyId || undefined, Description: key?.Description || undefined, Expires: key?.ExpiresOn || undefined }) } as TemplateResource;
  }
  const cache = p.Cache as Properties | undefined;
  if (cache) {
    expansion.resources[`${id}ApiCache`] = {
      ...attributes,
      Type: 'AWS::AppSync::ApiCache',
      Properties: defined({ ApiId: apiId, ApiCachingBehavior: cache.ApiCachingBehavior, Type: cache.Type, Ttl: cache.Ttl, AtRestEncryptionEnabled: cache.AtRestEncryptionEnabled ?? undefined, TransitEncryptionEnabled: cache.TransitEncryptionEnabled ?? undefined }),
    } as TemplateResource;
  }
  const domain = p.DomainName as Properties | undefined;
  if (domain) {
    expansion.resources[`${id}DomainName`] = { ...attributes, Type: 'AWS::AppSync::DomainName', Properties: defined({ CertificateArn: domain.CertificateArn, DomainName: domain.DomainName, Description: domain.Description || undefined }) } as TemplateResource;
    expansion.resources[`${id}DomainNameApiAssociation`] = { ...attributes, Type: 'AWS::AppSync::DomainNameApiAssociation', Properties: { ApiId: apiId, DomainName: { Ref: `${id}DomainName` } } } as TemplateResource;
  }
}
