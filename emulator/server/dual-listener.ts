import type { Server as Http1Server } from 'node:http';
import type { Http2Server } from 'node:http2';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import type { SecureContext, TLSSocket } from 'node:tls';

export interface DualListener {
  port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

export interface ConnectionLimits {
  /** A connection that sends nothing this long after it opens is closed. */
  firstByteTimeoutMs: number;
  /** Open connections one client address may hold; more are refused (closed at once). */
  maxConnectionsPerClient: number;
  /** HTTPS on the same port: the context TLS connections are served with (awaited on the first one). */
  tls?: () => Promise<SecureContext>;
}

/** The HTTP/2 client connection preface starts with these bytes; no HTTP/1.1 request does. */
const PREFACE_START = Buffer.from('PRI', 'latin1');
/** A TLS record of type handshake (the ClientHello) starts every TLS connection; no HTTP request starts so. */
const TLS_HANDSHAKE = 0x16;

/**
 * One port, two HTTP versions, with or without TLS: the AWS SDK v3 Kinesis client speaks HTTP/2 with prior knowledge
 * over cleartext, all other clients HTTP/1.1, and HTTPS clients (as on LocalStack's port) either, chosen by ALPN. Each
 * connection's first bytes decide which server gets the socket, however the client's TCP writes split them. The HTTP/2
 * server and Node's TLS module are made or loaded on the first connection that needs them (they cost start time).
 */
export async function listenDual(
  http1: Http1Server,
  http2: () => Http2Server,
  port: number,
  host: string,
  limits: ConnectionLimits = { firstByteTimeoutMs: 30_000, maxConnectionsPerClient: 512 },
): Promise<DualListener> {
  const sockets = new Set<Socket>();
  const perClient = new Map<string, number>();
  // No Nagle delay, as Node's own HTTP server sets (`noDelay` defaults to true there): a response goes out whole at once.
  const net = createNetServer({ noDelay: true }, (socket) => {
    const client = socket.remoteAddress ?? '';
    const open = (perClient.get(client) ?? 0) + 1;
    if (open > limits.maxConnectionsPerClient) {
      socket.destroy();
      return;
    }
    perClient.set(client, open);
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      const left = perClient.get(client)! - 1;
      if (left > 0) perClient.set(client, left);
      else perClient.delete(client);
    });
    socket.on('error', () => socket.destroy());
    const onSilence = () => socket.destroy();
    socket.setTimeout(limits.firstByteTimeoutMs);
    socket.once('timeout', onSilence);
    let head: Buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = head.length ? Buffer.concat([head, chunk]) : chunk;
      if (head[0] === TLS_HANDSHAKE && limits.tls) {
        socket.off('data', onData).off('timeout', onSilence);
        socket.pause();
        socket.unshift(head);
        limits.tls().then(
          (context) => serveSecure(socket, context, http1, http2, limits.firstByteTimeoutMs),
          () => socket.destroy(),
        );
        return;
      }
      const length = Math.min(head.length, PREFACE_START.length);
      const couldBeHttp2 = head.subarray(0, length).equals(PREFACE_START.subarray(0, length));
      if (couldBeHttp2 && head.length < PREFACE_START.length) return; // wait for the bytes that decide
      socket.off('data', onData).off('timeout', onSilence);
      socket.setTimeout(0);
      socket.pause();
      socket.unshift(head);
      (couldBeHttp2 ? http2() : http1).emit('connection', socket);
      process.nextTick(() => socket.resume());
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve, reject) => {
    net.once('error', reject);
    net.listen(port, host, () => resolve());
  });
  // The HTTP/1.1 server never listens itself, yet its connection tracking (headersTimeout, requestTimeout) starts on
  // 'listening': without it, slow-header connections would never be closed.
  http1.emit('listening');
  return {
    port: (net.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        net.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/**
 * TLS over a socket whose first bytes were read and put back (a TLSSocket takes over what the socket holds). Once the
 * handshake is done, ALPN's choice decides the server; the handshake must finish within `timeoutMs`.
 */
function serveSecure(socket: Socket, context: SecureContext, http1: Http1Server, http2: () => Http2Server, timeoutMs: number): void {
  const { TLSSocket } = process.getBuiltinModule('node:tls');
  const secure = new TLSSocket(socket, { isServer: true, secureContext: context, ALPNProtocols: ['h2', 'http/1.1'] });
  secure.on('error', () => secure.destroy());
  const onSilence = () => secure.destroy();
  secure.setTimeout(timeoutMs);
  secure.once('timeout', onSilence);
  secure.once('secure', () => {
    secure.off('timeout', onSilence);
    secure.setTimeout(0);
    // A tls.Server would clear this; HTTP/2 sessions wait for it before they start.
    (secure as TLSSocket & { secureConnecting: boolean }).secureConnecting = false;
    (secure.alpnProtocol === 'h2' ? http2() : http1).emit('connection', secure);
  });
  socket.resume();
}
