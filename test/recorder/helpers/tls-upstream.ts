import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTwinstack } from '../../../emulator/index.ts';

/** The stand-in upstream's account: a 12-digit access key makes the emulator act as that account. */
export const UPSTREAM_ACCOUNT = '210987654321';
export const UPSTREAM_REGION = 'eu-west-1';

export interface TlsUpstream {
  url: string;
  caFile: string;
  stop(): Promise<void>;
}

/**
 * A stand-in for AWS, since this machine cannot reach it: an emulator instance behind an HTTPS server with a
 * certificate made for this run, so the recorder takes the same TLS and re-signing path as against AWS.
 */
export async function startTlsUpstream(services: string[]): Promise<TlsUpstream> {
  const dir = mkdtempSync(join(tmpdir(), 'twinstack-upstream-'));
  const keyFile = join(dir, 'key.pem');
  const caFile = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', caFile, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const emulator = await startTwinstack({ port: 0, services, defaultRegion: UPSTREAM_REGION });
  const server = createServer({ key: readFileSync(keyFile), cert: readFileSync(caFile) }, (req, res) => {
    const forward = httpRequest({ host: '127.0.0.1', port: emulator.port, method: req.method, path: req.url, headers: req.headers }, (upstream) => {
      res.writeHead(upstream.statusCode ?? 502, upstream.headers);
      upstream.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    caFile,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulator.stop();
    },
  };
}
