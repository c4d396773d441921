import type { Readable } from 'node:stream';
import { RequestAborted, type IncomingBody } from '../protocols/types.ts';

/** A request body as Node's HTTP/1.1 and HTTP/2 servers deliver it. */
type BodySource = Readable & { readonly complete: boolean };

/** Wraps a request stream; nothing is read until the emulator asks, so a refused body is never buffered. */
export function incomingBody(source: BodySource, contentLength: string | undefined): IncomingBody {
  return new StreamBody(source, contentLength !== undefined && /^\d+$/.test(contentLength) ? Number(contentLength) : undefined);
}

/** One per request, so its methods live on the prototype rather than in closures made for each request. */
class StreamBody implements IncomingBody {
  private taken = false;

  constructor(
    private readonly source: BodySource,
    readonly declaredLength: number | undefined,
  ) {}

  private take(): void {
    if (this.taken) throw new Error('the request body was already read');
    this.taken = true;
  }

  read(limit: number, tooLarge: () => Error): Promise<Buffer> {
    this.take();
    return this.receive(limit, tooLarge, true);
  }

  private receive(limit: number, tooLarge: () => Error, mayWait: boolean): Promise<Buffer> {
    const { source, declaredLength: declared } = this;
    if (declared !== undefined && declared > limit) {
      return Promise.reject(tooLarge());
    }
    if (declared === 0 || source.readableEnded) return Promise.resolve(Buffer.alloc(0));
    if (source.complete && !source.readableFlowing && source.readableLength > 0) return arrived(source, limit, tooLarge);
    // Node's HTTP/1.1 parser calls the request handler as soon as the head is parsed, and parses the rest of the
    // packet (a small request's whole body) only once the handler returns: a microtask later it has mostly arrived,
    // and is taken whole without switching the stream to flowing mode.
    if (mayWait) return Promise.resolve().then(() => this.receive(limit, tooLarge, false));
    return this.flowing(limit, tooLarge);
  }

  /** Reads a body still arriving, chunk by chunk as the stream emits it. */
  private flowing(limit: number, tooLarge: () => Error): Promise<Buffer> {
    const { source } = this;
    return new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (error?: Error) => {
        source.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
        if (error) return reject(error);
        // One exact-size buffer of its own: a slice of the socket's read buffer (or of Node's shared pool) would keep
        // the whole of it alive for as long as a service stores the payload.
        const body = Buffer.allocUnsafeSlow(size);
        let offset = 0;
        for (const chunk of chunks) offset += chunk.copy(body, offset);
        resolve(body);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          source.pause();
          return finish(tooLarge());
        }
        chunks.push(chunk);
      };
      const onEnd = () => finish();
      const onError = (error: Error) => finish(new RequestAborted(error));
      const onClose = () => {
        if (!source.complete) finish(new RequestAborted());
      };
      source.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
    });
  }

  stream(limit: number, tooLarge: () => Error): AsyncIterable<Buffer> {
    this.take();
    const { source, declaredLength: declared } = this;
    return (async function* () {
      if (declared !== undefined && declared > limit) throw tooLarge();
      let size = 0;
      // Reads in paused mode rather than through the stream's own iterator, which would destroy the socket on
      // an early exit and with it the chance to answer.
      for (;;) {
        const chunk = source.read() as Buffer | null;
        if (chunk !== null) {
          size += chunk.length;
          if (size > limit) throw tooLarge();
          yield chunk;
        } else if (source.readableEnded) {
          return;
        } else {
          await readable(source);
        }
      }
    })();
  }
}

/**
 * A body that arrived whole before it was asked for (a small request comes in the packet of its headers): taken from
 * the stream's buffer at once, without switching it to flowing mode and waiting for its events.
 */
function arrived(source: BodySource, limit: number, tooLarge: () => Error): Promise<Buffer> {
  if (source.readableLength > limit) {
    source.pause();
    return Promise.reject(tooLarge());
  }
  const data = source.read() as Buffer;
  // Its own exact-size buffer, for the reason `read` copies (the data may be a slice of the socket's read buffer).
  const body = Buffer.allocUnsafeSlow(data.length);
  data.copy(body);
  return Promise.resolve(body);
}

/** Resolves when more of the body can be read or it has ended; rejects if the client went away first. */
function readable(source: BodySource): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      source.off('readable', onReadable).off('end', onReadable).off('error', onError).off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onReadable = () => settle();
    const onClose = () => settle(source.complete ? undefined : new RequestAborted());
    const onError = (error: Error) => settle(new RequestAborted(error));
    source.on('readable', onReadable).on('end', onReadable).on('error', onError).on('close', onClose);
  });
}
