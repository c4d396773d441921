import { validationError } from '../errors.ts';

type Call = <T>(service: string, operation: string, input: object) => Promise<T>;

const PATTERN = /\{\{resolve:(ssm|ssm-secure|secretsmanager):([^}]+)\}\}/g;

async function valueOf(kind: string, reference: string, call: Call): Promise<string> {
  if (kind === 'secretsmanager') {
    // secret-id may be an ARN (with colons): the last four fields are optional and counted from its end.
    const arn = /^(arn:[^:]+:secretsmanager:[^:]*:\d*:secret:[^:]+)(?::(.*))?$/.exec(reference);
    const [secretId, rest] = arn ? [arn[1], arn[2] ?? ''] : [reference.split(':')[0], reference.split(':').slice(1).join(':')];
    const [, jsonKey = '', stage = '', versionId = ''] = rest ? rest.split(':') : [];
    const secret = await call<{ SecretString?: string }>('secretsmanager', 'GetSecretValue', {
      SecretId: secretId,
      ...(stage ? { VersionStage: stage } : {}),
      ...(versionId ? { VersionId: versionId } : {}),
    });
    const text = secret.SecretString ?? '';
    if (!jsonKey) return text;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw validationError(`Could not parse SecretString JSON for secret ${secretId}`);
    }
    const value = (parsed as Record<string, unknown>)[jsonKey];
    if (value === undefined) throw validationError(`Could not find SecretString key ${jsonKey} in secret ${secretId}`);
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
  const [name, version] = reference.split(':');
  const { Parameter } = await call<{ Parameter: { Value: string } }>('ssm', 'GetParameter', {
    Name: version ? `${name}:${version}` : name,
    WithDecryption: kind === 'ssm-secure',
  });
  return Parameter.Value;
}

/** Replaces `{{resolve:ssm:...}}`, `{{resolve:ssm-secure:...}}` and `{{resolve:secretsmanager:...}}` in resolved properties. */
export async function resolveDynamicReferences(value: unknown, call: Call): Promise<unknown> {
  if (typeof value === 'string') {
    if (!value.includes('{{resolve:')) return value;
    let out = value;
    for (const match of value.matchAll(PATTERN)) out = out.replace(match[0], await valueOf(match[1], match[2], call));
    return out;
  }
  if (Array.isArray(value)) return Promise.all(value.map((v) => resolveDynamicReferences(v, call)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await resolveDynamicReferences(v, call);
    return out;
  }
  return value;
}
