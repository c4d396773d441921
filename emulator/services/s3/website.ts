import type { RoutingRule, WebsiteConfiguration } from '@aws-sdk/client-s3';
import { AwsError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/service.ts';
import type { RawRequest, RawResponse } from '../../protocols/types.ts';
import { escapeXml } from '../../protocols/xml-writer.ts';
import { ANONYMOUS, s3Allows } from './access.ts';
import { accountBlockOf } from './account-block.ts';
import type { Bucket } from './bucket.ts';
import { S3Errors } from './errors.ts';
import type { S3Object } from './object.ts';
import { s3World } from './registry.ts';

/** One `<li>` list of an error page: AWS's website endpoints answer errors as HTML, not XML. */
type Items = [name: string, value: string][];

function list(items: Items): string {
  return `<ul>\n${items.map(([name, value]) => `<li>${name}: ${escapeXml(value)}</li>\n`).join('')}</ul>\n`;
}

const TITLES: Record<number, string> = { 403: '403 Forbidden', 404: '404 Not Found', 405: '405 Method Not Allowed' };

/** AWS's error page: the error's items, then the request ids, then what went wrong fetching the error document. */
function errorPage(status: number, items: Items, idHeaders: Record<string, string>, errorDocumentFailure?: Items): RawResponse {
  const title = TITLES[status];
  const ids: Items = [
    ['RequestId', idHeaders['x-amz-request-id']],
    ['HostId', idHeaders['x-amz-id-2']],
  ];
  const nested = errorDocumentFailure ? `<h3>An Error Occurred While Attempting to Retrieve a Custom Error Document</h3>\n${list(errorDocumentFailure)}` : '';
  const body = `<html>\n<head><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n${list([...items, ...ids])}${nested}<hr/>\n</body>\n</html>\n`;
  return { status, headers: { ...idHeaders, 'content-type': 'text/html; charset=utf-8' }, body };
}

const noSuchKey = (key: string): Items => [
  ['Code', 'NoSuchKey'],
  ['Message', 'The specified key does not exist.'],
  ['Key', key],
];
const accessDenied: Items = [
  ['Code', 'AccessDenied'],
  ['Message', 'Access Denied'],
];

function redirect(status: number, location: string, idHeaders: Record<string, string>): RawResponse {
  return { status, headers: { ...idHeaders, location, 'content-length': '0' }, body: '' };
}

/** The first routing rule whose condition holds: a key prefix, an error code, or both (no condition: every request). */
function matchingRule(rules: RoutingRule[] | undefined, key: string, errorCode?: number): RoutingRule | undefined {
  return rules?.find(({ Condition: condition }) => {
    if (!condition) return errorCode === undefined;
    const prefix = condition.KeyPrefixEquals;
    const code = condition.HttpErrorCodeReturnedEquals;
    if (code !== undefined && Number(code) !== errorCode) return false;
    if (code === undefined && errorCode !== undefined) return false;
    return prefix === undefined || key.startsWith(prefix);
  });
}

function ruleRedirect(rule: RoutingRule, key: string, req: RawRequest, idHeaders: Record<string, string>): RawResponse {
  const to = rule.Redirect ?? {};
  const prefix = rule.Condition?.KeyPrefixEquals ?? '';
  const target = to.ReplaceKeyWith ?? (to.ReplaceKeyPrefixWith !== undefined ? to.ReplaceKeyPrefixWith + key.slice(prefix.length) : key);
  const host = to.HostName ?? req.headers['host'] ?? '';
  return redirect(Number(to.HttpRedirectCode ?? 301), `${to.Protocol ?? 'http'}://${host}/${target}`, idHeaders);
}

/** The object as the website serves it: its body and content headers; a redirect when it names one. */
function objectResponse(req: RawRequest, object: S3Object, status: number, idHeaders: Record<string, string>): RawResponse {
  if (object.headers.WebsiteRedirectLocation) return redirect(301, object.headers.WebsiteRedirectLocation, idHeaders);
  const headers: Record<string, string> = {
    ...idHeaders,
    etag: object.etag,
    'last-modified': object.lastModified.toUTCString(),
    'content-type': object.headers.ContentType ?? 'binary/octet-stream',
    'content-length': String(object.body.size),
  };
  if (object.headers.ContentEncoding) headers['content-encoding'] = object.headers.ContentEncoding;
  if (object.headers.CacheControl) headers['cache-control'] = object.headers.CacheControl;
  for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;
  if (status === 200 && req.headers['if-none-match'] === object.etag) {
    return { status: 304, headers: { ...idHeaders, etag: object.etag }, body: '' };
  }
  return { status, headers, body: req.method === 'HEAD' ? '' : object.body.read() };
}

/** A key's current version if an anonymous reader may read it: the object, `denied`, or `missing`. */
function readable(bucket: Bucket, key: string, ctx: RequestContext): S3Object | 'denied' | 'missing' {
  const object = bucket.current(key);
  const account = accountBlockOf(ctx, bucket.accountId);
  if (!object) return s3Allows(ANONYMOUS, bucket, account, 's3:ListBucket') ? 'missing' : 'denied';
  return s3Allows(ANONYMOUS, bucket, account, 's3:GetObject', key, object.acl) ? object : 'denied';
}

/**
 * A request to the bucket's website endpoint (`<bucket>.s3-website-<region>...`, `<bucket>.s3-website.<region>...`):
 * anonymous GET/HEAD only, served from the website configuration — redirects of every request, routing rules (by key
 * prefix, before the read; by error code, after it), index documents for `/` and `.../`, the `302` to `<key>/` when
 * only its index exists, the error document with the error's status, objects' `WebsiteRedirectLocation` — with AWS's
 * HTML error pages. Objects must be public (bucket policy or ACL) as on AWS; a missing key is 404 only to readers who
 * may list the bucket, else 403.
 */
export function serveWebsite(req: RawRequest, bucketName: string, ctx: RequestContext, idHeaders: Record<string, string>): RawResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return errorPage(405, [['Code', 'MethodNotAllowed'], ['Message', 'The specified method is not allowed against this resource.'], ['Method', req.method], ['ResourceType', 'OBJECT']], idHeaders);
  }
  const bucket = s3World(ctx.emulator).buckets.get(bucketName);
  if (!bucket) return errorPage(404, [['Code', 'NoSuchBucket'], ['Message', 'The specified bucket does not exist'], ['BucketName', bucketName]], idHeaders);
  const config = bucket.configs.get('website') as WebsiteConfiguration | undefined;
  if (!config) {
    return errorPage(404, [['Code', 'NoSuchWebsiteConfiguration'], ['Message', 'The specified bucket does not have a website configuration'], ['BucketName', bucketName]], idHeaders);
  }
  const all = config.RedirectAllRequestsTo;
  if (all?.HostName) return redirect(301, `${all.Protocol ?? 'http'}://${all.HostName}${req.path}`, idHeaders);

  let key: string;
  try {
    key = decodeURIComponent(req.path.slice(1));
  } catch {
    key = req.path.slice(1);
  }
  const byPrefix = key ? matchingRule(config.RoutingRules, key) : undefined;
  if (byPrefix) return ruleRedirect(byPrefix, key, req, idHeaders);
  const suffix = config.IndexDocument?.Suffix ?? '';
  const folder = key === '' || key.endsWith('/');
  if (folder) key += suffix;

  const found = readable(bucket, key, ctx);
  if (typeof found === 'object') return objectResponse(req, found, 200, idHeaders);
  if (found === 'missing' && !folder && bucket.current(`${key}/${suffix}`)) return redirect(302, `/${key}/`, idHeaders);
  const status = found === 'denied' ? 403 : 404;
  const byError = matchingRule(config.RoutingRules, key, status);
  if (byError) return ruleRedirect(byError, key, req, idHeaders);
  const items = status === 403 ? accessDenied : noSuchKey(key);
  const errorKey = config.ErrorDocument?.Key;
  if (errorKey === undefined) return errorPage(status, items, idHeaders);
  const errorDocument = readable(bucket, errorKey, ctx);
  if (typeof errorDocument === 'object') return objectResponse(req, errorDocument, status, idHeaders);
  return errorPage(status, items, idHeaders, errorDocument === 'denied' ? accessDenied : noSuchKey(errorKey));
}

/** PutBucketWebsite's checks, with the errors AWS answers (recorded in the AWS-validated snapshots). */
export function validateWebsite(config: WebsiteConfiguration): void {
  const invalidArgument = (message: string, name: string, value: unknown) => new AwsError('InvalidArgument', message, { status: 400, fields: { ArgumentName: name, ArgumentValue: value } });
  const invalidRequest = (message: string) => new AwsError('InvalidRequest', message, { status: 400 });
  if (config.RedirectAllRequestsTo) {
    if (config.IndexDocument || config.ErrorDocument || config.RoutingRules) {
      throw invalidArgument('RedirectAllRequestsTo cannot be provided in conjunction with other Routing Rules.', 'RedirectAllRequestsTo', 'not null');
    }
    return;
  }
  if (!config.IndexDocument) throw invalidArgument('A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty', 'IndexDocument', 'null');
  const suffix = config.IndexDocument.Suffix ?? '';
  if (!suffix || suffix.includes('/')) throw invalidArgument('The IndexDocument Suffix is not well formed', 'IndexDocument', suffix);
  if (config.RoutingRules !== undefined && config.RoutingRules.length === 0) throw S3Errors.malformedXml();
  for (const rule of config.RoutingRules ?? []) {
    const redirect = rule.Redirect ?? {};
    if (redirect.Protocol !== undefined && redirect.Protocol !== 'http' && redirect.Protocol !== 'https') {
      throw invalidRequest('Invalid protocol, protocol can be http or https. If not defined the protocol will be selected automatically.');
    }
    if (redirect.ReplaceKeyPrefixWith !== undefined && redirect.ReplaceKeyWith !== undefined) {
      throw invalidRequest('You can only define ReplaceKeyPrefix or ReplaceKey but not both.');
    }
    if (rule.Condition && rule.Condition.KeyPrefixEquals === undefined && rule.Condition.HttpErrorCodeReturnedEquals === undefined) {
      throw invalidRequest("Condition cannot be empty. To redirect all requests without a condition, the condition element shouldn't be present.");
    }
  }
}
