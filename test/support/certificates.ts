import forge from 'node-forge';

/** A self-signed certificate for example.com (valid 2026–2036) and its private key, both PEM. */
export function selfSigned(): { cert: string; key: string } {
  const keys = forge.pki.rsa.generateKeyPair(1024);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2036-01-01T00:00:00Z');
  cert.setSubject([{ name: 'commonName', value: 'example.com' }]);
  cert.setIssuer([{ name: 'commonName', value: 'example.com' }]);
  cert.sign(keys.privateKey);
  return { cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(keys.privateKey) };
}
