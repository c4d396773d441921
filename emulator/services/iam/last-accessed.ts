import type { PrincipalAccess } from '../../core/service.ts';
import { sessionRoleArn, type Policy } from '../../core/policy/index.ts';
import { wildcardMatch } from '../../core/policy/match.ts';
import { holderSources } from './principal-policies.ts';
import { SERVICE_NAMES } from './service-names.ts';
import type { IamState, PolicyHolder, ReportedService, ServiceAccess } from './state.ts';

/**
 * What IAM learns from each request of one of its principals (under `--enforce-iam`, where every request is judged):
 * the entity's last attempt per service and action (service last accessed data; a role session counts for its role),
 * the role's last use, and the access key's last use.
 */
export function recordAccess(state: IamState, access: PrincipalAccess): void {
  const roleArn = sessionRoleArn(access.principalArn);
  const entity = roleArn ?? access.principalArn;
  const log = (state.accessLog ??= new Map());
  let services = log.get(entity);
  if (!services) log.set(entity, (services = new Map()));
  const at = { date: access.date, region: access.region };
  const service = services.get(access.namespace);
  if (service) Object.assign(service, at);
  else services.set(access.namespace, { name: access.serviceName, ...at, actions: new Map() });
  services.get(access.namespace)!.actions.set(access.action, at);
  if (roleArn) {
    const role = state.roles.get(roleArn.slice(roleArn.lastIndexOf('/') + 1).toLowerCase());
    if (role?.arn === roleArn) role.lastUsed = at;
  }
  const key = access.accessKeyId === undefined ? undefined : state.accessKeys.get(access.accessKeyId);
  if (key) key.lastUsed = { ...at, service: access.namespace };
}

/** The service namespaces a policy's Allow statements name, wildcards expanded over the services twinstack serves. */
function allowedNamespaces(policy: Policy, into: Set<string>): void {
  for (const statement of policy.statements) {
    if (statement.effect !== 'Allow') continue;
    if (!statement.action) {
      // NotAction: everything but what it names, approximated as every service.
      for (const namespace of SERVICE_NAMES.keys()) into.add(namespace);
      continue;
    }
    for (const action of statement.action) {
      const prefix = action === '*' ? '*' : action.slice(0, action.indexOf(':')).toLowerCase();
      if (!/[*?]/.test(prefix)) into.add(prefix);
      else for (const namespace of SERVICE_NAMES.keys()) if (wildcardMatch(prefix, namespace)) into.add(namespace);
    }
  }
}

/**
 * A report's services: those the holders' permissions policies allow (not boundaries or resource policies, as AWS
 * says of this data) and those the entities in scope were seen using, each with every entity's last attempt.
 */
export function reportServices(state: IamState, holders: PolicyHolder[], policies: Policy[], entities: string[]): ReportedService[] {
  const namespaces = new Set<string>();
  for (const holder of holders) for (const source of holderSources(state, holder)) allowedNamespaces(source.policy, namespaces);
  for (const policy of policies) allowedNamespaces(policy, namespaces);
  const seen = (arn: string, namespace: string): ServiceAccess | undefined => state.accessLog?.get(arn)?.get(namespace);
  return [...namespaces].sort().map((namespace) => {
    const reported = entities.map((arn) => ({ arn, access: seen(arn, namespace) }));
    const name = reported.find((e) => e.access)?.access?.name ?? SERVICE_NAMES.get(namespace) ?? namespace;
    return { namespace, name, entities: reported.map((e) => (e.access ? { arn: e.arn, access: copyAccess(e.access) } : e)) };
  });
}

/** A report keeps the data as it was when generated. */
function copyAccess(access: ServiceAccess): ServiceAccess {
  return { ...access, actions: new Map(access.actions) };
}
