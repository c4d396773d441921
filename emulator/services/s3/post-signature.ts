import { createHmac, timingSafeEqual } from 'node:crypto';
import { AwsError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/service.ts';
import { S3Errors } from './errors.ts';

/** The fields of each POST signature version, lower-case as the form is read, with the names S3's errors give them. */
const V4_FIELDS: [string, string][] = [
  ['x-amz-algorithm', 'X-Amz-Algorithm'],
  ['x-amz-credential', 'X-Amz-Credential'],
  ['x-amz-date', 'X-Amz-Date'],
  ['x-amz-signature', 'X-Amz-Signature'],
];
const V2_FIELDS: [string, string][] = [
  ['awsaccesskeyid', 'AWSAccessKeyId'],
  ['signature', 'Signature'],
];

/** A form that has some of a version's fields must have them all. */
function complete(fields: Map<string, string>, version: [string, string][]): boolean {
  if (!version.some(([name]) => fields.has(name))) return false;
  const missing = version.find(([name]) => !fields.has(name));
  if (missing) {
    throw S3Errors.invalidArgument(`Bucket POST must contain a field named '${missing[1]}'.  If it is specified, please check the order of the fields.`, missing[1], '');
  }
  return true;
}

function mismatch(accessKeyId: string, provided: string, policy: string): AwsError {
  const bytes = [...Buffer.from(policy, 'utf8')].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return new AwsError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', {
    status: 403,
    fields: { AWSAccessKeyId: accessKeyId, StringToSign: policy, SignatureProvided: provided, StringToSignBytes: bytes },
  });
}

const hmac = (key: string | Buffer, text: string, algorithm = 'sha256') => createHmac(algorithm, key).update(text, 'utf8').digest();

/** The signature the form's key would give its policy (SigV4 POST, or SigV2's HMAC-SHA1). */
function expectedSignature(v4: boolean, secret: string, fields: Map<string, string>, policy: string): string {
  if (!v4) return hmac(secret, policy, 'sha1').toString('base64');
  const [, date = '', region = '', service = ''] = fields.get('x-amz-credential')!.split('/');
  const key = [region, service, 'aws4_request'].reduce<Buffer>((k, part) => hmac(k, part), hmac(`AWS4${secret}`, date));
  return hmac(key, policy).toString('hex');
}

/**
 * Whether a form with a policy is signed, checked as S3 does before it reads the policy: a form with some signing
 * fields of a version needs them all; one with none is anonymous, which a policy does not allow. The signature is
 * checked against the key's secret when the emulator knows it (issued and strict-mode keys); otherwise a policy
 * that is no base64 JSON document, which no signer could have made, fails as a mismatch.
 */
export function checkPostSignature(fields: Map<string, string>, policy: string, ctx: RequestContext): void {
  const v4 = complete(fields, V4_FIELDS);
  if (!v4 && !complete(fields, V2_FIELDS)) throw new AwsError('AccessDenied', 'Access Denied', { status: 403 });
  const accessKeyId = v4 ? fields.get('x-amz-credential')!.split('/')[0] : fields.get('awsaccesskeyid')!;
  const provided = fields.get(v4 ? 'x-amz-signature' : 'signature')!;
  const secret = ctx.emulator.credentials.lookup(accessKeyId)?.secretAccessKey;
  if (secret !== undefined) {
    const expected = Buffer.from(expectedSignature(v4, secret, fields, policy));
    const given = Buffer.from(provided);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw mismatch(accessKeyId, provided, policy);
    return;
  }
  if (!isPolicyText(policy)) throw mismatch(accessKeyId, provided, policy);
}

/** Base64 of a JSON object: what every POST policy signer signs. */
function isPolicyText(policy: string): boolean {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(policy) || policy.length % 4 !== 0) return false;
  try {
    const document: unknown = JSON.parse(Buffer.from(policy, 'base64').toString('utf8'));
    return typeof document === 'object' && document !== null;
  } catch {
    return false;
  }
}
