import type { Server as Http1Server } from 'node:http';
import type { Http2Server } from 'node:http2';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';

export interface DualListener {
  port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * One port, two HTTP versions: the AWS SDK v3 Kinesis client speaks HTTP/2 with prior knowledge over cleartext, all
 * other clients HTTP/1.1. Each connection's first bytes decide which server gets the socket.
 */
export async function listenDual(http1: Http1Server, http2: Http2Server, port: number, host: string): Promise<DualListener> {
  const sockets = new Set<Socket>();
  const net = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first.subarray(0, 3).toString('latin1') === 'PRI' ? http2 : http1).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve, reject) => {
    net.once('error', reject);
    net.listen(port, host, () => resolve());
  });
  return {
    port: (net.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        net.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
