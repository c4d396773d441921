import { generateKeyPair, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecureContext } from 'node:tls';
import { promisify } from 'node:util';
import type { pki } from 'node-forge';
import type { Emulator } from '../core/emulator.ts';
import { InternalText, type InternalRoute } from './http.ts';

/** HTTPS on the emulator's port: your own certificate, or (default) one twinstack makes and keeps. */
export interface TlsOptions {
  /** A PEM certificate (with its chain) and its PEM private key; both, or a single PEM file holding both. */
  certFile?: string;
  keyFile?: string;
}

/** A certificate or key file that cannot be used: the start stops with its message. */
export class TlsFileError extends Error {}

/** What HTTPS is served with, as files that clients (and Lambda functions) can be pointed at. */
export interface TlsIdentity {
  certificatePem: string;
  keyPem: string;
  /** The certificate to trust: twinstack's own CA, or your certificate file. */
  caFile: string;
  /** The system's trusted CAs plus `caFile`: for clients that take one bundle in place of the system's (Python). */
  caBundleFile: string;
}

/** Names every twinstack certificate covers: LocalStack's host names, this machine's loopback names and addresses. */
const DNS_NAMES = [
  'localhost',
  '*.localhost',
  'localhost.localstack.cloud',
  '*.localhost.localstack.cloud',
  '*.s3.localhost.localstack.cloud',
  '*.execute-api.localhost.localstack.cloud',
  '*.lambda-url.localhost.localstack.cloud',
];
const IP_ADDRESSES = ['127.0.0.1', '::1'];
const SYSTEM_CA_FILES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem'];
const DAY_MS = 86_400_000;

/** Node's TLS module, loaded when TLS is first used: most runs never serve HTTPS, and loading it costs start time. */
const createSecureContext: typeof import('node:tls').createSecureContext = (options) => process.getBuiltinModule('node:tls').createSecureContext(options);

const generateKeyPairAsync = promisify(generateKeyPair);
/** Certificates already made or read, per data directory ('' for this process's in-memory emulators). */
const made = new Map<string, Promise<TlsIdentity>>();
/** The TLS source of each running emulator (services read it to hand out https URLs and trust to Lambda). */
const sources = new WeakMap<Emulator, TlsSource>();

/**
 * The certificate HTTPS is served with. Nothing is made until the first TLS connection (or Lambda function, or request
 * for the certificate) needs it: making the keys costs a few hundred milliseconds, on Node's thread pool.
 */
export class TlsSource {
  private context?: Promise<SecureContext>;
  private readonly own?: Promise<TlsIdentity>;

  /** `dataDir`: where a made certificate is kept across restarts (in `tls/`); none: made once per process. */
  constructor(
    options: TlsOptions,
    private readonly dataDir?: string,
  ) {
    // Your own files are read at once, so that a bad one stops the start with a clear message.
    if (options.certFile || options.keyFile) this.own = ownIdentity(options);
  }

  identity(): Promise<TlsIdentity> {
    if (this.own) return this.own;
    const key = this.dataDir ?? '';
    let identity = made.get(key);
    if (!identity) {
      identity = this.dataDir ? keptIdentity(join(this.dataDir, 'tls')) : madeIdentity(processTlsDir());
      made.set(key, identity);
      identity.catch(() => made.delete(key));
    }
    return identity;
  }

  secureContext(): Promise<SecureContext> {
    this.context ??= this.identity().then(({ certificatePem, keyPem }) => createSecureContext({ cert: certificatePem, key: keyPem }));
    return this.context;
  }
}

export function useTls(emulator: Emulator, source: TlsSource): void {
  sources.set(emulator, source);
}

/** The emulator's endpoint over HTTPS (same host and port), or undefined when it serves no TLS. */
export function httpsEndpoint(emulator: Emulator): string | undefined {
  return sources.has(emulator) ? emulator.endpoint.replace(/^http:/, 'https:') : undefined;
}

/**
 * Environment variables that make a Lambda function's HTTPS clients trust the emulator's certificate: Node's extra CAs,
 * and the single bundles botocore, requests and OpenSSL-based clients read (system CAs included, so other hosts work).
 */
export async function trustEnvironment(emulator: Emulator): Promise<Record<string, string>> {
  const source = sources.get(emulator);
  if (!source) return {};
  const { caFile, caBundleFile } = await source.identity();
  return { NODE_EXTRA_CA_CERTS: caFile, AWS_CA_BUNDLE: caBundleFile, REQUESTS_CA_BUNDLE: caBundleFile, SSL_CERT_FILE: caBundleFile };
}

/** `GET /_twinstack/tls/certificate.pem`: the certificate to trust (as LocalStack users fetch theirs). */
export function tlsRoutes(source: TlsSource): Record<string, InternalRoute> {
  return {
    '/_twinstack/tls/certificate.pem': async () => new InternalText('application/x-pem-file', readFileSync((await source.identity()).caFile, 'utf8')),
  };
}

function ownIdentity(options: TlsOptions): Promise<TlsIdentity> {
  const certFile = options.certFile ?? options.keyFile!;
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new TlsFileError(`cannot read TLS file ${file}: ${(error as Error).message}`);
    }
  };
  const certificateText = read(certFile);
  const keyText = options.keyFile && options.keyFile !== certFile ? read(options.keyFile) : certificateText;
  const certificatePem = pemBlocks(certificateText, 'CERTIFICATE').join('');
  const keyPem = pemBlocks(keyText, 'PRIVATE KEY')[0];
  if (!certificatePem) throw new TlsFileError(`${certFile} holds no PEM certificate`);
  if (!keyPem) throw new TlsFileError(`${options.keyFile ?? certFile} holds no PEM private key`);
  try {
    createSecureContext({ cert: certificatePem, key: keyPem });
  } catch (error) {
    throw new TlsFileError(`the TLS certificate and key do not go together: ${(error as Error).message}`);
  }
  // Trust goes to a copy of the certificates alone: the file given may hold the key too.
  const dir = mkdtempSync(join(processTlsDir(), 'own-'));
  const caFile = join(dir, 'certificate.pem');
  writeFileSync(caFile, certificatePem);
  return Promise.resolve({ certificatePem, keyPem, caFile, caBundleFile: writeBundle(dir, certificatePem) });
}

/** The PEM blocks of a kind (`CERTIFICATE`; `PRIVATE KEY` also finds `RSA PRIVATE KEY` and `EC PRIVATE KEY`). */
function pemBlocks(text: string, kind: string): string[] {
  const pattern = new RegExp(`-----BEGIN ((?:[A-Z]+ )?${kind})-----[\\s\\S]+?-----END \\1-----\\s*`, 'g');
  return [...text.matchAll(pattern)].map((m) => m[0].trim() + '\n');
}

let processDir: string | undefined;
/** A private directory of this process for its certificate files, removed when it exits. */
function processTlsDir(): string {
  if (!processDir) {
    const dir = mkdtempSync(join(tmpdir(), 'twinstack-tls-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    processDir = dir;
  }
  return processDir;
}

/** The identity kept in a data directory: read when it is there and still valid for a week, else made anew. */
async function keptIdentity(dir: string): Promise<TlsIdentity> {
  const files = identityFiles(dir);
  if (existsSync(files.certificate) && existsSync(files.key) && existsSync(files.ca)) {
    const certificatePem = readFileSync(files.certificate, 'utf8');
    // Clients check certificates against their own wall clock, never the emulator's.
    if (new Date(new X509Certificate(certificatePem).validTo).getTime() > Date.now() + 7 * DAY_MS) {
      return { certificatePem, keyPem: readFileSync(files.key, 'utf8'), caFile: files.ca, caBundleFile: writeBundle(dir, readFileSync(files.ca, 'utf8')) };
    }
  }
  return madeIdentity(dir);
}

function identityFiles(dir: string) {
  return { ca: join(dir, 'twinstack-ca.pem'), certificate: join(dir, 'server.pem'), key: join(dir, 'server-key.pem') };
}

/**
 * A CA of its own signs the server certificate (as mkcert does): strict verifiers (Python 3.13, Go) refuse a
 * self-signed leaf that is also a CA. The CA's key is dropped once it has signed: nothing else can be issued with it.
 */
async function madeIdentity(dir: string): Promise<TlsIdentity> {
  // Loaded here, on the first TLS connection of a fresh data dir: node-forge is large, and start-up never needs it.
  const { default: forge } = await import('node-forge');
  const [caKey, serverKey] = await Promise.all([rsaKeyPair(), rsaKeyPair()]);
  const ca = certificate(forge, caKey.publicKey, [{ name: 'commonName', value: 'twinstack local CA' }], [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.setIssuer(ca.subject.attributes);
  ca.sign(forge.pki.privateKeyFromPem(caKey.privateKey), forge.md.sha256.create());
  const server = certificate(forge, serverKey.publicKey, [{ name: 'commonName', value: 'localhost.localstack.cloud' }], [
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [...DNS_NAMES.map((value) => ({ type: 2, value })), ...IP_ADDRESSES.map((ip) => ({ type: 7, ip }))] },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  server.setIssuer(ca.subject.attributes);
  server.sign(forge.pki.privateKeyFromPem(caKey.privateKey), forge.md.sha256.create());
  const caPem = forge.pki.certificateToPem(ca);
  const identity = { certificatePem: forge.pki.certificateToPem(server) + caPem, keyPem: serverKey.privateKey };
  const files = identityFiles(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(files.ca, caPem);
  writeFileSync(files.certificate, identity.certificatePem);
  writeFileSync(files.key, identity.keyPem, { mode: 0o600 });
  return { ...identity, caFile: files.ca, caBundleFile: writeBundle(dir, caPem) };
}

function rsaKeyPair() {
  return generateKeyPairAsync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
}

function certificate(forge: typeof import('node-forge'), publicKeyPem: string, subject: pki.CertificateField[], extensions: object[]): pki.Certificate {
  const made = forge.pki.createCertificate();
  made.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  // A positive serial of 16 random bytes (the top bit clear keeps its DER integer positive).
  made.serialNumber = '0' + randomBytes(16).toString('hex').slice(1);
  // Real time: clients judge validity by their own clock (the emulator's may be moved by tests). Under 398 days, the
  // longest validity browsers and Apple's TLS stack accept for a server certificate.
  const now = Date.now();
  made.validity.notBefore = new Date(now - DAY_MS);
  made.validity.notAfter = new Date(now + 390 * DAY_MS);
  made.setSubject(subject);
  made.setExtensions(extensions);
  return made;
}

/** The system's trusted CAs (when this machine has a bundle) followed by `caPem`, written in `dir`. */
function writeBundle(dir: string, caPem: string): string {
  const system = SYSTEM_CA_FILES.find((file) => existsSync(file));
  const bundle = join(dir, 'ca-bundle.pem');
  writeFileSync(bundle, (system ? readFileSync(system, 'utf8').trimEnd() + '\n' : '') + caPem);
  return bundle;
}
