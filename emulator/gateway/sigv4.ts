import { createHash, timingSafeEqual } from 'node:crypto';
import type { HttpRequest } from '@smithy/types';
import { accountRootArn } from '../core/arn.ts';
import { AwsError } from '../core/errors.ts';
import type { CredentialRegistry, IssuedCredentials } from '../core/credentials.ts';
import type { ServiceDefinition } from '../core/service.ts';
import { pathStylePath } from '../protocols/rest/virtual-host.ts';
import type { Protocol, RawRequest, RawResponse } from '../protocols/types.ts';
import { sigV2Matches, sigV2Of, stringToSign, type SigV2Request } from './sigv2.ts';

/** A key pair the emulator accepts in strict mode, besides the temporary credentials STS issues. */
export interface ConfiguredCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Default: the account the access key maps to (a 12-digit key names its account, others use the default one). */
  accountId?: string;
}

/** `AKID:SECRET[:ACCOUNT]`, comma-separated (the TWINSTACK_CREDENTIALS form). */
export function parseCredentialList(value: string): ConfiguredCredentials[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [accessKeyId, secretAccessKey, accountId] = entry.split(':');
      if (!accessKeyId || !secretAccessKey) throw new Error(`credentials entry '${entry}' is not AKID:SECRET[:ACCOUNT]`);
      if (accountId !== undefined && !/^\d{12}$/.test(accountId)) throw new Error(`account '${accountId}' is not a 12-digit account id`);
      return { accessKeyId, secretAccessKey, accountId };
    });
}

export type Failure = 'missing' | 'incomplete' | 'invalidToken' | 'expiredToken' | 'mismatch' | 'expired';
/** S3 also refuses presigned URLs sent with `x-amz-*` headers they do not sign, and SigV2 URLs short of a parameter. */
type S3Failure = Failure | 'unsignedHeaders' | 'incompleteV2';

/**
 * How AWS reports each failure: query-protocol services with their common error codes (403), JSON services with
 * Coral's exceptions (400). Other protocols (S3's REST-XML has its own codes) take the query form until they say
 * otherwise.
 */
const CODES: Record<string, Record<Failure, [code: string, status: number]>> = {
  query: {
    missing: ['MissingAuthenticationToken', 403],
    incomplete: ['IncompleteSignature', 400],
    invalidToken: ['InvalidClientTokenId', 403],
    expiredToken: ['ExpiredToken', 403],
    mismatch: ['SignatureDoesNotMatch', 403],
    expired: ['SignatureDoesNotMatch', 403],
  },
  json: {
    missing: ['MissingAuthenticationTokenException', 400],
    incomplete: ['IncompleteSignatureException', 400],
    invalidToken: ['UnrecognizedClientException', 400],
    expiredToken: ['ExpiredTokenException', 400],
    mismatch: ['InvalidSignatureException', 400],
    expired: ['InvalidSignatureException', 400],
  },
};

/**
 * S3 (rest-xml with `noErrorWrapping`) has its own authentication errors, all bare `<Error>` documents.
 * `expired` is a presigned URL past its X-Amz-Expires or a header signature outside the 15-minute window.
 */
const S3_STYLE: Record<S3Failure, [code: string, status: number, message: string]> = {
  missing: ['AccessDenied', 403, 'Access Denied'],
  incomplete: ['AuthorizationQueryParametersError', 400, 'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.'],
  invalidToken: ['InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.'],
  expiredToken: ['ExpiredToken', 400, 'The provided token has expired.'],
  mismatch: ['SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'],
  expired: ['AccessDenied', 403, 'Request has expired'],
  unsignedHeaders: ['AccessDenied', 403, 'There were headers present in the request which were not signed'],
  incompleteV2: ['AccessDenied', 403, 'Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters'],
};

/** S3's message for a malformed credential, which it gives in place of its generic one for incomplete query authentication. */
const MALFORMED_CREDENTIAL = 'Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".';

const MESSAGES: Partial<Record<Failure, string>> = {
  invalidToken: 'The security token included in the request is invalid.',
  expiredToken: 'The security token included in the request is expired',
  mismatch:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
};

class AuthFailure {
  constructor(
    readonly kind: S3Failure,
    readonly message = kind === 'unsignedHeaders' || kind === 'incompleteV2' ? '' : (MESSAGES[kind] ?? ''),
    /** S3's further `<Error>` elements (what it signed, for a mismatch; the headers not signed). */
    readonly fields: Record<string, string> = {},
  ) {}
}

/** A text as S3 shows it in `...Bytes` elements: each UTF-8 byte as two hex digits, space-separated. */
function hexBytes(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

const SKEW_MS = 15 * 60 * 1000;
/** Presigned URLs live at most a week. */
const MAX_EXPIRES = 7 * 24 * 3600;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
/** The query parameters of a presigned URL that the signer writes itself (so they are not part of the input). */
const PRESIGN_PARAMS = new Set(['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature', 'X-Amz-Security-Token']);

function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function parseAmzDate(value: string | undefined): number | undefined {
  const m = value ? AMZ_DATE.exec(value) : null;
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : undefined;
}

interface SignedRequest {
  accessKeyId: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  signedAt: number;
  sessionToken?: string;
  /** Presigned URLs only. */
  expiresIn?: number;
}

function fromAuthorizationHeader(req: RawRequest, header: string): SignedRequest | AuthFailure {
  const params = new Map<string, string>();
  for (const part of header.slice(header.indexOf(' ') + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const dateHeader = req.headers['x-amz-date'] ?? req.headers['date'];
  const missing = [
    params.has('Credential') ? '' : "Authorization header requires 'Credential' parameter. ",
    params.has('Signature') ? '' : "Authorization header requires 'Signature' parameter. ",
    params.has('SignedHeaders') ? '' : "Authorization header requires 'SignedHeaders' parameter. ",
    dateHeader ? '' : "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ",
  ].join('');
  if (missing || !header.startsWith('AWS4-HMAC-SHA256 ')) return new AuthFailure('incomplete', `${missing}Authorization=${header}`);
  const [accessKeyId, , region, service] = params.get('Credential')!.split('/');
  const signedAt = parseAmzDate(req.headers['x-amz-date']) ?? Date.parse(req.headers['date'] ?? '');
  if (!accessKeyId || !region || !service || Number.isNaN(signedAt)) {
    return new AuthFailure('incomplete', `Authorization header requires a valid 'Credential' and date. Authorization=${header}`);
  }
  return {
    accessKeyId,
    region,
    service,
    signedHeaders: params.get('SignedHeaders')!.split(';'),
    signature: params.get('Signature')!,
    signedAt,
    sessionToken: req.headers['x-amz-security-token'],
  };
}

function fromPresignedQuery(req: RawRequest): SignedRequest | AuthFailure {
  const q = req.query;
  const credential = q.get('X-Amz-Credential');
  // A credential with no scope after the key (its slashes encoded once more, `%2F`) is malformed, not missing.
  if (credential && !credential.includes('/')) return new AuthFailure('incomplete', MALFORMED_CREDENTIAL);
  const [accessKeyId, , region, service] = (credential ?? '').split('/');
  const signedAt = parseAmzDate(q.get('X-Amz-Date') ?? undefined);
  const expiresIn = Number(q.get('X-Amz-Expires') ?? '900');
  const signedHeaders = q.get('X-Amz-SignedHeaders');
  if (q.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || !accessKeyId || !region || !service || signedAt === undefined || !signedHeaders || !Number.isInteger(expiresIn)) {
    return new AuthFailure('incomplete', 'AWS query-string parameters must include X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-SignedHeaders and X-Amz-Signature.');
  }
  if (expiresIn < 1 || expiresIn > MAX_EXPIRES) {
    return new AuthFailure('incomplete', `X-Amz-Expires must be less than a week (in seconds) that is ${MAX_EXPIRES}`);
  }
  return {
    accessKeyId,
    region,
    service,
    signedHeaders: signedHeaders.split(';'),
    signature: q.get('X-Amz-Signature')!,
    signedAt,
    sessionToken: q.get('X-Amz-Security-Token') ?? undefined,
    expiresIn,
  };
}

function clockFailure(signed: SignedRequest, now: number): AuthFailure | undefined {
  if (signed.expiresIn !== undefined && now > signed.signedAt + signed.expiresIn * 1000) {
    const limit = now - signed.expiresIn * 1000;
    return new AuthFailure('expired', `Signature expired: ${amzDate(signed.signedAt)} is now earlier than ${amzDate(limit)} (${amzDate(now)} - ${signed.expiresIn} sec.)`);
  }
  if (signed.expiresIn === undefined && signed.signedAt < now - SKEW_MS) {
    return new AuthFailure('expired', `Signature expired: ${amzDate(signed.signedAt)} is now earlier than ${amzDate(now - SKEW_MS)} (${amzDate(now)} - 15 min.)`);
  }
  if (signed.signedAt > now + SKEW_MS) {
    return new AuthFailure('expired', `Signature not yet current: ${amzDate(signed.signedAt)} is still later than ${amzDate(now + SKEW_MS)} (${amzDate(now)} + 15 min.)`);
  }
  return undefined;
}

function sameSignature(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

interface Computed {
  signature: string;
  canonicalRequest: string;
  stringToSign: string;
}

/** Recomputes the signature over what arrived, with the secret the emulator knows for the key, and what it signed. */
async function expectedSignature(req: RawRequest, signed: SignedRequest, known: IssuedCredentials): Promise<Computed> {
  const headers: Record<string, string> = {};
  for (const name of signed.signedHeaders) {
    // Over HTTP/2 the AWS SDK signs the :authority pseudo-header, which the server hands over as `host`.
    const value = name === ':authority' ? req.headers['host'] : req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of req.query) {
    if (signed.expiresIn !== undefined && PRESIGN_PARAMS.has(key)) continue;
    const existing = query[key];
    query[key] = existing === undefined ? value : [existing, value].flat();
  }
  const request: HttpRequest = { method: req.method, protocol: 'http:', hostname: req.headers['host'] ?? '', path: req.path, query, headers, body: req.body };
  // Loaded with the first signature to check: only strict mode checks signatures.
  const [{ Hash }, { SignatureV4 }] = await Promise.all([import('@smithy/hash-node'), import('@smithy/signature-v4')]);
  const signer = new SignatureV4({
    credentials: { accessKeyId: known.accessKeyId, secretAccessKey: known.secretAccessKey, sessionToken: signed.sessionToken },
    region: signed.region,
    service: signed.service,
    sha256: Hash.bind(null, 'sha256'),
    // S3 signs the path as sent; every other service URI-encodes it once more.
    uriEscapePath: signed.service !== 's3',
    applyChecksum: false,
  });
  // The canonical request is kept for S3's SignatureDoesNotMatch, which shows what it signed.
  const seen = { canonicalRequest: '', stringToSign: '' };
  const internals = signer as unknown as { getSignature(date: string, scope: string, key: unknown, canonical: string): Promise<string> };
  const getSignature = internals.getSignature.bind(signer);
  internals.getSignature = (date, scope, key, canonical) => {
    seen.canonicalRequest = canonical;
    seen.stringToSign = `AWS4-HMAC-SHA256\n${date}\n${scope}\n${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
    return getSignature(date, scope, key, canonical);
  };
  const options = { signingDate: new Date(signed.signedAt), signableHeaders: new Set(signed.signedHeaders) };
  if (signed.expiresIn !== undefined) {
    // The payload hash of a presigned URL comes from X-Amz-Content-Sha256 when present; S3 URLs otherwise sign
    // UNSIGNED-PAYLOAD, other services the empty body.
    const contentSha = req.query.get('X-Amz-Content-Sha256') ?? (signed.service === 's3' ? 'UNSIGNED-PAYLOAD' : undefined);
    const presigned = await signer.presign(
      { ...request, body: undefined, headers: contentSha ? { ...headers, 'x-amz-content-sha256': contentSha } : headers },
      // The payload hash travels as a header here: neither hoisted into the query nor signed unless the client signed it.
      {
        ...options,
        expiresIn: signed.expiresIn,
        // Signed headers stay headers (the client named them in X-Amz-SignedHeaders), none moves into the query.
        unhoistableHeaders: new Set(['x-amz-content-sha256', ...signed.signedHeaders]),
        unsignableHeaders: new Set(signed.signedHeaders.includes('x-amz-content-sha256') ? [] : ['x-amz-content-sha256']),
      },
    );
    return { signature: String(presigned.query?.['X-Amz-Signature'] ?? ''), ...seen };
  }
  const result = await signer.sign(request, options);
  return { signature: /Signature=([0-9a-f]+)/.exec(String(result.headers['authorization']))?.[1] ?? '', ...seen };
}

/** The signed payload hash must be the body's (the signer trusts the header, so the body is hashed here). */
function payloadTampered(req: RawRequest): boolean {
  const claimed = req.headers['x-amz-content-sha256'];
  // A streamed payload is hashed as it arrives and refused at its end (protocols/rest/checksums.ts).
  if (req.bodyStream) return false;
  if (!claimed || claimed === 'UNSIGNED-PAYLOAD' || claimed.startsWith('STREAMING-')) return false;
  return claimed !== createHash('sha256').update(req.body).digest('hex');
}

/** S3's Signature Version 2: the key, the HMAC-SHA1 signature, and the URL's expiry or the Date header's 15 minutes. */
function checkSigV2(req: RawRequest, signed: SigV2Request, service: ServiceDefinition, registry: CredentialRegistry, now: number): AuthFailure | undefined {
  const known = registry.lookup(signed.accessKeyId);
  if (!known || (known.sessionToken !== undefined && req.headers['x-amz-security-token'] !== known.sessionToken)) return new AuthFailure('invalidToken');
  if (known.expiration && known.expiration.getTime() <= registry.now()) return new AuthFailure('expiredToken');
  if (signed.expires !== undefined) {
    if (!Number.isFinite(signed.expires) || signed.expires * 1000 < now) return new AuthFailure('expired');
  } else {
    const date = Date.parse(req.headers['x-amz-date'] ?? req.headers['date'] ?? '');
    if (!Number.isFinite(date) || Math.abs(date - now) > SKEW_MS) return new AuthFailure('expired');
  }
  const toSign = stringToSign(req, pathStylePath(req, service.model), signed);
  if (sigV2Matches(toSign, signed, known.secretAccessKey)) return undefined;
  return new AuthFailure('mismatch', undefined, { AWSAccessKeyId: signed.accessKeyId, StringToSign: toSign, SignatureProvided: signed.signature, StringToSignBytes: hexBytes(toSign) });
}

/** The `x-amz-*` headers of an S3 presigned request that its signature leaves out (the payload hash aside). */
function unsignedAmzHeaders(req: RawRequest): string[] {
  const signed = new Set((req.query.get('X-Amz-SignedHeaders') ?? '').split(';'));
  return Object.keys(req.headers)
    .filter((name) => name.startsWith('x-amz-') && name !== 'x-amz-content-sha256' && !signed.has(name))
    .sort();
}

async function check(req: RawRequest, registry: CredentialRegistry, now: number, service: ServiceDefinition): Promise<AuthFailure | undefined> {
  const s3 = service.model.metadata.noErrorWrapping;
  const v2 = s3 ? sigV2Of(req) : undefined;
  if (v2 === null) return new AuthFailure('incompleteV2');
  if (v2) return checkSigV2(req, v2, service, registry, now);
  // S3 refuses a presigned URL sent with `x-amz-*` headers it does not sign before it judges the signature.
  const unsigned = s3 && !req.headers['authorization'] && req.query.has('X-Amz-Signature') ? unsignedAmzHeaders(req) : [];
  if (unsigned.length) return new AuthFailure('unsignedHeaders', undefined, { HeadersNotSigned: unsigned.join(', ') });
  return checkSigV4(req, registry, now);
}

/**
 * What is wrong with a request's SigV4 signature (Authorization header or presigned query), or undefined when it is
 * valid: for services that judge the signatures of some requests themselves (API Gateway's IAM-authorized methods).
 */
export async function sigV4Failure(req: RawRequest, registry: CredentialRegistry, now: number): Promise<{ kind: Failure; message: string } | undefined> {
  const failure = await checkSigV4(req, registry, now);
  // Only S3's presigned URLs are refused for unsigned headers (in `check`), never here.
  return failure && { kind: failure.kind as Failure, message: failure.message };
}

async function checkSigV4(req: RawRequest, registry: CredentialRegistry, now: number): Promise<AuthFailure | undefined> {
  const header = req.headers['authorization'];
  const signed = header ? fromAuthorizationHeader(req, header) : req.query.has('X-Amz-Signature') ? fromPresignedQuery(req) : new AuthFailure('missing');
  if (signed instanceof AuthFailure) return signed;
  const known = registry.lookup(signed.accessKeyId);
  if (!known || signed.sessionToken !== known.sessionToken) return new AuthFailure('invalidToken');
  // Credentials expire in emulator time (tests move it); signatures are dated by the client's real clock.
  if (known.expiration && known.expiration.getTime() <= registry.now()) return new AuthFailure('expiredToken');
  const clock = clockFailure(signed, now);
  if (clock) return clock;
  if (payloadTampered(req)) return new AuthFailure('mismatch');
  const computed = await expectedSignature(req, signed, known);
  if (sameSignature(computed.signature, signed.signature)) return undefined;
  return new AuthFailure('mismatch', undefined, {
    AWSAccessKeyId: signed.accessKeyId,
    StringToSign: computed.stringToSign,
    SignatureProvided: signed.signature,
    StringToSignBytes: hexBytes(computed.stringToSign),
    CanonicalRequest: computed.canonicalRequest,
    CanonicalRequestBytes: hexBytes(computed.canonicalRequest),
  });
}

/** Operations AWS serves without a signature (STS AssumeRoleWithWebIdentity and AssumeRoleWithSAML). */
function allowsAnonymous(req: RawRequest, service: ServiceDefinition, protocol: Protocol): boolean {
  try {
    const op = service.model.operations[protocol.parse(req, service.model).operation];
    return op.authtype === 'none' || Boolean(op.auth?.includes('smithy.api#noAuth'));
  } catch {
    return false;
  }
}

/** Registers configured keys so that their requests act in their account, as its root user. */
export function registerConfiguredCredentials(registry: CredentialRegistry, configured: ConfiguredCredentials[]): void {
  for (const c of configured) {
    const accountId = c.accountId ?? registry.accountFor(c.accessKeyId);
    registry.register({ ...c, accountId, arn: accountRootArn(accountId, 'us-east-1'), userId: accountId });
  }
}

/**
 * Strict signature mode: every request must carry a valid SigV4 signature (Authorization header or presigned query)
 * by a configured key or by temporary credentials STS issued, with their session token, within AWS's clock limits.
 */
export class SignatureCheck {
  constructor(private readonly registry: CredentialRegistry) {}

  /** The error response for a request that fails authentication, or undefined when it may proceed. */
  async deny(req: RawRequest, service: ServiceDefinition, protocol: Protocol, requestId: string): Promise<RawResponse | undefined> {
    const failure = await check(req, this.registry, Date.now(), service);
    if (!failure || (failure.kind === 'missing' && (service.http?.servesUnsigned?.(req) || allowsAnonymous(req, service, protocol)))) return undefined;
    if (service.model.metadata.noErrorWrapping) return s3StyleDenial(failure, req, service, protocol, requestId);
    // AWS JSON in its CBOR form (Kinesis for the KPL and Java SDK v1) fails as AWS JSON does, and so does Smithy RPC
    // v2 CBOR, whose errors are AWS JSON's (`__type`) in CBOR.
    const family = protocol.name === 'json-cbor' || protocol.name === 'rpc-v2-cbor' ? 'json' : protocol.name;
    // Unsigned headers are S3's own refusal (see `check`): other services never see it.
    const [code, status] = (CODES[family] ?? CODES.query)[failure.kind as Failure];
    const message = failure.kind === 'missing' && family === 'json' ? 'Request is missing Authentication Token' : failure.message || 'Missing Authentication Token';
    // Authentication errors come from AWS's front end, not the service: JSON services report Coral's own types.
    const coral: ServiceDefinition = { ...service, jsonErrorType: (c) => `com.amazon.coral.service#${c}` };
    return protocol.serializeError(new AwsError(code, message, { status }), service.model, coral, requestId);
  }
}

/**
 * S3's answers. Unsigned requests pass: S3 serves anonymous callers where bucket policies and ACLs make resources
 * public, and judges them itself (CORS preflights, browser POST uploads signed inside their form, website endpoints).
 */
function s3StyleDenial(failure: AuthFailure, req: RawRequest, service: ServiceDefinition, protocol: Protocol, requestId: string): RawResponse | undefined {
  if (failure.kind === 'missing') return undefined;
  const [code, status, s3Message] = S3_STYLE[failure.kind];
  const presigned = req.query.has('X-Amz-Signature') || req.query.has('Signature');
  const message = failure.message === MALFORMED_CREDENTIAL ? failure.message : s3Message;
  const fields: Record<string, string> = { ...failure.fields };
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (failure.kind === 'expired' && req.query.has('X-Amz-Signature')) {
    const expires = req.query.get('X-Amz-Expires') ?? '';
    const signedAt = parseAmzDate(req.query.get('X-Amz-Date') ?? undefined) ?? 0;
    Object.assign(fields, { 'X-Amz-Expires': expires, Expires: iso(signedAt + Number(expires) * 1000), ServerTime: iso(Date.now()) });
  } else if (failure.kind === 'expired' && presigned) {
    Object.assign(fields, { Expires: iso(Number(req.query.get('Expires')) * 1000), ServerTime: iso(Date.now()) });
  }
  const error =
    failure.kind === 'expired' && !presigned
      ? new AwsError('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', { status: 403 })
      : new AwsError(code, message, { status, fields });
  return protocol.serializeError(error, service.model, service, requestId);
}
