import type { Snapshot, StoredMethod } from '../state.ts';

type SnapshotResource = Snapshot['resources'][number];

export interface MatchedRoute {
  resource: SnapshotResource;
  method: StoredMethod;
  pathParameters: Record<string, string>;
}

/** How a resource path matches: literal segments first, then `{var}`, then a greedy `{var+}` (AWS's precedence). */
export function matchPath(template: string, path: string): { params: Record<string, string>; score: number } | undefined {
  const parts = template.split('/').filter(Boolean);
  const segments = path.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  let score = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const greedy = /^\{(.+)\+\}$/.exec(part);
    if (greedy) {
      if (i >= segments.length) return undefined;
      params[greedy[1]] = segments.slice(i).join('/');
      return { params, score: score * 3 };
    }
    if (i >= segments.length) return undefined;
    const variable = /^\{(.+)\}$/.exec(part);
    if (variable) {
      params[variable[1]] = segments[i];
      score = score * 3 + 1;
    } else if (part === segments[i]) score = score * 3 + 2;
    else return undefined;
  }
  return parts.length === segments.length ? { params, score: score * 3 + 1 } : undefined;
}

/** The deployed resource and method for a request path, or what AWS answers when none fits. */
export function matchRoute(snapshot: Snapshot, httpMethod: string, path: string): MatchedRoute | undefined {
  let best: { resource: SnapshotResource; params: Record<string, string>; score: number } | undefined;
  for (const resource of snapshot.resources) {
    const matched = matchPath(resource.path, path);
    if (matched && (!best || matched.score > best.score)) best = { resource, ...matched };
  }
  if (!best) return undefined;
  const methods = best.resource.methods;
  const method = Object.hasOwn(methods, httpMethod) ? methods[httpMethod] : Object.hasOwn(methods, 'ANY') ? methods.ANY : undefined;
  return method ? { resource: best.resource, method, pathParameters: best.params } : undefined;
}
