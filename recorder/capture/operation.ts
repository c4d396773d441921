import type { ServiceModel } from '../../emulator/models/types.ts';
import type { RawRequest } from '../../emulator/protocols/types.ts';

/**
 * The operation a request calls: the `X-Amz-Target` suffix (AWS JSON), the `Action` parameter (query), or the
 * most specific `requestUri` template of the model that matches method, path and query (REST protocols).
 * `pathPrefix` is prepended to the path for matching (the bucket of a virtual-hosted S3 request).
 */
export function operationOf(model: ServiceModel, req: RawRequest, pathPrefix = ''): string | undefined {
  const target = req.headers['x-amz-target'];
  if (target) {
    const name = target.slice(target.lastIndexOf('.') + 1);
    if (model.operations[name]) return name;
  }
  const action = req.query.get('Action') ?? formParams(req)?.get('Action');
  if (action && model.operations[action]) return action;
  return restOperation(model, req, `${pathPrefix}${req.path}`);
}

function formParams(req: RawRequest): URLSearchParams | undefined {
  const type = req.headers['content-type'] ?? '';
  return type.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(req.body.toString('utf8')) : undefined;
}

interface Route {
  operation: string;
  method: string;
  path: RegExp;
  query: [string, string | undefined][];
  /** Required header members (S3 CopyObject differs from PutObject only by `x-amz-copy-source`). */
  headers: string[];
  specificity: number;
}

const routeCache = new WeakMap<ServiceModel, Route[]>();

function routes(model: ServiceModel): Route[] {
  let cached = routeCache.get(model);
  if (!cached) {
    cached = Object.values(model.operations).map((op) => {
      const [pathTemplate, queryTemplate = ''] = op.http.requestUri.split('?');
      const literal = pathTemplate.replace(/\{[^}]+\}/g, '');
      const pattern = pathTemplate
        .split(/(\{[^}]+\})/)
        .map((part) => (part.startsWith('{') ? (part.endsWith('+}') ? '.+' : '[^/]+') : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
        .join('');
      const query = queryTemplate
        .split('&')
        .filter(Boolean)
        .map((pair) => pair.split('=') as [string, string | undefined]);
      const input = op.input ? model.shapes[op.input.shape] : undefined;
      const headers = (input?.required ?? [])
        .map((name) => input!.members![name])
        .filter((member) => member.location === 'header')
        .map((member) => member.locationName!.toLowerCase());
      const specificity = literal.length + 100 * (query.length + headers.length);
      return { operation: op.name, method: op.http.method, path: new RegExp(`^${pattern}/?$`), query, headers, specificity };
    });
    routeCache.set(model, cached);
  }
  return cached;
}

function restOperation(model: ServiceModel, req: RawRequest, path: string): string | undefined {
  const { method, query, headers } = req;
  let best: Route | undefined;
  for (const route of routes(model)) {
    if (route.method !== method || !route.path.test(path)) continue;
    if (!route.query.every(([key, value]) => query.has(key) && (value === undefined || query.get(key) === value))) continue;
    if (!route.headers.every((name) => headers[name] !== undefined)) continue;
    if (!best || route.specificity > best.specificity) best = route;
  }
  return best?.operation;
}
