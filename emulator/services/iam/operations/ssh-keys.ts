import { createHash, createPublicKey } from 'node:crypto';
import type {
  DeleteSSHPublicKeyCommandInput,
  GetSSHPublicKeyCommandInput,
  ListSSHPublicKeysCommandInput,
  UpdateSSHPublicKeyCommandInput,
  UploadSSHPublicKeyCommandInput,
} from '@aws-sdk/client-iam';
import { AwsError } from '../../../core/errors.ts';
import { requireUser, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { IamIds } from '../ids.ts';
import { paginate } from '../paging.ts';
import type { SshPublicKey, User } from '../state.ts';
import { targetUser } from './access-keys.ts';

/** IAM's quota of SSH public keys per user. */
const MAX_KEYS_PER_USER = 5;

/** The RSA key of an OpenSSH `ssh-rsa AAAA...` line, or undefined when the text is not one (IAM accepts RSA keys only). */
function parseSshRsa(body: string): { blob: Buffer; pem: string } | undefined {
  const match = /^ssh-rsa\s+([A-Za-z0-9+/=]+)(\s.*)?$/.exec(body.trim());
  if (!match) return undefined;
  const blob = Buffer.from(match[1], 'base64');
  const fields: Buffer[] = [];
  for (let at = 0; at < blob.length && fields.length < 3; ) {
    if (at + 4 > blob.length) return undefined;
    const length = blob.readUInt32BE(at);
    if (at + 4 + length > blob.length) return undefined;
    fields.push(blob.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  if (fields.length !== 3 || fields[0].toString() !== 'ssh-rsa') return undefined;
  const unsigned = (b: Buffer) => (b[0] === 0 ? b.subarray(1) : b).toString('base64url');
  try {
    const key = createPublicKey({ key: { kty: 'RSA', e: unsigned(fields[1]), n: unsigned(fields[2]) }, format: 'jwk' });
    return { blob, pem: key.export({ type: 'spki', format: 'pem' }).toString() };
  } catch {
    return undefined;
  }
}

/** The MD5 fingerprint of the key, colon-separated, as `ssh-keygen -l -E md5` and IAM show it. */
function fingerprint(blob: Buffer): string {
  return createHash('md5').update(blob).digest('hex').match(/../g)!.join(':');
}

function keyOutput(user: User, key: SshPublicKey, encoding: 'SSH' | 'PEM') {
  return {
    UserName: user.name,
    SSHPublicKeyId: key.id,
    Fingerprint: key.fingerprint,
    SSHPublicKeyBody: encoding === 'SSH' ? key.body : parseSshRsa(key.body)!.pem,
    Status: key.status,
    UploadDate: key.uploadDate,
  };
}

function requireKey(user: User, id: string): SshPublicKey {
  const key = user.sshKeys.get(id);
  if (!key) throw IamErrors.noSuchEntity(`The Public Key with id ${id} cannot be found.`);
  return key;
}

export function uploadSSHPublicKey(input: UploadSSHPublicKeyCommandInput, ctx: IamContext) {
  const user = requireUser(ctx.state, input.UserName!);
  const parsed = parseSshRsa(input.SSHPublicKeyBody!);
  if (!parsed) throw new AwsError('UnrecognizedPublicKeyEncodingException', 'The request was rejected because the public key encoding format is unsupported or unrecognized.');
  const print = fingerprint(parsed.blob);
  if ([...user.sshKeys.values()].some((k) => k.fingerprint === print)) {
    throw new AwsError('DuplicateSSHPublicKeyException', 'The request was rejected because the SSH public key is already associated with the specified IAM user.');
  }
  if (user.sshKeys.size >= MAX_KEYS_PER_USER) throw IamErrors.limitExceeded(`Cannot exceed quota for PublicKeysPerUser: ${MAX_KEYS_PER_USER}`);
  const key: SshPublicKey = { id: IamIds.sshPublicKey(), body: input.SSHPublicKeyBody!, fingerprint: print, status: 'Active', uploadDate: ctx.emulator.clock.date() };
  user.sshKeys.set(key.id, key);
  return { SSHPublicKey: keyOutput(user, key, 'SSH') };
}

export function getSSHPublicKey(input: GetSSHPublicKeyCommandInput, ctx: IamContext) {
  const user = requireUser(ctx.state, input.UserName!);
  return { SSHPublicKey: keyOutput(user, requireKey(user, input.SSHPublicKeyId!), input.Encoding!) };
}

export function listSSHPublicKeys(input: ListSSHPublicKeysCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  const page = paginate([...user.sshKeys.values()], input);
  return {
    SSHPublicKeys: page.items.map((k) => ({ UserName: user.name, SSHPublicKeyId: k.id, Status: k.status, UploadDate: k.uploadDate })),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}

export function updateSSHPublicKey(input: UpdateSSHPublicKeyCommandInput, ctx: IamContext) {
  const user = requireUser(ctx.state, input.UserName!);
  requireKey(user, input.SSHPublicKeyId!).status = input.Status as SshPublicKey['status'];
  return {};
}

export function deleteSSHPublicKey(input: DeleteSSHPublicKeyCommandInput, ctx: IamContext) {
  const user = requireUser(ctx.state, input.UserName!);
  requireKey(user, input.SSHPublicKeyId!);
  user.sshKeys.delete(input.SSHPublicKeyId!);
  return {};
}
