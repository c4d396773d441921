import type { Expectation, JsonPath, JsonValue, Matcher } from '../../verifier/contract/types.ts';
import { mapLeaves } from './paths.ts';

/** Credentials and other secrets a response may carry: never written, judged by shape only. */
const SECRET_KEYS: Record<string, Matcher> = {
  AccessKeyId: { match: 'regex', regex: '(?:AKIA|ASIA)[A-Z0-9]{16}' },
  SecretAccessKey: { match: 'regex', regex: '[A-Za-z0-9/+]{40}' },
  SessionToken: { match: 'type' },
  Password: { match: 'type' },
  SecretString: { match: 'type' },
  SecretBinary: { match: 'type' },
  PrivateKey: { match: 'type' },
};
/** Opaque values AWS makes fresh on every call (and that may encode account details): judged by type only. */
const OPAQUE_KEYS = /^(ReceiptHandle|NextToken|ShardIterator|NextShardIterator|ContinuationToken|NextContinuationToken|Marker|NextMarker|UploadId|VersionId|AssumedRoleId|UserId)$/;
const ACCESS_KEY = /(?:AKIA|ASIA)[A-Z0-9]{16}/g;
const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** SQS attribute timestamps (`SentTimestamp`, `CreatedTimestamp`) are epoch strings, sequence numbers long digit runs. */
const EPOCH_OR_SEQUENCE = /^\d{10,}$/;

export const REDACTED = '<redacted>';

/**
 * Turns a recorded (parsed) response into what a replay must match: secrets and per-call opaque tokens become
 * placeholders judged by shape, timestamps and sequence numbers get matchers, uuids become numbered `{{uuid:N}}`
 * templates (the same uuid twice must stay the same), and `rewrite` hides the account, region, endpoint and
 * generated names.
 */
export function expectedOutput(
  output: { [key: string]: JsonValue },
  uuids: Map<string, string>,
  rewrite: (text: string) => string,
): Pick<Expectation, 'output' | 'matchers'> {
  const matchers: Record<JsonPath, Matcher> = {};
  const judged = mapLeaves(output, (value, path, key) => {
    if (key && SECRET_KEYS[key]) {
      matchers[path] = SECRET_KEYS[key];
      return REDACTED;
    }
    if (key && OPAQUE_KEYS.test(key)) {
      matchers[path] = { match: 'type' };
      return REDACTED;
    }
    if (ISO_TIMESTAMP.test(value)) {
      matchers[path] = { match: 'timestamp' };
      return value;
    }
    if (EPOCH_OR_SEQUENCE.test(value)) {
      matchers[path] = { match: 'regex', regex: '\\d+' };
      return value;
    }
    return templateUuids(rewrite(value.replace(ACCESS_KEY, REDACTED)), uuids);
  }) as { [key: string]: JsonValue };
  return Object.keys(matchers).length ? { output: judged, matchers } : { output: judged };
}

/** Replaces each uuid with `{{uuid:N}}`, numbered in first-seen order across the whole scenario. */
export function templateUuids(text: string, uuids: Map<string, string>): string {
  return text.replace(UUID, (uuid) => {
    const key = uuid.toLowerCase();
    if (!uuids.has(key)) uuids.set(key, `{{uuid:${uuids.size + 1}}}`);
    return uuids.get(key)!;
  });
}

/** Request values under secret member names are replaced; the verifier cannot replay a secret it does not have. */
export function scrubRequestSecret(value: string, key?: string): string {
  if (key && SECRET_KEYS[key]) return REDACTED;
  return value.replace(ACCESS_KEY, REDACTED);
}
