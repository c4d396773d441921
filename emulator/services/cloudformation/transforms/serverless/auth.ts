import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { TransformErrorFor } from './context.ts';
import { conditionalContents } from './api-conditions.ts';
import { fromTemplate, insert, insertConstant, iterationOrder, setKey, templateElements, templateKeys, templateValues, tracked, type CopyClock } from './py27.ts';
import { edit } from './swagger-edits.ts';

/** The Auth keys twinstack translates; SAM's others still fail the transform. */
const SUPPORTED = ['Authorizers', 'DefaultAuthorizer', 'AddDefaultAuthorizerToCorsPreflight', 'ApiKeyRequired', 'AddApiKeyRequiredToCorsPreflight', 'InvokeRole', 'ResourcePolicy', 'UsagePlan'];
const KNOWN = [...SUPPORTED, 'DisableFunctionDefaultPermissions'];
const API_KEY = 'api_key';
/** The built-in authorizer that signs requests with SigV4 (no `Authorizers` entry needed). */
const AWS_IAM = 'AWS_IAM';
/** SAM's marker of an event's `ApiKeyRequired: false`, which the API's ApiKeyRequired then removes. */
const API_KEY_FALSE = 'api_key_false';

/** One authorizer of `Auth.Authorizers` as the securityDefinitions entry SAM writes (Lambda TOKEN/REQUEST or Cognito). */
function securityDefinition(owner: string, name: string, a: Properties, partition: string, clock: CopyClock): Properties {
  const identity = (a.Identity ?? {}) as Properties;
  const dict = (entries: Properties, ...fromTemplate: string[]) => templateValues(tracked(entries, clock), ...fromTemplate);
  if (a.UserPoolArn !== undefined) {
    const authorizer = dict({ type: 'cognito_user_pools', providerARNs: [a.UserPoolArn].flat() }, 'providerARNs');
    if (identity.ValidationExpression !== undefined) insert(templateValues(authorizer, 'identityValidationExpression'), 'identityValidationExpression', identity.ValidationExpression);
    return dict({ type: 'apiKey', name: identity.Header ?? 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools', 'x-amazon-apigateway-authorizer': authorizer }, ...(identity.Header ? ['name'] : []));
  }
  const payload = a.FunctionPayloadType ?? 'TOKEN';
  if (payload !== 'TOKEN' && payload !== 'REQUEST') throw new TransformErrorFor(owner, `${name} Authorizer has invalid 'FunctionPayloadType': ${String(payload)}.`);
  if (a.FunctionArn === undefined) throw new TransformErrorFor(owner, `Authorizer ${name} must specify either FunctionArn or UserPoolArn.`);
  const authorizer = dict({ type: payload.toLowerCase() });
  insert(authorizer, 'authorizerUri', { 'Fn::Sub': [`arn:${partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${__FunctionArn__}/invocations`, templateValues({ __FunctionArn__: fromTemplate(a.FunctionArn) }, '__FunctionArn__')] });
  const set = (key: string, value: unknown) => {
    templateValues(authorizer, key);
    insert(authorizer, key, value);
  };
  if (identity.ReauthorizeEvery !== undefined) set('authorizerResultTtlInSeconds', identity.ReauthorizeEvery);
  if (a.FunctionInvokeRole !== undefined && a.FunctionInvokeRole !== 'NONE') set('authorizerCredentials', a.FunctionInvokeRole);
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
    if (sources.length) set('identitySource', sources.join(', '));
  } else if (identity.ValidationExpression !== undefined) set('identityValidationExpression', identity.ValidationExpression);
  return dict({ type: 'apiKey', name: payload === 'REQUEST' ? 'Unused' : (identity.Header ?? 'Authorization'), in: 'header', 'x-amazon-apigateway-authtype': 'custom', 'x-amazon-apigateway-authorizer': authorizer }, ...(payload !== 'REQUEST' && identity.Header ? ['name'] : []));
}

/** The API's own AWS_IAM authorizer (a DefaultAuthorizer of AWS_IAM), as SAM's authorizer writes it. */
function iamAuthorizer(clock: CopyClock): Properties {
  return tracked({ type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' }, clock);
}

/** The securityDefinitions entries SAM adds when a method needs them (its own key order). */
function addSchemeOnce(definitions: Properties, name: typeof AWS_IAM | typeof API_KEY, clock: CopyClock): void {
  if (Object.hasOwn(definitions, name)) return;
  const scheme = name === AWS_IAM ? { 'x-amazon-apigateway-authtype': 'awsSigv4', type: 'apiKey', name: 'Authorization', in: 'header' } : { type: 'apiKey', name: 'x-api-key', in: 'header' };
  insertConstant(definitions, name, tracked(scheme, clock));
}

function isMethod(name: string): boolean {
  return name !== 'parameters';
}

/** A security requirement SAM makes: `{name: scopes}`, the name and scopes from the template unless SAM's own. */
function requirement(name: string, scopes: unknown, clock: CopyClock, samsOwn = false): Properties {
  const dict = tracked({ [name]: scopes }, clock);
  return samsOwn ? dict : templateValues(templateKeys(dict), name);
}

const hasKey = (requirements: Properties[], names: Set<string>) => requirements.filter((s) => Object.keys(s).some((k) => names.has(k)));
const lacksKey = (requirements: Properties[], names: Set<string>) => requirements.filter((s) => !Object.keys(s).some((k) => names.has(k)));

/**
 * The methods of a path SAM's Auth edits: those with an API Gateway integration, in each branch of an Fn::If path item
 * or method (a condition of the template's or of a function's) but AWS::NoValue.
 */
function integratedMethods(path: unknown): [string, Properties][] {
  return conditionalContents(path)
    .filter((item) => item && typeof item === 'object')
    .flatMap((item) =>
      iterationOrder(item)
        .filter(isMethod)
        .flatMap((name) => conditionalContents(item[name]).map((spec): [string, Properties] => [name, spec])),
    )
    .filter(([, spec]) => spec && typeof spec === 'object' && Object.hasOwn(spec, 'x-amazon-apigateway-integration'));
}

/**
 * A REST API's `Auth` as the SAM translator applies it to the inline definition, in one of its edits: the authorizers
 * (AWS_IAM first when it is the default) become securityDefinitions (with a Lambda permission per Lambda authorizer);
 * every method whose security names no authorizer gets the DefaultAuthorizer, unless it names NONE (which SAM leaves
 * in place); ApiKeyRequired adds the `api_key` scheme to every method but those whose event said false.
 */
export function addAuth(owner: string, auth: unknown, definition: Properties, resources: Record<string, TemplateResource>, stage: ApiStage, clock: CopyClock, partition: string): void {
  if (!definition.Body) throw new TransformErrorFor(owner, "Auth works only with inline Swagger specified in 'DefinitionBody' property.");
  if (!auth || typeof auth !== 'object' || Object.keys(auth).some((k) => !KNOWN.includes(k))) throw new TransformErrorFor(owner, "Invalid value for 'Auth' property");
  const a = auth as Properties;
  const unsupported = Object.keys(a).find((k) => !SUPPORTED.includes(k));
  if (unsupported) throw new TransformErrorFor(owner, `Property 'Auth.${unsupported}' of a serverless API is not supported by twinstack yet.`);
  const body = definition.Body as Properties;
  const given = (a.Authorizers ?? {}) as Record<string, Properties>;
  const names = [...(a.DefaultAuthorizer === AWS_IAM ? [AWS_IAM] : []), ...iterationOrder(given)];
  if (names.length && a.DefaultAuthorizer !== undefined && a.DefaultAuthorizer !== AWS_IAM && !Object.hasOwn(given, a.DefaultAuthorizer)) {
    throw new TransformErrorFor(owner, `Unable to set DefaultAuthorizer because '${String(a.DefaultAuthorizer)}' was not defined in 'Authorizers'.`);
  }
  for (const name of iterationOrder(given)) {
    const authorizer = given[name];
    if (authorizer.UserPoolArn !== undefined) continue;
    resources[`${owner}${name}AuthorizerPermission`] = {
      ...(stage.condition ? { Condition: stage.condition } : {}),
      Type: 'AWS::Lambda::Permission',
      Properties: {
        Action: 'lambda:InvokeFunction',
        FunctionName: authorizer.FunctionArn,
        Principal: 'apigateway.amazonaws.com',
        SourceArn: { 'Fn::Sub': [`arn:${partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${__ApiId__}/authorizers/*`, { __ApiId__: { Ref: owner } }] },
      },
    };
  }
  edit(clock, () => {
    let definitions = body.securityDefinitions as Properties | undefined;
    const schemes = () => (definitions ??= templateKeys(tracked({}, clock)));
    const paths = (body.paths ?? {}) as Record<string, Properties>;
    if (names.length) {
      for (const name of names) insert(schemes(), name, name === AWS_IAM && !Object.hasOwn(given, name) ? iamAuthorizer(clock) : securityDefinition(owner, name, given[name], partition, clock));
      const authorizerNames = new Set([AWS_IAM, ...names]);
      if (a.DefaultAuthorizer !== undefined) {
        for (const path of iterationOrder(paths)) {
          for (const [method, spec] of integratedMethods(paths[path])) {
            if (method === 'options' && a.AddDefaultAuthorizerToCorsPreflight === false) continue;
            const existing = (spec.security ?? []) as Properties[];
            const others = lacksKey(existing, authorizerNames);
            const authorizers = hasKey(existing, authorizerNames);
            const none = others.findIndex((r) => Object.hasOwn(r, 'NONE'));
            let chosen: Properties[] = [];
            if (none > -1) others.splice(none, 1);
            else if (authorizers.length) chosen = authorizers;
            else chosen = [requirement(a.DefaultAuthorizer, given[a.DefaultAuthorizer]?.AuthorizationScopes ?? [], clock)];
            const security = [...others, ...chosen];
            if (!security.length) continue;
            setKey(spec, 'security', security);
            if (Object.hasOwn(security[0], AWS_IAM)) addSchemeOnce(schemes(), AWS_IAM, clock);
          }
        }
      }
    }
    if (a.ApiKeyRequired) {
      addSchemeOnce(schemes(), API_KEY, clock);
      const keyNames = new Set([API_KEY, API_KEY_FALSE]);
      for (const path of iterationOrder(paths)) {
        for (const [method, spec] of integratedMethods(paths[path])) {
          const existing = (spec.security ?? []) as Properties[];
          const others = lacksKey(existing, keyNames);
          const keys = hasKey(existing, keyNames);
          const optedOut = keys.findIndex((r) => Object.hasOwn(r, API_KEY_FALSE)) > -1;
          let security = [...others, ...(optedOut ? [] : [requirement(API_KEY, [], clock, true)])];
          if (method === 'options' && a.AddApiKeyRequiredToCorsPreflight === false) security = others;
          if (JSON.stringify(security) !== JSON.stringify(existing)) setKey(spec, 'security', security);
        }
      }
    }
    if (a.ResourcePolicy !== undefined) addResourcePolicy(owner, a.ResourcePolicy, body, stage);
    if (definitions && Object.keys(definitions).length) setKey(body, 'securityDefinitions', definitions);
  });
}

/** The integration's credentials for a method signed with AWS_IAM: the event's InvokeRole, else the API's; CALLER_CREDENTIALS (or none) the caller's own. */
function credentialsOf(method: Properties, api: Properties, partition: string): unknown {
  const role = (auth: Properties) => (Object.hasOwn(auth, 'InvokeRole') ? auth.InvokeRole || 'NONE' : undefined);
  const invokeRole = role(method) ?? role(api);
  return invokeRole && invokeRole !== 'CALLER_CREDENTIALS' ? invokeRole : `arn:${partition}:iam::*:user/*`;
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
  return templateValues(condition, ...Object.keys(condition));
}

function checkVpcStrings(name: string, value: unknown): void {
  if (value !== undefined && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
    // SAM's InvalidTemplateException, which it words as a template-level error.
    throw new Error(`Structure of the SAM template is invalid. ${name} must be a list of strings. Use Intrinsic${name.slice('Source'.length)} instead for values that use Intrinsic Functions`);
  }
}

/**
 * `Auth.ResourcePolicy` as SAM writes it into the definition's `x-amazon-apigateway-policy` (added to the policy there):
 * per path (every path for an API's, the event's own path for an Api event's), a statement allowing (whitelist) or
 * denying (blacklist) the accounts its methods; for IP ranges, an Allow for everyone and a Deny on the source IP
 * condition; for VPCs and VPC endpoints, the same pair on `aws:SourceVpc`/`aws:SourceVpce` (blacklist first, then
 * whitelist); then the CustomStatements as given.
 */
export function addResourcePolicy(owner: string, policy: unknown, body: Properties, stage: ApiStage, onlyPath?: string): void {
  if (!policy || typeof policy !== 'object' || Array.isArray(policy)) throw new TransformErrorFor(owner, 'Resource Policy is not a valid dictionary.');
  const p = policy as Properties;
  const unknown = Object.keys(p).find((k) => !POLICY_KEYS.includes(k));
  if (unknown) throw new TransformErrorFor(owner, `Invalid value for 'ResourcePolicy' property: '${unknown}'`);
  // Built as SAM builds it: a first account statement stands alone, later ones make a list; IP statements and custom
  // statements are added once each.
  checkVpcStrings('SourceVpcBlacklist', p.SourceVpcBlacklist);
  checkVpcStrings('SourceVpcWhitelist', p.SourceVpcWhitelist);
  const existing = body['x-amazon-apigateway-policy'];
  const document: Properties = existing && typeof existing === 'object' && !Array.isArray(existing) ? existing : {};
  let statement: unknown = document.Statement ?? undefined;
  const list = (): unknown[] => (statement === undefined ? [] : Array.isArray(statement) ? statement : [statement]);
  const has = (items: unknown[], item: unknown) => items.some((s) => JSON.stringify(s) === JSON.stringify(item));
  const paths = (body.paths ?? {}) as Record<string, Properties>;
  const names = onlyPath === undefined ? iterationOrder(paths) : [onlyPath];
  for (const [path, methods] of names.map((path) => [path, paths[path]] as const)) {
    const resource = conditionalContents(methods).flatMap((item) => Object.keys(item ?? {})).map((m) => {
      const method = m.toLowerCase() === 'x-amazon-apigateway-any-method' || m.toLowerCase() === 'any' ? '*' : m.toUpperCase();
      const trimmed = path.replace(/\{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\+|proxy\+)\}/g, '*').replace(/\/$/, '');
      // The path (a template string to SAM) makes the resource one; the stage is one when the template names it.
      const stageValues = { __Stage__: stage.name };
      return { 'Fn::Sub': templateElements([`execute-api:/\${__Stage__}/${method}${trimmed}`, stage.fromTemplate ? templateValues(stageValues, '__Stage__') : stageValues], 0) };
    });
    const accounts = (effect: string, principals: unknown) => {
      if (principals === undefined || (Array.isArray(principals) && !principals.length)) return;
      const principal = templateValues({ AWS: principals && typeof principals === 'object' && !Array.isArray(principals) ? [principals] : principals }, 'AWS');
      const added = { Effect: effect, Action: 'execute-api:Invoke', Resource: resource, Principal: principal };
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
      allowAndDeny({ [condition]: templateValues({ 'aws:SourceIp': [ranges].flat() }, 'aws:SourceIp') });
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
    fromTemplate(p.CustomStatements);
    const items = list();
    statement = statement === undefined ? p.CustomStatements : [...items, ...[p.CustomStatements].flat().filter((s) => !has(items, s))];
  }
  if (statement === undefined) return;
  document.Version = '2012-10-17';
  document.Statement = statement;
  insert(body, 'x-amazon-apigateway-policy', document);
}

/**
 * An Api event's `Auth.ResourcePolicy`, once its method is in the definition: the statements for the event's path (and
 * its CustomStatements) added to the definition's policy, as SAM's event source does.
 */
export function addEventResourcePolicy(owner: string, eventId: string, event: Properties, body: Properties, stage: ApiStage): void {
  const policy = (event.Auth as Properties | undefined)?.ResourcePolicy;
  if (!policy) return;
  if (typeof policy !== 'object' || Array.isArray(policy)) throw new TransformErrorFor(owner, `Event with id [${eventId}] is invalid. Property 'Auth.ResourcePolicy' should be a map.`);
  addResourcePolicy(owner, policy, body, stage, event.Path as string);
}

/** A REST API's stage name, and whether it came from the template (a template string to SAM) rather than SAM's `Prod`. */
export interface ApiStage {
  name: unknown;
  fromTemplate: boolean;
  /** The API's condition, which its authorizers' permissions take. */
  condition?: string;
}

/** The securityDefinitions events of a REST API add before the API's own edits (kept on its entry, with the time of the first). */
export function eventSchemes(entry: Properties, clock: CopyClock): Properties {
  entry.schemesAt ??= clock.now;
  return (entry.securityDefinitions ??= templateKeys(tracked({}, clock)));
}

/**
 * An Api event's own `Auth` ({Authorizer, AuthorizationScopes, ApiKeyRequired, InvokeRole}) on the method it adds, as
 * SAM applies it while adding the method (its integration's credentials for AWS_IAM, then the method's security), with
 * SAM's messages for what the API does not define.
 */
export function addEventAuth(owner: string, eventId: string, event: Properties, api: Properties, method: Properties, entry: Properties, clock: CopyClock, partition: string): void {
  const invalid = (message: string) => new TransformErrorFor(owner, `Event with id [${eventId}] is invalid. ${message}`);
  if (event.Auth !== undefined && (!event.Auth || typeof event.Auth !== 'object' || Array.isArray(event.Auth))) throw invalid("Property 'Auth' should be a map.");
  const a = (event.Auth ?? {}) as Properties;
  const unknown = Object.keys(a).find((k) => !['Authorizer', 'ApiKeyRequired', 'AuthorizationScopes', 'InvokeRole', 'ResourcePolicy'].includes(k));
  if (unknown) throw new TransformErrorFor(owner, `Property 'Auth.${unknown}' of an Api event is not supported by twinstack yet.`);
  const apiAuth = (api.Auth ?? {}) as Properties;
  const integration = method['x-amazon-apigateway-integration'] as Properties;
  if (a.Authorizer === AWS_IAM || (apiAuth.DefaultAuthorizer === AWS_IAM && !Object.keys(a).length)) {
    const credentials = credentialsOf(a, apiAuth, partition);
    if (credentials !== 'NONE') {
      if (credentials === a.InvokeRole || credentials === apiAuth.InvokeRole) templateValues(integration, 'credentials');
      insert(integration, 'credentials', credentials);
    }
  }
  if (event.Auth === undefined) return;
  const where = `on API method [${String(event.Method).toLowerCase()}] for path [${String(event.Path)}]`;
  const authorizers = apiAuth.Authorizers as Properties | undefined;
  if (a.Authorizer && a.Authorizer !== AWS_IAM) {
    if (a.Authorizer !== 'NONE') {
      if (!authorizers) throw invalid(`Unable to set Authorizer [${String(a.Authorizer)}] ${where} because the related API does not define any Authorizers.`);
      if (!Object.hasOwn(authorizers, a.Authorizer)) throw invalid(`Unable to set Authorizer [${String(a.Authorizer)}] ${where} because it wasn't defined in the API's Authorizers.`);
    } else if (!apiAuth.DefaultAuthorizer) {
      throw invalid(`Unable to set Authorizer ${where} because 'NONE' is only a valid value when a DefaultAuthorizer on the API is specified.`);
    }
  }
  if (a.AuthorizationScopes && !a.Authorizer) throw invalid('AuthorizationScopes works only when Authorizer is set');
  if (a.ApiKeyRequired !== undefined && !a.ApiKeyRequired && !apiAuth.ApiKeyRequired) {
    throw invalid(`Unable to set ApiKeyRequired [False] ${where} because the related API does not specify any ApiKeyRequired.`);
  }
  const security = (method.security ?? []) as Properties[];
  if (a.Authorizer) {
    const fromApi = a.Authorizer !== 'NONE' && authorizers ? (authorizers[a.Authorizer] as Properties | undefined)?.AuthorizationScopes : undefined;
    const scopes = a.AuthorizationScopes ?? fromApi;
    security.push(requirement(a.Authorizer, authorizers && a.Authorizer !== 'NONE' && Object.hasOwn(authorizers, a.Authorizer) && scopes !== undefined ? scopes : [], clock));
    insert(method, 'security', security);
    if (Object.hasOwn(security[0], AWS_IAM)) addSchemeOnce(eventSchemes(entry, clock), AWS_IAM, clock);
  }
  if (a.ApiKeyRequired !== undefined) {
    if (a.ApiKeyRequired) addSchemeOnce(eventSchemes(entry, clock), API_KEY, clock);
    insert(method, 'security', [...security, requirement(a.ApiKeyRequired ? API_KEY : API_KEY_FALSE, [], clock, true)]);
  }
}
