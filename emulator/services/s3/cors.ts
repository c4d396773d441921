import type { CORSConfiguration, CORSRule } from '@aws-sdk/client-s3';
import { AwsError } from '../../core/errors.ts';
import type { Bucket } from './bucket.ts';
import { S3Errors } from './errors.ts';

const METHODS = new Set(['GET', 'PUT', 'HEAD', 'POST', 'DELETE']);

/** PutBucketCors's checks: at least one rule, known methods, at most one `*` per origin and header. */
export function validateCors(config: CORSConfiguration): void {
  if (!config.CORSRules?.length || config.CORSRules.length > 100) throw S3Errors.malformedXml();
  for (const rule of config.CORSRules) {
    if (!rule.AllowedMethods?.length || !rule.AllowedOrigins?.length) throw S3Errors.malformedXml();
    const unsupported = rule.AllowedMethods.find((m) => !METHODS.has(m));
    if (unsupported) throw S3Errors.invalidRequest(`Found unsupported HTTP method in CORS config. Unsupported method is ${unsupported}`);
  }
}

/** An origin or header pattern with at most one `*`, matched case-sensitively (headers: case-insensitively). */
function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const [p, v] = ignoreCase ? [pattern.toLowerCase(), value.toLowerCase()] : [pattern, value];
  const star = p.indexOf('*');
  if (star < 0) return p === v;
  const head = p.slice(0, star);
  const tail = p.slice(star + 1);
  return v.length >= head.length + tail.length && v.startsWith(head) && v.endsWith(tail);
}

export interface CorsRequest {
  origin: string;
  method: string;
  headers: string[];
}

function ruleMatches(rule: CORSRule, request: CorsRequest): boolean {
  return (
    (rule.AllowedOrigins ?? []).some((o) => wildcardMatch(o, request.origin)) &&
    (rule.AllowedMethods ?? []).includes(request.method) &&
    request.headers.every((h) => (rule.AllowedHeaders ?? []).some((a) => wildcardMatch(a, h, true)))
  );
}

/** The response headers of the first rule matching a CORS request, or undefined when none does. */
function corsHeaders(bucket: Bucket, request: CorsRequest): Record<string, string> | undefined {
  const rules = (bucket.configs.get('cors') as CORSConfiguration | undefined)?.CORSRules ?? [];
  const rule = rules.find((r) => ruleMatches(r, request));
  if (!rule) return undefined;
  const anyOrigin = (rule.AllowedOrigins ?? []).includes('*');
  const headers: Record<string, string> = {
    'access-control-allow-origin': anyOrigin ? '*' : request.origin,
    'access-control-allow-methods': (rule.AllowedMethods ?? []).join(', '),
    vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  };
  if (!anyOrigin) headers['access-control-allow-credentials'] = 'true';
  if (request.headers.length) headers['access-control-allow-headers'] = request.headers.join(', ');
  if (rule.ExposeHeaders?.length) headers['access-control-expose-headers'] = rule.ExposeHeaders.join(', ');
  if (rule.MaxAgeSeconds !== undefined) headers['access-control-max-age'] = String(rule.MaxAgeSeconds);
  return headers;
}

/** The headers a CORS request asks for (`Access-Control-Request-Headers`), lower-cased. */
function requestedHeaders(headers: Readonly<Record<string, string>>): string[] {
  return (headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * The CORS headers of an actual (not preflight) request with an `Origin`. AWS judges it as a preflight when it carries
 * the preflight's headers: a GET sent with `Access-Control-Request-Method: PUT`, or asking for a header the rule does
 * not allow, gets no CORS headers (its own request headers are not judged).
 */
export function actualRequestCors(bucket: Bucket, method: string, headers: Readonly<Record<string, string>>): Record<string, string> | undefined {
  const origin = headers['origin'];
  if (origin === undefined) return undefined;
  return corsHeaders(bucket, { origin, method: headers['access-control-request-method'] ?? method, headers: requestedHeaders(headers) });
}

function forbidden(message: string, method: string, resourceType: string): AwsError {
  return new AwsError('AccessForbidden', `CORSResponse: ${message}`, { status: 403, fields: { Method: method, ResourceType: resourceType } });
}

/** Answers a preflight (`OPTIONS`) from the bucket's CORS configuration, with AWS's errors when it cannot. */
export function preflight(bucket: Bucket | undefined, headers: Readonly<Record<string, string>>, resourceType: string): Record<string, string> {
  const origin = headers['origin'];
  if (origin === undefined) throw new AwsError('BadRequest', 'Insufficient information. Origin request header needed.', { status: 400 });
  const method = headers['access-control-request-method'];
  // Without a bucket or a CORS configuration, AWS names the bucket as the resource even for an object's URL.
  if (!bucket) throw forbidden('Bucket not found', method ?? 'OPTIONS', 'BUCKET');
  if (!bucket.configs.has('cors')) throw forbidden('CORS is not enabled for this bucket.', method ?? 'OPTIONS', 'BUCKET');
  const allowed = method && corsHeaders(bucket, { origin, method, headers: requestedHeaders(headers) });
  if (!allowed) {
    throw forbidden(
      "This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
      method ?? 'OPTIONS',
      resourceType,
    );
  }
  return allowed;
}
