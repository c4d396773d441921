// The calls LocalStack's Secrets Manager tests share (github.com/localstack/localstack,
// tests/aws/services/secretsmanager/test_secretsmanager.py, Apache-2.0), in twinstack's words.
import type { SourceStep } from '../../../verifier/port/source-types.ts';

export const NAME = 's-{{suffix}}';
/** ClientRequestTokens (the version ids): the SDKs make them up; raw requests must send them. */
export const token = (n: number) => `00000000-0000-4000-8000-{{suffix}}${String(n).padStart(6, '0')}`;

export const create = (snapshot: string, SecretString = 'my_secret'): SourceStep => ({
  op: 'CreateSecret',
  params: { Name: NAME, SecretString, ClientRequestToken: token(1) },
  snapshot,
});
export const put = (n: number, snapshot: string, VersionStages?: string[], SecretString = `value-${n}`): SourceStep => ({
  op: 'PutSecretValue',
  params: { SecretId: NAME, SecretString, ClientRequestToken: token(n), ...(VersionStages ? { VersionStages } : {}) },
  snapshot,
});
export const list = (snapshot: string, extra: Record<string, unknown> = {}): SourceStep => ({ op: 'ListSecretVersionIds', params: { SecretId: NAME, ...extra }, snapshot });
export const describe = (snapshot?: string, SecretId = NAME): SourceStep => ({ op: 'DescribeSecret', params: { SecretId }, snapshot });
export const get = (snapshot: string, extra: Record<string, unknown> = {}, SecretId = NAME): SourceStep => ({
  op: 'GetSecretValue',
  params: { SecretId, ...extra },
  snapshot,
});
/** The forced deletion the tests end with (or their cleanups run: then without a snapshot). */
export const remove = (snapshot?: string, SecretId = NAME): SourceStep => ({ op: 'DeleteSecret', params: { SecretId, ForceDeleteWithoutRecovery: true }, snapshot });
/** Moves AWSCURRENT (or another label) from version `from` to version `to` (token numbers; `to` absent: removes it). */
export const moveStage = (snapshot: string, VersionStage: string, from: number, to?: number): SourceStep => ({
  op: 'UpdateSecretVersionStage',
  params: { SecretId: NAME, VersionStage, RemoveFromVersionId: token(from), ...(to !== undefined ? { MoveToVersionId: token(to) } : {}) },
  snapshot,
});
