/**
 * Finds credentials in contract text before it is committed: AWS access key ids (AKIA/ASIA), a 40-character secret
 * key near one, and session tokens. Placeholders and the well-known `test` credentials do not match.
 */
export interface SecretFinding {
  kind: 'access-key-id' | 'secret-access-key' | 'session-token';
  line: number;
  excerpt: string;
}

const ACCESS_KEY = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g;
const SECRET_KEY = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g;
const SESSION_TOKEN_FIELD = /(x-amz-security-token|SessionToken|X-Amz-Security-Token)["']?\s*[:=]\s*\[?\s*["']?([A-Za-z0-9/+=%]{100,})/gi;
/** Long base64 typical of STS tokens (they start with FwoGZXIvYXdzE / IQoJb3JpZ2luX2Vj). */
const TOKEN_PREFIX = /\b(FwoGZXIvYXdzE|IQoJb3JpZ2luX2Vj)[A-Za-z0-9/+=]{50,}/g;

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function mask(value: string): string {
  return `${value.slice(0, 4)}…(${value.length} chars)`;
}

export function scanForSecrets(text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const keyLines = new Set<number>();
  for (const m of text.matchAll(ACCESS_KEY)) {
    const line = lineOf(text, m.index);
    keyLines.add(line);
    findings.push({ kind: 'access-key-id', line, excerpt: mask(m[0]) });
  }
  for (const m of text.matchAll(SECRET_KEY)) {
    const line = lineOf(text, m.index);
    // A 40-char secret only counts next to an access key id (hashes and ids are 40 chars too), unless it is labelled.
    const labelled = /secret/i.test(text.slice(Math.max(0, m.index - 40), m.index));
    const nearKey = [...keyLines].some((l) => Math.abs(l - line) <= 3);
    if ((labelled || nearKey) && /[A-Z]/.test(m[0]) && /[a-z]/.test(m[0]) && /\d/.test(m[0])) findings.push({ kind: 'secret-access-key', line, excerpt: mask(m[0]) });
  }
  for (const m of text.matchAll(SESSION_TOKEN_FIELD)) findings.push({ kind: 'session-token', line: lineOf(text, m.index), excerpt: mask(m[2]) });
  for (const m of text.matchAll(TOKEN_PREFIX)) findings.push({ kind: 'session-token', line: lineOf(text, m.index), excerpt: mask(m[0]) });
  return findings;
}

const LABELLED_SECRET = /(secret[A-Za-z_-]*["'>]?\s*[:=>]?\s*["']?)([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi;

/**
 * The text with what `scanForSecrets` looks for replaced by `<redacted>`: for text written from another endpoint's
 * answers (upstream issue drafts), which may hold credentials shaped like real ones.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(ACCESS_KEY, '<redacted-access-key-id>')
    .replace(TOKEN_PREFIX, '<redacted-session-token>')
    .replace(SESSION_TOKEN_FIELD, (m, _field: string, token: string) => m.replace(token, '<redacted-session-token>'))
    .replace(LABELLED_SECRET, (_m, label: string) => `${label}<redacted-secret-access-key>`);
}
