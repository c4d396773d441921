import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { TransformErrorFor } from './context.ts';

/** The Auth keys twinstack translates; SAM's others still fail the transform. */
const SUPPORTED = ['Authorizers', 'DefaultAuthorizer', 'AddDefaultAuthorizerToCorsPreflight', 'ApiKeyRequired', 'AddApiKeyRequiredToCorsPreflight', 'InvokeRole', 'ResourcePolicy', 'UsagePlan'];
const KNOWN = [...SUPPORTED, 'DisableFunctionDefaultPermissions'];
const API_KEY = 'api_key';
/** The built-in authorizer that signs requests with SigV4 (no `Authorizers` entry needed). */
const AWS_IAM = 'AWS_IAM';
/** What an Api event's own `Auth` leaves on its method for the API's Auth to read (then removed). */
const EVENT_AUTH = 'x-twinstack-event-auth';
/** The integration credentials SAM writes for CALLER_CREDENTIALS: the caller's own. */
const CALLER_CREDENTIALS = 'arn:aws:iam::*:user/*';

/** One authorizer of `Auth.Authorizers` as the securityDefinitions entry SAM writes (Lambda TOKEN/REQUEST or Cognito). */
function securityDefinition(owner: string, name: string, a: Properties): Properties {
  const identity = (a.Identity ?? {}) as Properties;
  if (a.UserPoolArn !== undefined) {
    const authorizer: Properties = { type: 'cognito_user_pools', providerARNs: [a.UserPoolArn].flat() };
    if (identity.ValidationExpression !== undefined) authorizer.identityValidationExpression = identity.ValidationExpression;
    return { type: 'apiKey', name: identity.Header ?? 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools', 'x-amazon-apigateway-authorizer': authorizer };
  }
  const payload = a.FunctionPayloadType ?? 'TOKEN';
  if (payload !== 'TOKEN' && payload !== 'REQUEST') throw new TransformErrorFor(owner, `${name} Authorizer has invalid 'FunctionPayloadType': ${String(payload)}.`);
  if (a.FunctionArn === undefined) throw new TransformErrorFor(owner, `Authorizer ${name} must specify either FunctionArn or UserPoolArn.`);
  const authorizer: Properties = {
    type: payload.toLowerCase(),
    authorizerUri: { 'Fn::Sub': ['arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations', { __FunctionArn__: a.FunctionArn }] },
  };
  if (identity.ReauthorizeEvery !== undefined) authorizer.authorizerResultTtlInSeconds = identity.ReauthorizeEvery;
  if (a.FunctionInvokeRole !== undefined && a.FunctionInvokeRole !== 'NONE') authorizer.authorizerCredentials = a.FunctionInvokeRole;
  if (payload === 'REQUEST') {
    const sources = [
      ['Headers', 'method.request.header.'],
      ['QueryStrings', 'method.request.querystring.'],
      ['StageVariables', 'stageVariables.'],
      ['Context', 'context.'],
    ].flatMap(([key, prefix]) => ((identity[key] ?? []) as string[]).map((v) => prefix + v));
    if (!sources.length && !(Number(identity.ReauthorizeEvery) === 0 && identity.ReauthorizeEvery !== undefined)) {
      throw new TransformErrorFor(owner, `${name} Authorizer must specify Identity with at least one of Headers, QueryStrings, StageVariables, or Context.`);
    }
    if (sources.length) authorizer.identitySource = sources.join(', ');
  } else if (identity.ValidationExpression !== undefined) authorizer.identityValidationExpression = identity.ValidationExpression;
  return { type: 'apiKey', name: payload === 'REQUEST' ? 'Unused' : (identity.Header ?? 'Authorization'), in: 'header', 'x-amazon-apigateway-authtype': 'custom', 'x-amazon-apigateway-authorizer': authorizer };
}

function isMethod(name: string): boolean {
  return name !== 'parameters';
}

/**
 * A REST API's `Auth` as the SAM translator applies it to the inline definition: the authorizers become
 * securityDefinitions (with a Lambda permission per Lambda authorizer), every method without its own authorizer gets
 * the DefaultAuthorizer (an event's `Authorizer: NONE` opts out), and ApiKeyRequired adds the `api_key` scheme.
 */
export function addAuth(owner: string, auth: unknown, definition: Properties, resources: Record<string, TemplateResource>, stageName: unknown): void {
  if (!definition.Body) throw new TransformErrorFor(owner, "Auth works only with inline Swagger specified in 'DefinitionBody' property.");
  if (!auth || typeof auth !== 'object' || Object.keys(auth).some((k) => !KNOWN.includes(k))) throw new TransformErrorFor(owner, "Invalid value for 'Auth' property");
  const a = auth as Properties;
  const unsupported = Object.keys(a).find((k) => !SUPPORTED.includes(k));
  if (unsupported) throw new TransformErrorFor(owner, `Property 'Auth.${unsupported}' of a serverless API is not supported by twinstack yet.`);
  const body = definition.Body as Properties;
  const authorizers = (a.Authorizers ?? {}) as Record<string, Properties>;
  if (a.DefaultAuthorizer !== undefined && a.DefaultAuthorizer !== AWS_IAM && !Object.hasOwn(authorizers, a.DefaultAuthorizer)) {
    throw new TransformErrorFor(owner, `Unable to set DefaultAuthorizer because '${String(a.DefaultAuthorizer)}' was not defined in 'Authorizers'.`);
  }
  const definitions: Properties = { ...(body.securityDefinitions ?? {}) };
  for (const [name, authorizer] of Object.entries(authorizers)) {
    definitions[name] = securityDefinition(owner, name, authorizer);
    if (authorizer.UserPoolArn !== undefined) continue;
    resources[`${owner}${name}AuthorizerPermission`] = {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        Action: 'lambda:InvokeFunction',
        FunctionName: authorizer.FunctionArn,
        Principal: 'apigateway.amazonaws.com',
        SourceArn: { 'Fn::Sub': ['arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*', { __ApiId__: { Ref: owner } }] },
      },
    };
  }
  const usesApiKey = Boolean(a.ApiKeyRequired) || JSON.stringify(body.paths ?? {}).includes(`"${API_KEY}"`);
  if (usesApiKey) definitions[API_KEY] = { type: 'apiKey', name: 'x-api-key', in: 'header' };
  if (Object.keys(definitions).length) body.securityDefinitions = definitions;
  for (const methods of Object.values((body.paths ?? {}) as Record<string, Properties>)) {
    for (const [method, spec] of Object.entries(methods)) {
      if (!isMethod(method) || !spec || typeof spec !== 'object' || !spec['x-amazon-apigateway-integration']) continue;
      const preflight = method === 'options';
      const security = ((spec.security ?? []) as Record<string, unknown>[]).filter((s) => !Object.hasOwn(s, 'NONE'));
      const optedOut = ((spec.security ?? []) as Record<string, unknown>[]).some((s) => Object.hasOwn(s, 'NONE'));
      const hasAuthorizer = security.some((s) => Object.keys(s).some((k) => k === AWS_IAM || Object.hasOwn(authorizers, k)));
      if (a.DefaultAuthorizer !== undefined && !optedOut && !hasAuthorizer && (!preflight || a.AddDefaultAuthorizerToCorsPreflight !== false)) {
        security.push({ [a.DefaultAuthorizer]: authorizers[a.DefaultAuthorizer]?.AuthorizationScopes ?? [] });
      }
      const eventAuthGiven = spec[EVENT_AUTH] as Properties | undefined;
      delete spec[EVENT_AUTH];
      addCredentials(spec, a, eventAuthGiven);
      const keyOptOut = spec['x-twinstack-api-key-required'] === false;
      delete spec['x-twinstack-api-key-required'];
      if (a.ApiKeyRequired && !keyOptOut && !security.some((s) => Object.hasOwn(s, API_KEY)) && (!preflight || a.AddApiKeyRequiredToCorsPreflight !== false)) security.push({ [API_KEY]: [] });
      if (security.length) spec.security = security;
      else delete spec.security;
    }
  }
  if (JSON.stringify(body.paths ?? {}).includes(`"${AWS_IAM}"`)) {
    body.securityDefinitions = { ...(body.securityDefinitions ?? {}), [AWS_IAM]: { 'x-amazon-apigateway-authtype': 'awsSigv4', type: 'apiKey', name: 'Authorization', in: 'header' } };
  }
  if (a.ResourcePolicy !== undefined) addResourcePolicy(owner, a.ResourcePolicy, body, stageName);
}

/**
 * The integration's credentials for a method signed with AWS_IAM (its own authorizer, or the API's default when the
 * event has no Auth of its own): the event's InvokeRole, else the API's; CALLER_CREDENTIALS (or none given) means
 * the caller's own, NONE means none.
 */
function addCredentials(spec: Properties, api: Properties, method: Properties | undefined): void {
  const iam = method?.Authorizer === AWS_IAM || (api.DefaultAuthorizer === AWS_IAM && method === undefined);
  if (!iam) return;
  const role = (method && Object.hasOwn(method, 'InvokeRole') ? (method.InvokeRole ?? 'NONE') : undefined) ?? (Object.hasOwn(api, 'InvokeRole') ? (api.InvokeRole ?? 'NONE') : undefined);
  const credentials = role && role !== 'CALLER_CREDENTIALS' ? role : CALLER_CREDENTIALS;
  if (credentials !== 'NONE') spec['x-amazon-apigateway-integration'].credentials = credentials;
}

const POLICY_KEYS = [
  'AwsAccountWhitelist',
  'AwsAccountBlacklist',
  'IpRangeWhitelist',
  'IpRangeBlacklist',
  'SourceVpcWhitelist',
  'SourceVpcBlacklist',
  'IntrinsicVpcWhitelist',
  'IntrinsicVpceWhitelist',
  'IntrinsicVpcBlacklist',
  'IntrinsicVpceBlacklist',
  'CustomStatements',
];

/** SAM's condition on the source VPCs (`vpc-…`) and VPC endpoints (`vpce-…`) a VPC list names, keys in SAM's order. */
function vpcCondition(strings: unknown, vpcs: unknown, vpces: unknown): Record<string, unknown[]> {
  const condition: Record<string, unknown[]> = {};
  const add = (key: string, values: unknown[]) => (condition[key] = [...(condition[key] ?? []), ...values]);
  const listed = (strings ?? []) as string[];
  if (listed.some((e) => /^vpc-/.test(e))) add('aws:SourceVpc', listed.filter((e) => /^vpc-/.test(e)));
  if (listed.some((e) => /^vpce-/.test(e))) add('aws:SourceVpce', listed.filter((e) => /^vpce-/.test(e)));
  if (vpcs !== undefined) add('aws:SourceVpc', [vpcs].flat());
  if (vpces !== undefined) add('aws:SourceVpce', [vpces].flat());
  return condition;
}

function checkVpcStrings(name: string, value: unknown): void {
  if (value !== undefined && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
    // SAM's InvalidTemplateException, which it words as a template-level error.
    throw new Error(`Structure of the SAM template is invalid. ${name} must be a list of strings. Use Intrinsic${name.slice('Source'.length)} instead for values that use Intrinsic Functions`);
  }
}

/**
 * `Auth.ResourcePolicy` as SAM writes it into the definition's `x-amazon-apigateway-policy`: per path, a statement
 * allowing (whitelist) or denying (blacklist) the accounts its methods; for IP ranges, an Allow for everyone and a
 * Deny on the source IP condition; for VPCs and VPC endpoints, the same pair on `aws:SourceVpc`/`aws:SourceVpce`
 * (blacklist first, then whitelist); then the CustomStatements as given.
 */
function addResourcePolicy(owner: string, policy: unknown, body: Properties, stageName: unknown): void {
  if (!policy || typeof policy !== 'object' || Array.isArray(policy)) throw new TransformErrorFor(owner, 'Resource Policy is not a valid dictionary.');
  const p = policy as Properties;
  const unknown = Object.keys(p).find((k) => !POLICY_KEYS.includes(k));
  if (unknown) throw new TransformErrorFor(owner, `Invalid value for 'ResourcePolicy' property: '${unknown}'`);
  // Built as SAM builds it: a first account statement stands alone, later ones make a list; IP statements and custom
  // statements are added once each.
  checkVpcStrings('SourceVpcBlacklist', p.SourceVpcBlacklist);
  checkVpcStrings('SourceVpcWhitelist', p.SourceVpcWhitelist);
  let statement: unknown;
  const list = (): unknown[] => (statement === undefined ? [] : Array.isArray(statement) ? statement : [statement]);
  const has = (items: unknown[], item: unknown) => items.some((s) => JSON.stringify(s) === JSON.stringify(item));
  for (const [path, methods] of Object.entries((body.paths ?? {}) as Record<string, Properties>)) {
    const resource = Object.keys(methods).map((m) => {
      const method = m.toLowerCase() === 'x-amazon-apigateway-any-method' || m.toLowerCase() === 'any' ? '*' : m.toUpperCase();
      const trimmed = path.replace(/\{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\+|proxy\+)\}/g, '*').replace(/\/$/, '');
      return { 'Fn::Sub': [`execute-api:/\${__Stage__}/${method}${trimmed}`, { __Stage__: stageName }] };
    });
    const accounts = (effect: string, principals: unknown) => {
      if (principals === undefined || (Array.isArray(principals) && !principals.length)) return;
      const added = { Effect: effect, Action: 'execute-api:Invoke', Resource: resource, Principal: { AWS: principals && typeof principals === 'object' && !Array.isArray(principals) ? [principals] : principals } };
      statement = statement === undefined ? added : [...list(), added];
    };
    accounts('Allow', p.AwsAccountWhitelist);
    accounts('Deny', p.AwsAccountBlacklist);
    const allowAndDeny = (condition: Properties) => {
      const allow = { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: resource, Principal: '*' };
      const deny = { ...allow, Effect: 'Deny', Condition: condition };
      const items = list();
      statement = [...items, ...[allow, deny].filter((s) => !has(items, s))];
    };
    const ips = (condition: string, ranges: unknown) => {
      if (ranges === undefined || (Array.isArray(ranges) && !ranges.length)) return;
      allowAndDeny({ [condition]: { 'aws:SourceIp': [ranges].flat() } });
    };
    ips('NotIpAddress', p.IpRangeWhitelist);
    ips('IpAddress', p.IpRangeBlacklist);
    const vpcs = (condition: string, found: Record<string, unknown[]>) => {
      if (found['aws:SourceVpc']?.length || found['aws:SourceVpce']?.length) allowAndDeny({ [condition]: found });
    };
    vpcs('StringEquals', vpcCondition(p.SourceVpcBlacklist, p.IntrinsicVpcBlacklist, p.IntrinsicVpceBlacklist));
    vpcs('StringNotEquals', vpcCondition(p.SourceVpcWhitelist, p.IntrinsicVpcWhitelist, p.IntrinsicVpceWhitelist));
  }
  if (p.CustomStatements !== undefined) {
    const items = list();
    statement = statement === undefined ? p.CustomStatements : [...items, ...[p.CustomStatements].flat().filter((s) => !has(items, s))];
  }
  if (statement !== undefined) body['x-amazon-apigateway-policy'] = { Version: '2012-10-17', Statement: statement };
}

/** An Api event's own `Auth` ({Authorizer, ApiKeyRequired, AuthorizationScopes}) on the method it adds. */
export function eventAuth(owner: string, eventId: string, auth: unknown): Properties {
  if (auth === undefined) return {};
  if (!auth || typeof auth !== 'object') throw new TransformErrorFor(owner, `Event with id [${eventId}] is invalid. Auth must be a map.`);
  const a = auth as Properties;
  const unknown = Object.keys(a).find((k) => !['Authorizer', 'ApiKeyRequired', 'AuthorizationScopes', 'InvokeRole'].includes(k));
  if (unknown) throw new TransformErrorFor(owner, `Property 'Auth.${unknown}' of an Api event is not supported by twinstack yet.`);
  const security: Record<string, unknown>[] = [];
  if (a.Authorizer !== undefined) security.push({ [a.Authorizer]: a.Authorizer === 'NONE' ? [] : (a.AuthorizationScopes ?? []) });
  if (a.ApiKeyRequired === true) security.push({ [API_KEY]: [] });
  return { ...(security.length ? { security } : {}), ...(a.ApiKeyRequired === false ? { 'x-twinstack-api-key-required': false } : {}), [EVENT_AUTH]: a };
}

/**
 * An API without Auth: events' markers go, and an event naming an authorizer fails as SAM fails it (the API defines
 * none); `NONE` and `api_key` need no authorizer.
 */
export function checkNoAuth(owner: string, definition: Properties): void {
  for (const [path, methods] of Object.entries((definition.Body?.paths ?? {}) as Record<string, Properties>)) {
    for (const [method, spec] of Object.entries(methods)) {
      if (!isMethod(method) || !spec || typeof spec !== 'object') continue;
      delete spec['x-twinstack-api-key-required'];
      delete spec[EVENT_AUTH];
      const named = ((spec.security ?? []) as Record<string, unknown>[]).flatMap((s) => Object.keys(s)).find((k) => k !== 'NONE' && k !== API_KEY);
      if (named) throw new TransformErrorFor(owner, `Unable to set Authorizer [${named}] on API method [${method}] for path [${path}] because the related API does not define any Authorizers.`);
      spec.security = ((spec.security ?? []) as Record<string, unknown>[]).filter((s) => !Object.hasOwn(s, 'NONE'));
      if (!spec.security.length) delete spec.security;
    }
  }
  if (JSON.stringify(definition.Body?.paths ?? {}).includes(`"${API_KEY}"`)) definition.Body.securityDefinitions = { ...(definition.Body.securityDefinitions ?? {}), [API_KEY]: { type: 'apiKey', name: 'x-api-key', in: 'header' } };
}
