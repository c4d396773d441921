import type { RoutingRule } from '@aws-sdk/client-apigatewayv2';
import type { Emulator } from '../../../core/emulator.ts';
import type { RawRequest } from '../../../protocols/types.ts';
import type { ApiGatewayV2State } from '../../apigatewayv2/state.ts';
import type { ApiGatewayState } from '../state.ts';

/**
 * Where a request to a custom domain name goes, as AWS's "Send traffic to your APIs through your custom domain name"
 * describes: routing rules first, in priority order (unless the domain's routing mode is API_MAPPING_ONLY), then API
 * mappings / base path mappings by the longest matching base path (unless it is ROUTING_RULE_ONLY).
 */
export interface DomainTarget {
  apiId: string;
  stage: string;
  /** The path the API sees (the base path removed, unless a routing rule keeps it). */
  path: string;
}

interface FoundDomain {
  mode: string;
  rules: RoutingRule[];
  /** Base path ('' for none) -> API and stage. */
  mappings: Map<string, { apiId: string; stage: string }>;
}

/** The custom domain name a Host header names, from API Gateway v2's or v1's domain names in any account and region. */
export function findDomain(emulator: Emulator, host: string | undefined): FoundDomain | undefined {
  const name = host?.toLowerCase().replace(/:\d+$/, '');
  if (!name) return undefined;
  for (const [service, store] of emulator.stores()) {
    for (const [, state] of store.entries()) {
      if (service === 'apigatewayv2') {
        const v2 = state as ApiGatewayV2State;
        const domain = v2.domainNames.get(name);
        if (!domain) continue;
        const mappings = new Map([...(v2.apiMappings.get(name)?.values() ?? [])].map((m) => [m.ApiMappingKey ?? '', { apiId: m.ApiId!, stage: m.Stage! }]));
        return { mode: domain.RoutingMode ?? 'API_MAPPING_ONLY', rules: [...(v2.routingRules.get(name)?.values() ?? [])], mappings };
      }
      if (service === 'apigateway') {
        const v1 = state as ApiGatewayState;
        const domain = v1.domainNames.get(name);
        if (!domain) continue;
        const mappings = new Map([...(v1.basePathMappings.get(name)?.values() ?? [])].map((m) => [m.basePath === '(none)' ? '' : m.basePath!, { apiId: m.restApiId!, stage: m.stage ?? '' }]));
        return { mode: v1Mode(domain.routingMode), rules: [], mappings };
      }
    }
  }
  return undefined;
}

/** API Gateway v1 names the modes after base path mappings. */
const v1Mode = (mode: string | undefined) => (mode ?? 'BASE_PATH_MAPPING_ONLY').replace('BASE_PATH_MAPPING', 'API_MAPPING');

/** A glob of AWS's forms: `*suffix`, `prefix*`, `*contains*` or a literal; values compare case-sensitively. */
function globMatches(glob: string, value: string): boolean {
  const starts = glob.startsWith('*');
  const ends = glob.endsWith('*') && glob.length > 1;
  const core = glob.slice(starts ? 1 : 0, ends ? -1 : undefined);
  if (starts && ends) return value.includes(core);
  if (starts) return value.endsWith(core);
  if (ends) return value.startsWith(core);
  return value === core;
}

/** The base path a request's path starts with (`/users/1` starts with `users` and with `users/1`). */
const underBasePath = (path: string, basePath: string) => path === `/${basePath}` || path.startsWith(`/${basePath}/`);
const stripped = (path: string, basePath: string) => path.slice(basePath.length + 1) || '/';

function ruleTarget(rule: RoutingRule, req: RawRequest): DomainTarget | undefined {
  let basePath: string | undefined;
  for (const condition of rule.Conditions ?? []) {
    if (condition.MatchHeaders) {
      const ok = condition.MatchHeaders.AnyOf!.some((m) => {
        const value = req.headers[m.Header!.toLowerCase()];
        return value !== undefined && globMatches(m.ValueGlob!, value);
      });
      if (!ok) return undefined;
    }
    if (condition.MatchBasePaths) {
      basePath = condition.MatchBasePaths.AnyOf!.find((p) => underBasePath(req.path, p));
      if (basePath === undefined) return undefined;
    }
  }
  const invoke = rule.Actions![0].InvokeApi!;
  const path = invoke.StripBasePath && basePath !== undefined ? stripped(req.path, basePath) : req.path;
  return { apiId: invoke.ApiId!, stage: invoke.Stage!, path };
}

/** The API, stage and path a request to the domain goes to, or undefined (AWS answers 403 Forbidden). */
export function domainTarget(domain: FoundDomain, req: RawRequest): DomainTarget | undefined {
  if (domain.mode !== 'API_MAPPING_ONLY') {
    for (const rule of [...domain.rules].sort((a, b) => a.Priority! - b.Priority!)) {
      const target = ruleTarget(rule, req);
      if (target) return target;
    }
  }
  if (domain.mode === 'ROUTING_RULE_ONLY') return undefined;
  let best: string | undefined;
  for (const basePath of domain.mappings.keys()) {
    if ((basePath === '' || underBasePath(req.path, basePath)) && (best === undefined || basePath.length > best.length)) best = basePath;
  }
  if (best === undefined) return undefined;
  const mapping = domain.mappings.get(best)!;
  return { apiId: mapping.apiId, stage: mapping.stage, path: best ? stripped(req.path, best) : req.path };
}
