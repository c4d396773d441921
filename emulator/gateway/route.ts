import type { ServiceDefinition } from '../core/service.ts';
import type { RoutingEntry } from '../models/routing-index.ts';
import { compileTemplate } from '../protocols/rest/routes.ts';
import { rpcV2ServiceName } from '../protocols/rpc-v2-cbor.ts';
import type { RawRequest } from '../protocols/types.ts';

/** The parts of a SigV4 `Authorization` header (or presigned `X-Amz-*` query) that routing needs (`region` is empty for SigV2). */
export interface SigV4Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

/**
 * The start of the last Authorization header whose credential gave a scope, up to the character that ends the
 * credential, and that scope: a client signs each request anew, but with the same credential scope.
 */
let lastPrefix = '';
let lastScope: Readonly<SigV4Scope> | undefined;

export function parseScope(req: RawRequest): Readonly<SigV4Scope> | undefined {
  const auth = req.headers['authorization'];
  // Most requests have no query at all: its size is a cheaper question than a search for a parameter.
  if (lastPrefix && auth?.startsWith(lastPrefix) && (req.query.size === 0 || !req.query.has('Signature'))) return lastScope;
  // S3's Signature Version 2 (`AWS <key>:<signature>`, or `AWSAccessKeyId` in the query) names a key but no region.
  const v2Key = auth?.startsWith('AWS ') ? auth.slice(4).split(':')[0].trim() : req.query.has('Signature') ? req.query.get('AWSAccessKeyId') : undefined;
  if (v2Key) return { accessKeyId: v2Key, date: '', region: '', service: 's3' };
  const match = auth?.startsWith('AWS4-') ? CREDENTIAL.exec(auth) : undefined;
  const credential = match ? match[1] : auth?.startsWith('AWS4-') ? undefined : req.query.get('X-Amz-Credential');
  if (!credential) return undefined;
  const parts = credential.split('/');
  // SigV4a (`AWS4-ECDSA-P256-SHA256`, e.g. EventBridge PutEvents to a global endpoint) scopes no region: its regions
  // are in X-Amz-Region-Set, often `*`; a single named region is the request's, else the host's or the default.
  if (parts.length === 4) {
    const [accessKeyId, date, service] = parts;
    const set = req.headers['x-amz-region-set'] ?? req.query.get('X-Amz-Region-Set') ?? '';
    return accessKeyId && service ? { accessKeyId, date, region: REGION.test(set) ? set : '', service } : undefined;
  }
  const [accessKeyId, date, region, service] = parts;
  if (!accessKeyId || !region || !service) return undefined;
  const scope = Object.freeze({ accessKeyId, date, region, service });
  const end = match ? match.index + match[0].length : -1;
  // Only a credential the header goes on after: the same prefix then always ends in the same credential.
  if (match && end < auth!.length) {
    lastPrefix = auth!.slice(0, end + 1);
    lastScope = scope;
  }
  return scope;
}

const CREDENTIAL = /Credential=([^,\s]+)/;

const DOMAINS = ['.localhost.localstack.cloud', '.amazonaws.com'];
const REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/;
/** Endpoint prefixes that span two host labels. */
const TWO_LABEL_PREFIX = /^[a-z0-9-]+\.dynamodb$/;

/**
 * Host forms: `<service>[.<region>].localhost.localstack.cloud` and `<service>[.<region>].amazonaws.com`, optionally
 * behind a virtual-host label (`<bucket>.s3.<region>.localhost.localstack.cloud`), returned as `label`.
 */
type HostParts = Readonly<{ prefix?: string; region?: string; label?: string; website?: boolean }>;

/** The last host name taken apart: clients send the same Host on every request, and routing asks on each. */
let lastHost: string | undefined;
let lastParts: HostParts = Object.freeze({});

export function hostParts(host: string | undefined): HostParts {
  if (host !== lastHost) {
    lastParts = Object.freeze(partsOf(host));
    lastHost = host;
  }
  return lastParts;
}

function partsOf(host: string | undefined): HostParts {
  const name = host?.toLowerCase().replace(/:\d+$/, '');
  const domain = name && DOMAINS.find((d) => name.endsWith(d));
  if (!name || !domain) return {};
  const labels = name.slice(0, -domain.length).split('.');
  const region = labels.length > 1 && REGION.test(labels[labels.length - 1]) ? labels.pop() : undefined;
  const twoLabels = labels.slice(-2).join('.');
  const prefixLength = labels.length >= 2 && TWO_LABEL_PREFIX.test(twoLabels) ? 2 : 1;
  const prefix = labels.splice(-prefixLength).join('.');
  const label = labels.length ? labels.join('.') : undefined;
  // Website endpoints: `<bucket>.s3-website-<region>...` and `<bucket>.s3-website.<region>...` are the service's.
  const website = WEBSITE_PREFIX.exec(prefix);
  if (website && label) return { prefix: website[1], region: website[2] ?? region, label, website: true };
  return { prefix, region, label };
}

/**
 * Endpoints a service answers besides its model's API, known before the service loads: host names whose endpoint
 * prefix is one of `hostPrefixes` (API Gateway's `<api-id>.execute-api.<domain>`), and paths matching one of `paths`.
 */
export interface ServiceEndpoints {
  readonly hostPrefixes?: readonly string[];
  readonly paths?: readonly RegExp[];
  /** Signing names of requests to these endpoints that no model declares (`execute-api`: the @connections API). */
  readonly signingNames?: readonly string[];
  /**
   * Requests reach the service through `paths` only, while another enabled service has its signing name (S3 Control
   * signs as `s3`): S3's requests then need no route matching to tell the two apart.
   */
  readonly onlyByPath?: boolean;
}

const WEBSITE_PREFIX = /^([a-z0-9]+)-website(?:-([a-z]{2}(?:-gov)?-[a-z]+-\d))?$/;

/** One enabled service as routing sees it: its name and its model's routing entry; `pathPattern` once loaded. */
export interface RoutableService {
  name: string;
  routing: RoutingEntry;
  endpoints?: ServiceEndpoints;
}

export interface ServiceIndex {
  bySigningName: Map<string, RoutableService[]>;
  byTargetPrefix: Map<string, RoutableService>;
  byEndpointPrefix: Map<string, RoutableService>;
  byAction: Map<string, RoutableService>;
  rest: RoutableService[];
  /** Services that declared endpoints of their own. */
  claiming: RoutableService[];
  /** Every claimed host prefix, and a test of every claimed path at once: most requests are no one's, told in two steps. */
  claimedHostPrefixes: Set<string>;
  claimsPath: (path: string) => boolean;
}

/**
 * Host prefixes of resource endpoints that no model names, and the service serving them, which answers such requests
 * in its `http.intercept`: `<url-id>.lambda-url.<region>.localhost.localstack.cloud` (Lambda function URLs).
 */
const RESOURCE_HOST_PREFIXES: Record<string, string> = { 'lambda-url': 'lambda' };

/** Signing names no model declares, and the service whose clients sign with them: S3 directory buckets sign as `s3express`. */
const EXTRA_SIGNING_NAMES: Record<string, string> = { s3express: 's3' };

export function indexServices(services: Iterable<RoutableService>): ServiceIndex {
  const index: ServiceIndex = {
    bySigningName: new Map(),
    byTargetPrefix: new Map(),
    byEndpointPrefix: new Map(),
    byAction: new Map(),
    rest: [],
    claiming: [],
    claimedHostPrefixes: new Set(),
    claimsPath: () => false,
  };
  for (const service of services) {
    for (const [prefix, name] of Object.entries(RESOURCE_HOST_PREFIXES)) if (name === service.name) index.byEndpointPrefix.set(prefix, service);
    for (const [signingName, name] of Object.entries(EXTRA_SIGNING_NAMES)) if (name === service.name) index.bySigningName.set(signingName, [service]);
    const { signingName, targetPrefix, endpointPrefix, actions, routes } = service.routing;
    if (!service.endpoints?.onlyByPath) index.bySigningName.set(signingName, [...(index.bySigningName.get(signingName) ?? []), service]);
    if (targetPrefix) index.byTargetPrefix.set(targetPrefix, service);
    index.byEndpointPrefix.set(endpointPrefix, service);
    for (const action of actions ?? []) if (!index.byAction.has(action)) index.byAction.set(action, service);
    if (routes) index.rest.push(service);
    if (service.endpoints) index.claiming.push(service);
    for (const name of service.endpoints?.signingNames ?? []) index.bySigningName.set(name, [...(index.bySigningName.get(name) ?? []), service]);
  }
  for (const service of index.claiming) {
    const { signingName } = service.routing;
    if (service.endpoints!.onlyByPath && !index.bySigningName.has(signingName)) index.bySigningName.set(signingName, [service]);
    for (const prefix of service.endpoints!.hostPrefixes ?? []) index.claimedHostPrefixes.add(prefix);
  }
  index.claimsPath = anyOf(index.claiming.flatMap((service) => service.endpoints!.paths ?? []));
  return index;
}

/**
 * Finds the service a request is for from what it says itself: the SigV4 credential scope first, then
 * `X-Amz-Target`, then the host name, then the query-protocol `Action`. Requests that say none of these are
 * routed by path (`findServiceByPath`).
 */
export function findService(req: RawRequest, index: ServiceIndex, scope: SigV4Scope | undefined): RoutableService | undefined {
  const claimed = endpointOwner(req, index);
  if (claimed) return claimed;
  const target = req.headers['x-amz-target'];
  // A Smithy RPC v2 request names its service in its path (`/service/<ServiceName>/operation/<Operation>`).
  const targetPrefix = target ? target.slice(0, target.lastIndexOf('.')) : req.headers['smithy-protocol'] ? rpcV2ServiceName(req.path) : undefined;
  if (scope) {
    const candidates = index.bySigningName.get(scope.service);
    if (candidates?.length === 1) return candidates[0];
    if (candidates && targetPrefix) {
      const byTarget = candidates.find((s) => s.routing.targetPrefix === targetPrefix);
      if (byTarget) return byTarget;
    }
    if (candidates) return bestRouteFit(candidates, req) ?? candidates[0];
  }
  if (targetPrefix && index.byTargetPrefix.has(targetPrefix)) return index.byTargetPrefix.get(targetPrefix);
  const { prefix } = hostParts(req.headers['host']);
  if (prefix && index.byEndpointPrefix.has(prefix)) return index.byEndpointPrefix.get(prefix);
  const action = req.query.get('Action') ?? formAction(req);
  if (action && index.byAction.has(action)) return index.byAction.get(action);
  return undefined;
}

/**
 * The service whose own endpoints (`ServiceEndpoints`) the request's host prefix or path is: such a request is that
 * service's whatever it was signed for, as AWS routes by host first (an execute-api invoke URL signed as `lambda`).
 */
export function endpointOwner(req: RawRequest, index: ServiceIndex): RoutableService | undefined {
  return index.claiming.length ? claimingService(req, index) : undefined;
}

/** Whether a path matches any of `patterns`: one combined pattern when their flags agree. */
function anyOf(patterns: RegExp[]): (path: string) => boolean {
  if (!patterns.length) return () => false;
  if (patterns.some((p) => p.flags !== patterns[0].flags)) return (path) => patterns.some((p) => p.test(path));
  const combined = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), patterns[0].flags);
  return (path) => combined.test(path);
}

function claimingService(req: RawRequest, index: ServiceIndex): RoutableService | undefined {
  const { prefix } = hostParts(req.headers['host']);
  if (!(prefix && index.claimedHostPrefixes.has(prefix)) && !index.claimsPath(req.path)) return undefined;
  for (const service of index.claiming) {
    const { hostPrefixes, paths } = service.endpoints!;
    if (prefix && hostPrefixes?.includes(prefix)) return service;
    if (paths?.some((path) => path.test(req.path))) return service;
  }
  return undefined;
}

/** Among services sharing a signing name (API Gateway v1 and v2), the one whose URI templates fit the request best. */
function bestRouteFit(candidates: RoutableService[], req: RawRequest): RoutableService | undefined {
  let best: RoutableService | undefined;
  let bestSpecificity = -1;
  for (const service of candidates) {
    const specificity = routeSpecificity(service.routing, req.method, req.path);
    if (specificity > bestSpecificity) [best, bestSpecificity] = [service, specificity];
  }
  return best;
}

/**
 * Unsigned requests that carry nothing but a path: a path form a loaded service claims (SQS queue URLs), else the
 * REST service whose URI templates fit best (e.g. a plain `curl` of an S3 object path).
 */
export function findServiceByPath(req: RawRequest, index: ServiceIndex, loaded: Iterable<ServiceDefinition>): string | undefined {
  for (const service of loaded) if (service.pathPattern?.test(req.path)) return service.name;
  return bestRouteFit(index.rest, req)?.name;
}

const compiledRoutes = new WeakMap<RoutingEntry, { method: string; pattern: RegExp; literalLength: number }[]>();

/** How well the service's URI templates fit this request (more literal template text, then the same method), or -1. */
function routeSpecificity(routing: RoutingEntry, method: string, path: string): number {
  let routes = compiledRoutes.get(routing);
  if (!routes) {
    routes = (routing.routes ?? []).map(([routeMethod, uri]) => ({ method: routeMethod, ...compileTemplate(uri) }));
    compiledRoutes.set(routing, routes);
  }
  let best = -1;
  for (const route of routes) {
    const score = route.literalLength * 2 + (route.method === method ? 1 : 0);
    if (score > best && route.pattern.test(path)) best = score;
  }
  return best;
}

function formAction(req: RawRequest): string | undefined {
  if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return undefined;
  return /(?:^|&)Action=([^&]*)/.exec(req.body.toString('latin1'))?.[1];
}
