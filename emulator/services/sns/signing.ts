import { createSign, generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import type { Emulator } from '../../core/emulator.ts';

interface SigningKey {
  privateKeyPem: string;
  certificatePem: string;
}

const keys = new WeakMap<Emulator, SigningKey>();

/** Where the emulator serves its signing certificate, named as AWS names its own. */
export const CERTIFICATE_PATH = '/_twinstack/sns/SimpleNotificationService-twinstack.pem';

/**
 * The emulator's SNS signing key and its self-signed certificate, made on first use: messages are signed with it as AWS
 * signs them, so subscribers that verify signatures (with this certificate) accept them.
 */
export function signingKey(emulator: Emulator): SigningKey {
  let key = keys.get(emulator);
  if (!key) {
    const pair = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const certificate = forge.pki.createCertificate();
    certificate.publicKey = forge.pki.publicKeyFromPem(pair.publicKey);
    certificate.serialNumber = '01';
    const now = emulator.clock.date();
    certificate.validity.notBefore = new Date(now.getTime() - 86_400_000);
    certificate.validity.notAfter = new Date(now.getTime() + 10 * 365 * 86_400_000);
    const subject = [{ name: 'commonName', value: 'sns.amazonaws.com' }];
    certificate.setSubject(subject);
    certificate.setIssuer(subject);
    certificate.sign(forge.pki.privateKeyFromPem(pair.privateKey), forge.md.sha256.create());
    key = { privateKeyPem: pair.privateKey, certificatePem: forge.pki.certificateToPem(certificate) };
    keys.set(emulator, key);
  }
  return key;
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
