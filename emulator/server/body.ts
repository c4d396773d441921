import type { Readable } from 'node:stream';
import { RequestAborted, type IncomingBody } from '../protocols/types.ts';

/** A request body as Node's HTTP/1.1 and HTTP/2 servers deliver it. */
type BodySource = Readable & { readonly complete: boolean };

/** Wraps a request stream; nothing is read until the emulator asks, so a refused body is never buffered. */
export function incomingBody(source: BodySource, contentLength: string | undefined): StreamBody {
  return new StreamBody(source, contentLength !== undefined && /^\d+$/.test(contentLength) ? Number(contentLength) : undefined);
}

/** The body of every request without one: shared (it has no bytes to change). */
const NO_BODY = Buffer.alloc(0);

/** One per request, so its methods live on the prototype rather than in closures made for each request. */
export class StreamBody implements IncomingBody {
  private taken = false;
  /**
   * Whether the whole body was read: its declared length may have arrived before the end of the message is parsed,
   * and then the connection can still carry the next request although `complete` is not set yet.
   */
  received = false;

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
    if (this.declaredLength !== undefined && this.declaredLength > limit) return Promise.reject(tooLarge());
    try {
      const whole = this.arrived(limit, tooLarge);
      if (whole) return Promise.resolve(whole);
    } catch (error) {
      return Promise.reject(error);
    }
    // Node's HTTP/1.1 parser calls the request handler as soon as the head is parsed, and parses the rest of the
    // packet (a small request's whole body) only once the handler returns: a microtask later it has mostly arrived
    // (all of its declared length, though the message's end may not be parsed yet), and is taken whole without
    // switching the stream to flowing mode and waiting for its events.
    return Promise.resolve().then(() => this.arrived(limit, tooLarge) ?? this.flowing(limit, tooLarge));
  }

  takeArrived(limit: number, tooLarge: () => Error): Promise<Buffer | undefined> {
    if (this.taken) return Promise.reject(new Error('the request body was already read'));
    // As in `read`: the parser reaches the body a microtask after the head.
    return Promise.resolve().then(() => {
      const whole = this.arrived(limit, tooLarge);
      if (whole) this.take();
      return whole;
    });
  }

  /** The whole body if it has arrived (in the stream's buffer), taken at once; throws `tooLarge` past the limit. */
  private arrived(limit: number, tooLarge: () => Error): Buffer | undefined {
    const { source, declaredLength: declared } = this;
    const length = source.readableLength;
    // `complete`: the message's end is parsed, so what the stream holds is all there is (nothing, for most GETs).
    if (declared === 0 || source.readableEnded || (source.complete && length === 0)) {
      this.received = true;
      return NO_BODY;
    }
    if (length === 0 || source.readableFlowing || !(source.complete || length === declared)) return undefined;
    if (length > limit) {
      source.pause();
      throw tooLarge();
    }
    this.received = true;
    return owned(source.read() as Buffer);
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
        this.received = true;
        if (chunks.length === 1) return resolve(owned(chunks[0]));
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
      // As in `read`: a small body asked for while the parser is still at the head has arrived a microtask later.
      let waited = false;
      // Reads in paused mode rather than through the stream's own iterator, which would destroy the socket on
      // an early exit and with it the chance to answer.
      for (;;) {
        const chunk = source.read() as Buffer | null;
        if (chunk !== null) {
          size += chunk.length;
          if (size > limit) throw tooLarge();
          yield chunk;
        } else if (source.readableEnded || (source.complete && source.readableLength === 0)) {
          // `complete`: the message's end is parsed and nothing is left, though the stream has not said `end` yet.
          return;
        } else if (!waited) {
          waited = true;
          await undefined;
        } else {
          await readable(source);
        }
      }
    })();
  }
}

/**
 * A body chunk as a buffer of its own: Node's HTTP/1.1 parser already copies each body chunk into one, but a chunk cut
 * from a larger buffer (the connection's first bytes, an HTTP/2 frame) would keep all of it alive for as long as a
 * service stores the payload, so that one is copied.
 */
function owned(chunk: Buffer): Buffer {
  if (chunk.byteOffset === 0 && chunk.buffer.byteLength === chunk.length) return chunk;
  const body = Buffer.allocUnsafeSlow(chunk.length);
  chunk.copy(body);
  return body;
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
