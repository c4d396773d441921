import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { CodeBundle } from './code.ts';

/**
 * Serves deployment packages for GetFunction's and GetLayerVersion's `Code.Location` (on AWS a presigned S3 URL):
 * a loopback listener owned by one account's and region's state, started on first use, with unguessable paths.
 */
export class CodeServer {
  private server?: Server;
  private port = 0;
  private readonly bundles = new Map<string, CodeBundle>();
  private readonly tokens = new WeakMap<CodeBundle, string>();

  async urlFor(bundle: CodeBundle): Promise<string> {
    if (!this.server) {
      const server = createServer((req, res) => {
        const found = this.bundles.get((req.url ?? '').slice(1).split('?')[0]);
        if (!found || req.method !== 'GET') {
          res.writeHead(404, { 'content-type': 'application/xml' });
          return res.end('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
        }
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(found.zip.length) });
        res.end(found.zip);
      });
      this.server = server;
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      this.port = (server.address() as AddressInfo).port;
    }
    let token = this.tokens.get(bundle);
    if (!token) {
      token = randomBytes(16).toString('hex');
      this.tokens.set(bundle, token);
      this.bundles.set(token, bundle);
    }
    return `http://127.0.0.1:${this.port}/${token}`;
  }

  close(): void {
    this.server?.close();
    this.server?.closeAllConnections();
    this.bundles.clear();
  }
}
