import type { Server as Http1Server } from 'node:http';
import type { Http2Server } from 'node:http2';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';

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
}

/** The HTTP/2 client connection preface starts with these bytes; no HTTP/1.1 request does. */
const PREFACE_START = Buffer.from('PRI', 'latin1');

/**
 * One port, two HTTP versions: the AWS SDK v3 Kinesis client speaks HTTP/2 with prior knowledge over cleartext, all
 * other clients HTTP/1.1. Each connection's first bytes decide which server gets the socket, however the client's
 * TCP writes split them.
 */
export async function listenDual(
  http1: Http1Server,
  http2: Http2Server,
  port: number,
  host: string,
  limits: ConnectionLimits = { firstByteTimeoutMs: 30_000, maxConnectionsPerClient: 512 },
): Promise<DualListener> {
  const sockets = new Set<Socket>();
  const perClient = new Map<string, number>();
  const net = createNetServer((socket) => {
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
      const length = Math.min(head.length, PREFACE_START.length);
      const couldBeHttp2 = head.subarray(0, length).equals(PREFACE_START.subarray(0, length));
      if (couldBeHttp2 && head.length < PREFACE_START.length) return; // wait for the bytes that decide
      socket.off('data', onData).off('timeout', onSilence);
      socket.setTimeout(0);
      socket.pause();
      socket.unshift(head);
      (couldBeHttp2 ? http2 : http1).emit('connection', socket);
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
