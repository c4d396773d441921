import { isKnownOperator } from './conditions.ts';

/**
 * IAM's policy grammar checks, with the messages AWS's MalformedPolicyDocument errors carry. Returns the message of
 * the first problem, or undefined for a valid document. `identity` documents (user, group, role and managed
 * policies, boundaries) must name resources and must not name principals; `trust` documents (role trust policies)
 * must name principals and must not name resources; `resource` documents (queue, topic, key, secret policies) need
 * principals.
 */
export type PolicyKind = 'identity' | 'trust' | 'resource';

const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_ELEMENTS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition']);
const VERSIONS = new Set(['2008-10-17', '2012-10-17']);
const TRUST_ACTIONS = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
  'sts:setcontext',
  'sts:*',
  '*',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringOrList(value: Json | undefined): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

function list(value: Json | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

/** The shape checks AWS reports as "Syntax errors in policy.". */
function syntaxOk(document: JsonObject, statements: Json[]): boolean {
  if (!Object.keys(document).every((key) => TOP_LEVEL.has(key))) return false;
  if (document.Version !== undefined && !(typeof document.Version === 'string' && VERSIONS.has(document.Version))) return false;
  if (document.Id !== undefined && typeof document.Id !== 'string') return false;
  if (!statements.length) return false;
  for (const statement of statements) {
    if (!isObject(statement)) return false;
    if (!Object.keys(statement).every((key) => STATEMENT_ELEMENTS.has(key))) return false;
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') return false;
    if ('Action' in statement && 'NotAction' in statement) return false;
    if ('Resource' in statement && 'NotResource' in statement) return false;
    if ('Principal' in statement && 'NotPrincipal' in statement) return false;
    for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) if (key in statement && !isStringOrList(statement[key])) return false;
    if (statement.Sid !== undefined && typeof statement.Sid !== 'string') return false;
    if (statement.Condition !== undefined && !conditionSyntaxOk(statement.Condition)) return false;
  }
  return true;
}

function conditionSyntaxOk(condition: Json): boolean {
  if (!isObject(condition)) return false;
  for (const [operator, entries] of Object.entries(condition)) {
    if (!isObject(entries)) return false;
    if (!isKnownOperator(operator) && Object.keys(entries).length) return false;
    for (const value of Object.values(entries)) {
      const items = Array.isArray(value) ? value : [value];
      if (!items.every((v) => typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number')) return false;
    }
  }
  return true;
}

function actionProblem(action: string): string | undefined {
  if (action === '*') return undefined;
  const parts = action.split(':');
  if (parts.length === 1) return 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';
  if (parts.length > 2) return 'Actions/Condition can contain only one colon.';
  if (/[^a-zA-Z0-9\-.*]/.test(parts[0])) return `Vendor ${parts[0]} is not valid`;
  return undefined;
}

function resourceProblem(resource: string): string | undefined {
  if (resource === '*') return undefined;
  if (!resource.includes(':')) return `Resource ${resource} must be in ARN format or "*".`;
  const parts = resource.split(':');
  if (parts[0] !== 'arn' && parts[0] !== '*') return `Resource ${resource} must be in ARN format or "*".`;
  if (parts.length < 6) return 'The policy failed legacy parsing';
  if (parts[2] === '') return 'Resource vendor must be fully qualified and cannot contain regexes.';
  if (parts[2] === 'iam' && parts[3] !== '' && parts[3] !== '*') return `IAM resource ${resource} cannot contain region information.`;
  return undefined;
}

export function policyProblem(text: string, kind: PolicyKind): string | undefined {
  let document: Json;
  try {
    document = JSON.parse(text) as Json;
  } catch {
    return 'This policy contains invalid Json';
  }
  if (!isObject(document)) return 'Syntax errors in policy.';
  const raw = document.Statement;
  const statements: Json[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (!syntaxOk(document, statements)) return 'Syntax errors in policy.';
  const objects = statements as JsonObject[];
  // A managed or inline policy needs the current language version; a trust policy without one is of 2008-10-17, which
  // IAM takes (LocalStack's AWS-validated API Gateway tests create roles with such trust policies).
  if (kind === 'identity' && document.Version !== '2012-10-17') return 'Policy document must be version 2012-10-17 or greater.';
  const sids = new Set<string>();
  for (const statement of objects) {
    if (typeof statement.Sid === 'string' && statement.Sid) {
      if (sids.has(statement.Sid)) return 'Statement IDs (SID) in a single policy must be unique.';
      sids.add(statement.Sid);
    }
  }
  for (const statement of objects) {
    const actions = list(statement.Action ?? statement.NotAction);
    if (!('Action' in statement || 'NotAction' in statement) || !actions.length) return 'Policy statement must contain actions.';
  }
  for (const statement of objects) {
    for (const resource of list(statement.Resource ?? statement.NotResource)) {
      const problem = resourceProblem(resource);
      if (problem) return problem;
    }
  }
  for (const statement of objects) {
    for (const action of list(statement.Action ?? statement.NotAction)) {
      const problem = actionProblem(action);
      if (problem) return problem;
    }
  }
  for (const statement of objects) {
    const hasPrincipal = 'Principal' in statement || 'NotPrincipal' in statement;
    const hasResource = 'Resource' in statement || 'NotResource' in statement;
    if (kind === 'identity') {
      if (hasPrincipal) return 'Policy document should not specify a principal.';
      if (!hasResource || !list(statement.Resource ?? statement.NotResource).length) return 'Policy statement must contain resources.';
    } else {
      if (!hasPrincipal) return 'Missing required field Principal';
      if (kind === 'trust') {
        if (hasResource) return 'Has prohibited field Resource.';
        if (!list(statement.Action).every((a) => TRUST_ACTIONS.has(a.toLowerCase()))) {
          return 'Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity';
        }
      }
    }
  }
  return undefined;
}

/** Policy size as IAM counts it against its quotas: characters, whitespace excluded. */
export function policySize(text: string): number {
  return text.replace(/\s/g, '').length;
}
