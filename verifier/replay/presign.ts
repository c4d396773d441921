import { createHmac } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { ContractInteraction, PresignedUrl } from '../contract/types.ts';
import type { Credentials, PreparedRequest } from './request.ts';
import { render, type Vars } from './template.ts';

/** RFC 3986 encoding, as botocore writes a presigned URL's query (`percent_encode_sequence`). */
const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** AWS's own domains: a virtual-hosted URL there is reached directly; another target hears the bucket in the Host header. */
const AWS_HOST = /\.amazonaws\.com$/;

/** The query parameters of the signed request that S3's Signature Version 2 signs (botocore's `QSAOfInterest`). */
const V2_SUBRESOURCES = new Set([
  'accelerate', 'acl', 'cors', 'defaultObjectAcl', 'location', 'logging', 'partNumber', 'policy', 'requestPayment', 'torrent',
  'versioning', 'versionId', 'versions', 'website', 'uploads', 'uploadId', 'response-content-type', 'response-content-language',
  'response-expires', 'response-cache-control', 'response-content-disposition', 'response-content-encoding', 'delete',
  'lifecycle', 'tagging', 'restore', 'storageClass', 'notification', 'replication', 'analytics', 'metrics', 'inventory',
  'select', 'select-type', 'object-lock',
]);

/**
 * A path-style S3 request (`/bucket/key`) moved to the bucket's virtual host: on AWS `bucket.<endpoint host>`, reached
 * there; on another target the emulator name LocalStack's tests use, `bucket.s3.localhost.localstack.cloud`, which the
 * request carries as its Host while it goes to the target's own address (`host` is then set).
 */
export function virtualHosted(resourcePath: string, endpoint: URL): { url: URL; path: string; host?: string } {
  const [, bucket, rest] = /^\/([^/]+)(.*)$/.exec(resourcePath) ?? [];
  if (!bucket) throw new Error(`a virtual-hosted request needs a bucket in the path, not '${resourcePath}'`);
  const path = rest || '/';
  if (AWS_HOST.test(endpoint.hostname)) return { url: new URL(`${endpoint.protocol}//${bucket}.${endpoint.host}${path}`), path };
  return { url: new URL(`${endpoint.origin}${path}`), path, host: `${bucket}.s3.localhost.localstack.cloud${endpoint.port ? `:${endpoint.port}` : ''}` };
}

interface SignedParts {
  method: string;
  /** Host the URL names (and signs, for SigV4). */
  host: string;
  /** Path as sent, percent-encoded (`/key` on a virtual host). */
  path: string;
  /** Path-style path (`/bucket/key`): SigV2's resource. */
  resourcePath: string;
  query: Record<string, string>;
  headers: Record<string, string>;
}

class Sha256 extends Hash {
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    super('sha256', secret as never);
  }
}

/** SigV4 query authentication as botocore presigns S3 requests: headers stay signed headers, the payload unsigned. */
async function presignV4(parts: SignedParts, url: URL, region: string, credentials: Credentials, signedAt: number, expiresIn: number): Promise<Record<string, string>> {
  const signer = new SignatureV4({ service: 's3', region, credentials, sha256: Sha256, uriEscapePath: false, applyChecksum: false });
  const headers = { ...parts.headers, host: parts.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
  const presigned = await signer.presign(
    { method: parts.method, protocol: url.protocol, hostname: parts.host.replace(/:\d+$/, ''), path: parts.path, query: parts.query, headers },
    {
      expiresIn,
      signingDate: new Date(signedAt),
      unhoistableHeaders: new Set(Object.keys(headers)),
      unsignableHeaders: new Set(['x-amz-content-sha256']),
    },
  );
  return Object.fromEntries(Object.entries(presigned.query ?? {}).map(([k, v]) => [k, String(v)]));
}

/** S3's Signature Version 2 query form: HMAC-SHA1 over botocore's canonical string, with `Expires` in the Date line. */
function presignV2(parts: SignedParts, credentials: Credentials, signedAt: number, expiresIn: number): Record<string, string> {
  const expires = String(Math.floor(signedAt / 1000) + expiresIn);
  const lower = Object.fromEntries(Object.entries(parts.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const amz = Object.keys(lower)
    .filter((k) => k.startsWith('x-amz-'))
    .sort()
    .map((k) => `${k}:${lower[k].trim()}\n`)
    .join('');
  const subresources = Object.keys(parts.query)
    .filter((k) => V2_SUBRESOURCES.has(k))
    .sort()
    .map((k) => (parts.query[k] === '' ? k : `${k}=${parts.query[k]}`));
  const resource = subresources.length ? `${parts.resourcePath}?${subresources.join('&')}` : parts.resourcePath;
  const toSign = `${parts.method}\n${lower['content-md5'] ?? ''}\n${lower['content-type'] ?? ''}\n${expires}\n${amz}${resource}`;
  const signature = createHmac('sha1', credentials.secretAccessKey).update(toSign, 'utf8').digest('base64');
  return { AWSAccessKeyId: credentials.accessKeyId, Signature: signature, Expires: expires };
}

/** The scenario's variable holding when its last presigned URL was signed (for PresignedUrl.sameUrl). */
const SIGNED_AT = 'presigned:signedAt';

/**
 * The request a presigned-URL interaction sends (InteractionMeta.presign): the URL is signed now (or `signedSecondsAgo`
 * before) for the target's endpoint, region and credentials; each of its query parameters becomes `{{presigned:<name>}}`
 * for the Pact query, which lists what the test's HTTP client sent. Headers go as the test set them, unsigned.
 */
export async function presignedRequest(interaction: ContractInteraction, endpoint: string, region: string, credentials: Credentials, vars: Vars, now: number): Promise<PreparedRequest> {
  const { request } = interaction;
  const presign = interaction.comments.twinstack.presign!;
  const base = new URL(endpoint);
  const resourcePath = render(request.path, vars);
  let host = base.host;
  let path = resourcePath;
  if (presign.virtualHost) {
    const hosted = virtualHosted(resourcePath, base);
    host = hosted.host ?? hosted.url.host;
    path = hosted.path;
  }
  const renderAll = (values: Record<string, string> | undefined) => Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [render(k, vars), render(v, vars)]));
  const parts: SignedParts = { method: request.method, host, path, resourcePath, query: renderAll(presign.query), headers: renderAll(presign.headers) };
  const previous = presign.sameUrl ? vars.get(SIGNED_AT) : undefined;
  const signedAt = previous !== undefined ? Number(previous) : now - (presign.signedSecondsAgo ?? 0) * 1000;
  vars.set(SIGNED_AT, String(signedAt));
  const auth = presign.version === 'v4' ? await presignV4(parts, base, region, credentials, signedAt, presign.expiresIn) : presignV2(parts, credentials, signedAt, presign.expiresIn);
  const scoped: Vars = new Map(vars);
  for (const [name, value] of Object.entries(auth)) scoped.set(`presigned:${name}`, value);
  const query = Object.entries(request.query ?? {}).flatMap(([k, values]) => values.map((v) => `${encode(k)}=${encode(render(v, scoped))}`));
  let text = `${base.protocol}//${AWS_HOST.test(base.hostname) ? host : base.host}${path}${query.length ? `?${query.join('&')}` : ''}`;
  for (const [from, to] of presign.replace ?? []) text = text.replaceAll(from, to);
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(request.headers ?? {})) {
    // The client computes these from the body (a test's own Content-Length is overwritten by its HTTP library).
    if (!['host', 'content-length'].includes(name.toLowerCase())) headers[name.toLowerCase()] = render(values.join(', '), vars);
  }
  const body = request.body && typeof request.body.content === 'string' ? (request.body.encoded === 'base64' ? Buffer.from(request.body.content, 'base64') : render(request.body.content, vars)) : undefined;
  return { method: request.method, url: new URL(text), headers, body, ...(host !== base.host && !AWS_HOST.test(base.hostname) ? { host } : {}) };
}

/** Problems with an interaction's `presign` (validate.ts). */
export function presignProblem(presign: PresignedUrl): string | undefined {
  if (presign.version !== 'v4' && presign.version !== 'v2') return "version must be 'v4' or 'v2'";
  if (!Number.isInteger(presign.expiresIn) || presign.expiresIn < 1) return 'expiresIn must be a positive integer (seconds)';
  if (presign.signedSecondsAgo !== undefined && !(Number.isInteger(presign.signedSecondsAgo) && presign.signedSecondsAgo >= 0)) return 'signedSecondsAgo must be a whole number of seconds';
  if (presign.sameUrl !== undefined && (presign.sameUrl !== true || presign.signedSecondsAgo !== undefined)) return 'sameUrl is true or absent, and takes the earlier signing time (no signedSecondsAgo)';
  for (const field of ['query', 'headers'] as const) {
    const values = presign[field];
    if (values !== undefined && (typeof values !== 'object' || values === null || Object.values(values).some((v) => typeof v !== 'string'))) return `${field} must map names to strings`;
  }
  if (presign.replace !== undefined && !(Array.isArray(presign.replace) && presign.replace.every((r) => Array.isArray(r) && r.length === 2 && r.every((s) => typeof s === 'string' && s)))) {
    return 'replace must be a list of [from, to] strings';
  }
  return undefined;
}
