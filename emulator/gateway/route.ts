import type { ServiceDefinition } from '../core/service.ts';
import { routeSpecificity } from '../protocols/rest/routes.ts';
import type { RawRequest } from '../protocols/types.ts';

/** The parts of a SigV4 `Authorization` header (or presigned `X-Amz-*` query) that routing needs. */
export interface SigV4Scope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

export function parseScope(req: RawRequest): SigV4Scope | undefined {
  const auth = req.headers['authorization'];
  const credential = auth?.startsWith('AWS4-') ? /Credential=([^,\s]+)/.exec(auth)?.[1] : req.query.get('X-Amz-Credential');
  if (!credential) return undefined;
  const [accessKeyId, date, region, service] = credential.split('/');
  if (!accessKeyId || !region || !service) return undefined;
  return { accessKeyId, date, region, service };
}

const DOMAINS = ['.localhost.localstack.cloud', '.amazonaws.com'];
const REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/;
/** Endpoint prefixes that span two host labels. */
const TWO_LABEL_PREFIX = /^[a-z0-9-]+\.dynamodb$/;

/**
 * Host forms: `<service>[.<region>].localhost.localstack.cloud` and `<service>[.<region>].amazonaws.com`, optionally
 * behind a virtual-host label (`<bucket>.s3.<region>.localhost.localstack.cloud`), returned as `label`.
 */
export function hostParts(host: string | undefined): { prefix?: string; region?: string; label?: string } {
  const name = host?.toLowerCase().replace(/:\d+$/, '');
  const domain = name && DOMAINS.find((d) => name.endsWith(d));
  if (!name || !domain) return {};
  const labels = name.slice(0, -domain.length).split('.');
  const region = labels.length > 1 && REGION.test(labels[labels.length - 1]) ? labels.pop() : undefined;
  const twoLabels = labels.slice(-2).join('.');
  const prefixLength = labels.length >= 2 && TWO_LABEL_PREFIX.test(twoLabels) ? 2 : 1;
  const prefix = labels.splice(-prefixLength).join('.');
  return { prefix, region, label: labels.length ? labels.join('.') : undefined };
}

export interface ServiceIndex {
  bySigningName: Map<string, ServiceDefinition[]>;
  byTargetPrefix: Map<string, ServiceDefinition>;
  byEndpointPrefix: Map<string, ServiceDefinition>;
  byAction: Map<string, ServiceDefinition>;
  byPathPattern: ServiceDefinition[];
}

export function indexServices(services: Iterable<ServiceDefinition>): ServiceIndex {
  const index: ServiceIndex = { bySigningName: new Map(), byTargetPrefix: new Map(), byEndpointPrefix: new Map(), byAction: new Map(), byPathPattern: [] };
  for (const service of services) {
    const meta = service.model.metadata;
    const signingName = meta.signingName ?? meta.endpointPrefix;
    index.bySigningName.set(signingName, [...(index.bySigningName.get(signingName) ?? []), service]);
    if (meta.targetPrefix) index.byTargetPrefix.set(meta.targetPrefix, service);
    index.byEndpointPrefix.set(meta.endpointPrefix, service);
    if (service.pathPattern) index.byPathPattern.push(service);
    const protocols = meta.protocols ?? [meta.protocol];
    if (protocols.includes('query')) {
      for (const op of Object.keys(service.model.operations)) if (!index.byAction.has(op)) index.byAction.set(op, service);
    }
  }
  return index;
}

/**
 * Finds the service a request is for: the SigV4 credential scope first, then `X-Amz-Target`, then the host name,
 * then the query-protocol `Action`, then a path form a service claims (SQS queue URLs), then REST URI templates.
 */
export function findService(req: RawRequest, index: ServiceIndex, scope: SigV4Scope | undefined): ServiceDefinition | undefined {
  const target = req.headers['x-amz-target'];
  const targetPrefix = target ? target.slice(0, target.lastIndexOf('.')) : undefined;
  if (scope) {
    const candidates = index.bySigningName.get(scope.service);
    if (candidates?.length === 1) return candidates[0];
    if (candidates && targetPrefix) {
      const byTarget = candidates.find((s) => s.model.metadata.targetPrefix === targetPrefix);
      if (byTarget) return byTarget;
    }
    if (candidates) return candidates[0];
  }
  if (targetPrefix && index.byTargetPrefix.has(targetPrefix)) return index.byTargetPrefix.get(targetPrefix);
  const { prefix } = hostParts(req.headers['host']);
  if (prefix && index.byEndpointPrefix.has(prefix)) return index.byEndpointPrefix.get(prefix);
  const action = req.query.get('Action') ?? formAction(req);
  if (action && index.byAction.has(action)) return index.byAction.get(action);
  const byPath = index.byPathPattern.find((service) => service.pathPattern!.test(req.path));
  if (byPath) return byPath;
  return restServiceForPath(req, index);
}

/** Unsigned REST requests (e.g. a plain `curl` of an S3 object path): the service whose URI templates fit best. */
function restServiceForPath(req: RawRequest, index: ServiceIndex): ServiceDefinition | undefined {
  let best: ServiceDefinition | undefined;
  let bestSpecificity = -1;
  for (const service of index.byEndpointPrefix.values()) {
    if (!service.model.metadata.protocol.startsWith('rest-')) continue;
    const specificity = routeSpecificity(service.model, req.method, req.path);
    if (specificity > bestSpecificity) [best, bestSpecificity] = [service, specificity];
  }
  return best;
}

function formAction(req: RawRequest): string | undefined {
  if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return undefined;
  return /(?:^|&)Action=([^&]*)/.exec(req.body.toString('latin1'))?.[1];
}
