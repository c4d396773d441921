import { createSign, generateKeyPair, generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import type { Emulator } from '../../core/emulator.ts';

interface SigningKey {
  privateKeyPem: string;
  certificatePem: string;
}

const keys = new WeakMap<Emulator, SigningKey>();
const making = new WeakMap<Emulator, Promise<SigningKey>>();

const generateKeyPairAsync = promisify(generateKeyPair);
const KEY_OPTIONS = {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
} as const;

/** Where the emulator serves its signing certificate, named as AWS names its own. */
export const CERTIFICATE_PATH = '/_twinstack/sns/SimpleNotificationService-twinstack.pem';

/**
 * The emulator's SNS signing key and its self-signed certificate: messages are signed with it as AWS signs them, so
 * subscribers that verify signatures (with this certificate) accept them. Generating an RSA key costs most of a
 * second, so it is made on Node's thread pool when SNS first keeps state, and the operations that sign await it
 * (`withSigningKey`): no request waits on the event loop for it.
 */
export function prepareSigningKey(emulator: Emulator): Promise<SigningKey> {
  const made = keys.get(emulator);
  if (made) return Promise.resolve(made);
  let promise = making.get(emulator);
  if (!promise) {
    promise = generateKeyPairAsync('rsa', KEY_OPTIONS).then(({ publicKey, privateKey }) => keep(emulator, publicKey, privateKey));
    making.set(emulator, promise);
  }
  return promise;
}

/** The key for signing now; made on the spot (blocking) only by a path that did not await `prepareSigningKey`. */
export function signingKey(emulator: Emulator): SigningKey {
  const made = keys.get(emulator);
  if (made) return made;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', KEY_OPTIONS);
  return keep(emulator, publicKey, privateKey);
}

/** The first key made for an emulator is its key for good. */
function keep(emulator: Emulator, publicKeyPem: string, privateKeyPem: string): SigningKey {
  const made = keys.get(emulator);
  if (made) return made;
  const key = { privateKeyPem, certificatePem: selfSigned(emulator, publicKeyPem, privateKeyPem) };
  keys.set(emulator, key);
  return key;
}

/** A self-signed certificate for the key: node-forge builds it, Node's crypto signs it (forge's own RSA is slow JS). */
function selfSigned(emulator: Emulator, publicKeyPem: string, privateKeyPem: string): string {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  certificate.serialNumber = '01';
  const now = emulator.clock.date();
  certificate.validity.notBefore = new Date(now.getTime() - 86_400_000);
  certificate.validity.notAfter = new Date(now.getTime() + 10 * 365 * 86_400_000);
  const subject = [{ name: 'commonName', value: 'sns.amazonaws.com' }];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.siginfo.algorithmOid = certificate.signatureOid = forge.pki.oids.sha256WithRSAEncryption;
  const tbs = (forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate(certificate);
  certificate.tbsCertificate = tbs;
  certificate.signature = cryptoSign('sha256', Buffer.from(forge.asn1.toDer(tbs).getBytes(), 'binary'), privateKeyPem).toString('binary');
  return forge.pki.certificateToPem(certificate);
}

/**
 * Wraps the handlers that sign (publishing, confirmations) so that they first await the emulator's signing key; with
 * `maySign`, only the requests it says may sign wait (a key is made in the background on SNS's first use, which can
 * take a second on a busy machine).
 */
export function withSigningKey<I, C extends { emulator: Emulator }, O>(handler: (input: I, ctx: C) => O, maySign?: (input: I, ctx: C) => boolean) {
  return async (input: I, ctx: C): Promise<Awaited<O>> => {
    if (!maySign || maySign(input, ctx)) await prepareSigningKey(ctx.emulator);
    return await handler(input, ctx);
  };
}

/** The fields AWS signs, in its order, for each message type. */
const SIGNED_FIELDS: Record<string, string[]> = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
  UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
};

/** The canonical string of a message: each present signed field's name and value, one per line. */
export function stringToSign(message: Record<string, unknown>): string {
  let text = '';
  for (const field of SIGNED_FIELDS[String(message.Type)] ?? []) {
    if (message[field] !== undefined && message[field] !== null) text += `${field}\n${String(message[field])}\n`;
  }
  return text;
}

/** Signature of a message: SHA1withRSA for SignatureVersion 1, SHA256withRSA for 2, base64. */
export function sign(emulator: Emulator, message: Record<string, unknown>, version: '1' | '2'): string {
  return createSign(version === '2' ? 'RSA-SHA256' : 'RSA-SHA1')
    .update(stringToSign(message), 'utf8')
    .sign(signingKey(emulator).privateKeyPem, 'base64');
}

export function certificateUrl(emulator: Emulator): string {
  return `${emulator.endpoint}${CERTIFICATE_PATH}`;
}
