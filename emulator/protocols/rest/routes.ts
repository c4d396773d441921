import { AwsError } from '../../core/errors.ts';
import type { OperationModel, ServiceModel, ShapeRef } from '../../models/types.ts';
import type { RawRequest } from '../types.ts';

/** One operation's `http.requestUri` template, compiled for matching. */
interface Route {
  operation: string;
  method: string;
  pattern: RegExp;
  labels: string[];
  /** Literal query keys of the template (`?uploads`, `?list-type=2`); null value = any value. */
  literalQuery: [string, string | null][];
  /** Wire names of required input members bound to the query string or headers (`uploadId`, `x-amz-copy-source`). */
  requiredQuery: string[];
  requiredHeaders: string[];
  /** Characters of the template path outside labels: more literal text = more specific. */
  literalLength: number;
  deprecated: boolean;
  order: number;
}

export interface RouteMatch {
  operation: string;
  /** URI label values, percent-decoded, keyed by label name (`Bucket`, `Key`). */
  labels: Record<string, string>;
}

/**
 * A model's routes by method, those sharing a path template grouped under one pattern (S3 has 36 PUT operations but
 * two PUT paths, `/{Bucket}` and `/{Bucket}/{Key+}`): a request runs one regular expression per path, not per route.
 */
interface CompiledRoutes {
  all: Route[];
  byMethod: Map<string, { pattern: RegExp; routes: Route[] }[]>;
  /** Each route with its group's pattern, by operation name: the route an `x-id` names is tried alone first. */
  byOperation: Map<string, { pattern: RegExp; route: Route }>;
}

const cache = new WeakMap<ServiceModel, CompiledRoutes>();

function compile(model: ServiceModel): CompiledRoutes {
  let compiled = cache.get(model);
  if (compiled) return compiled;
  const all = Object.entries(model.operations).map(([name, op], order) => compileRoute(model, name, op, order));
  const byMethod = new Map<string, { pattern: RegExp; routes: Route[] }[]>();
  const byOperation = new Map<string, { pattern: RegExp; route: Route }>();
  for (const route of all) {
    let groups = byMethod.get(route.method);
    if (!groups) byMethod.set(route.method, (groups = []));
    let group = groups.find((g) => g.pattern.source === route.pattern.source);
    if (group) group.routes.push(route);
    else groups.push((group = { pattern: route.pattern, routes: [route] }));
    byOperation.set(route.operation, { pattern: group.pattern, route });
  }
  compiled = { all, byMethod, byOperation };
  cache.set(model, compiled);
  return compiled;
}

/** A URI template's path part as a pattern: labels captured in order, and how much literal text it has. */
export function compileTemplate(requestUri: string): { pattern: RegExp; labels: string[]; literalLength: number } {
  const path = requestUri.split('?')[0];
  const labels: string[] = [];
  let literalLength = 0;
  let source = '';
  for (const part of path.split(/(\{[^}]+\})/)) {
    const label = /^\{([^}+]+)(\+)?\}$/.exec(part);
    if (label) {
      labels.push(label[1]);
      source += label[2] ? '(.+)' : '([^/]+)';
    } else {
      literalLength += part.length;
      source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  // `/{Bucket}` also serves `/bucket/`, as AWS does.
  if (!source.endsWith('/')) source += '/?';
  return { pattern: new RegExp(`^${source}$`), labels, literalLength };
}

function compileRoute(model: ServiceModel, operation: string, op: OperationModel, order: number): Route {
  const query = op.http.requestUri.split('?')[1] ?? '';
  const { pattern, labels, literalLength } = compileTemplate(op.http.requestUri);
  const literalQuery = query
    .split('&')
    .filter(Boolean)
    .map((pair): [string, string | null] => {
      const eq = pair.indexOf('=');
      return eq < 0 ? [pair, null] : [pair.slice(0, eq), pair.slice(eq + 1)];
    });
  const input = op.input ? model.shapes[op.input.shape] : undefined;
  const required = (input?.required ?? []).map((name) => input!.members![name]).filter(Boolean);
  const wireNames = (location: ShapeRef['location']) =>
    required.filter((m) => m.location === location).map((m) => (m.locationName ?? '').toLowerCase());
  return {
    operation,
    method: op.http.method,
    pattern,
    labels,
    literalQuery,
    requiredQuery: wireNames('querystring'),
    requiredHeaders: wireNames('header'),
    literalLength,
    deprecated: Boolean((op as { deprecated?: boolean }).deprecated),
    order,
  };
}

function decodeLabel(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AwsError('InvalidURI', "Couldn't parse the specified URI.", { status: 400 });
  }
}

function literalQueryMatches(route: Route, query: URLSearchParams): boolean {
  return route.literalQuery.every(([key, value]) => (value === null ? query.has(key) : query.get(key) === value));
}

/** Lower is better; compares candidates that all match method, path and literal query keys. */
function rank(route: Route, req: RawRequest, lowerQuery: Set<string>): number[] {
  const presentQuery = route.requiredQuery.filter((k) => lowerQuery.has(k)).length;
  const presentHeaders = route.requiredHeaders.filter((h) => req.headers[h] !== undefined).length;
  const missing = route.requiredQuery.length + route.requiredHeaders.length - presentQuery - presentHeaders;
  return [
    -(route.literalQuery.length + presentQuery + presentHeaders),
    missing,
    -route.literalLength,
    route.deprecated ? 1 : 0,
    route.order,
  ];
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * The operation a REST request is for: method and path must match the template, literal query keys must be present,
 * and among several matches (S3's `PUT /{Bucket}/{Key+}` is PutObject, UploadPart, CopyObject and UploadPartCopy)
 * the one whose required query parameters and headers are present wins.
 */
export function matchRoute(model: ServiceModel, req: RawRequest, path = req.path): RouteMatch | undefined {
  const compiled = compile(model);
  // The AWS SDKs name the operation in `x-id` where templates alone are ambiguous (S3's ListBuckets and
  // ListDirectoryBuckets); the named operation beats every other candidate, so it is tried before ranking them all.
  const named = req.query.get('x-id');
  const candidate = named === null ? undefined : compiled.byOperation.get(named);
  if (candidate && candidate.route.method === req.method && literalQueryMatches(candidate.route, req.query)) {
    const match = candidate.pattern.exec(path);
    if (match) return matched(candidate.route, match);
  }
  let best: { route: Route; match: RegExpExecArray; rank: number[] } | undefined;
  let lowerQuery: Set<string> | undefined;
  for (const { pattern, routes } of compiled.byMethod.get(req.method) ?? []) {
    const match = pattern.exec(path);
    if (!match) continue;
    for (const route of routes) {
      if (!literalQueryMatches(route, req.query)) continue;
      lowerQuery ??= new Set([...req.query.keys()].map((k) => k.toLowerCase()));
      const routeRank = rank(route, req, lowerQuery);
      if (!best || compareRanks(routeRank, best.rank) < 0) best = { route, match, rank: routeRank };
    }
  }
  return best && matched(best.route, best.match);
}

function matched(route: Route, match: RegExpExecArray): RouteMatch {
  const labels: Record<string, string> = {};
  route.labels.forEach((name, i) => (labels[name] = decodeLabel(match[i + 1])));
  return { operation: route.operation, labels };
}

/** Whether any operation of the model has a path template matching this path (any method). */
export function pathMatchesAnyRoute(model: ServiceModel, path: string): boolean {
  return compile(model).all.some((route) => route.pattern.test(path));
}
