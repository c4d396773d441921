import { closeSync, createReadStream, createWriteStream, fsyncSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import type { PersistedFiles } from '../../persistence/files.ts';
import { fsyncDirectory } from '../../persistence/format.ts';
import { createDigest, type Digest } from '../../protocols/rest/checksums.ts';
import type { StreamingPayload } from '../../protocols/types.ts';

/**
 * An object's (or part's) bytes, immutable once stored: in memory as the chunks they arrived in (never one 5 GiB
 * Buffer), or in a file under the data directory. Several versions may share one body (copies): file bodies count
 * their holders and delete the file when the last lets go.
 */
export interface ObjectBody {
  readonly size: number;
  /** Bytes `start`..`end` inclusive: a Buffer when they are at hand, else a stream. */
  read(start?: number, end?: number): Buffer | AsyncIterable<Buffer>;
  retain(): ObjectBody;
  release(): void;
}

export class MemoryBody implements ObjectBody {
  readonly size: number;
  constructor(private readonly chunks: Buffer[]) {
    this.size = chunks.reduce((n, c) => n + c.length, 0);
  }

  static of(data: Buffer | string): MemoryBody {
    return new MemoryBody([Buffer.from(data)]);
  }

  read(start = 0, end = this.size - 1): Buffer | AsyncIterable<Buffer> {
    if (this.chunks.length === 1) return this.chunks[0].subarray(start, end + 1);
    if (this.chunks.length === 0) return Buffer.alloc(0);
    return slices(this.chunks, start, end);
  }

  retain(): ObjectBody {
    return this;
  }

  release(): void {}
}

async function* slices(chunks: Iterable<Buffer>, start: number, end: number): AsyncGenerator<Buffer> {
  let offset = 0;
  for (const chunk of chunks) {
    const from = Math.max(start - offset, 0);
    const to = Math.min(end + 1 - offset, chunk.length);
    if (from < to) yield chunk.subarray(from, to);
    offset += chunk.length;
    if (offset > end) return;
  }
}

/**
 * How a file body's file goes once unused, by data directory: at once, or (when state is persisted) once the write
 * that let it go is durable, so that a crash never restores an object whose file is gone.
 */
const discarders = new Map<string, (path: string) => void>();

export class FileBody implements ObjectBody {
  private holders = 1;
  constructor(
    readonly path: string,
    readonly size: number,
  ) {}

  read(start = 0, end = this.size - 1): Buffer | AsyncIterable<Buffer> {
    if (this.size === 0 || end < start) return Buffer.alloc(0);
    return createReadStream(this.path, { start, end, highWaterMark: 1024 * 1024 });
  }

  retain(): ObjectBody {
    this.holders++;
    return this;
  }

  release(): void {
    if (--this.holders > 0) return;
    const discard = discarders.get(dirname(this.path));
    if (discard) discard(this.path);
    else rmSync(this.path, { force: true });
  }
}

const EMPTY = Buffer.alloc(0);

/** Delete markers' (empty) body. */
export const EMPTY_BODY: ObjectBody = new MemoryBody([]);

/** A multipart object: its parts' bodies end to end, without copying them. */
export class ConcatBody implements ObjectBody {
  readonly size: number;
  constructor(private readonly parts: ObjectBody[]) {
    this.size = parts.reduce((n, p) => n + p.size, 0);
  }

  read(start = 0, end = this.size - 1): Buffer | AsyncIterable<Buffer> {
    const parts = this.parts;
    return (async function* () {
      let offset = 0;
      for (const part of parts) {
        const from = Math.max(start - offset, 0);
        const to = Math.min(end - offset, part.size - 1);
        if (from <= to) yield* toIterable(part.read(from, to));
        offset += part.size;
        if (offset > end) return;
      }
    })();
  }

  retain(): ObjectBody {
    this.parts.forEach((p) => p.retain());
    return this;
  }

  release(): void {
    this.parts.forEach((p) => p.release());
  }
}

async function* toIterable(data: Buffer | AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(data)) yield data;
  else yield* data;
}

/** The whole of a body, for the few places that need it at once (small documents, never object data paths). */
export async function bodyBytes(body: ObjectBody): Promise<Buffer> {
  const data = body.read();
  if (Buffer.isBuffer(data)) return data;
  const chunks: Buffer[] = [];
  for await (const chunk of data) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A digest (`md5` or a checksum algorithm) of a body, without holding it whole. */
export async function digestBody(body: ObjectBody, algorithm: string): Promise<Buffer> {
  const digest = createDigest(algorithm)!;
  for await (const chunk of toIterable(body.read())) digest.update(chunk);
  return digest.digest();
}

/** Bodies are kept in blocks of about this size (never one Buffer per 5 GiB object). */
const BLOCK_SIZE = 1024 * 1024;

/**
 * Collects chunks into exact-size blocks of its own: chunks handed over by the server may be slices of larger socket
 * reads, which a stored object must not keep alive. A small object is one copy of exactly its size, or no copy when
 * its one chunk is already a buffer of exactly its size (a body that had arrived whole, see server/body.ts).
 */
class BlockWriter {
  private readonly blocks: Buffer[] = [];
  private pending: Buffer[] = [];
  private pendingSize = 0;

  write(chunk: Buffer): void {
    this.pending.push(chunk);
    this.pendingSize += chunk.length;
    if (this.pendingSize >= BLOCK_SIZE) this.flush();
  }

  private flush(): void {
    const [only] = this.pending;
    const whole = this.pending.length === 1 && only.byteOffset === 0 && only.buffer.byteLength === only.length;
    this.blocks.push(whole ? only : exactCopy(this.pending, this.pendingSize));
    this.pending = [];
    this.pendingSize = 0;
  }

  finish(): Buffer[] {
    if (this.pendingSize) this.flush();
    return this.blocks;
  }
}

/** The chunks in one buffer of its own (Buffer.concat cuts small ones from a shared 8 KiB pool, which a kept slice pins). */
function exactCopy(chunks: Buffer[], size: number): Buffer {
  const block = Buffer.allocUnsafeSlow(size);
  let offset = 0;
  for (const chunk of chunks) offset += chunk.copy(block, offset);
  return block;
}

/**
 * Where bodies go: memory by default, files under `dataDir` when set. With persisted state (`files`), bodies are
 * files (under `dataDir` or the persistence directory) made durable before the write is acknowledged.
 */
export class BodyStore {
  private readonly dataDir?: string;
  constructor(
    dataDir: string | undefined,
    private readonly files?: PersistedFiles,
  ) {
    this.dataDir = dataDir ?? files?.dir;
    if (!this.dataDir) return;
    mkdirSync(this.dataDir, { recursive: true });
    if (files) discarders.set(this.dataDir, (path) => files.whenDurable(() => rmSync(path, { force: true })));
  }

  /** After a restore: deletes the files no restored body refers to (left by deletes the log saw, or by a crash). */
  collectGarbage(live: Set<string>): void {
    if (!this.dataDir || !this.files) return;
    for (const name of readdirSync(this.dataDir)) {
      const path = join(this.dataDir, name);
      if (!live.has(path)) rmSync(path, { force: true });
    }
  }

  /**
   * Stores a payload as it arrives (a stream, a Buffer or a string), computing its MD5 and the named checksum (an
   * upload stores at most one) on the way; the stream's own integrity checks run at its end, so a bad upload throws
   * here and stores nothing. A payload that had arrived whole, kept in memory, is stored at once (no promise).
   */
  receive(payload: unknown, algorithm?: string): Received | Promise<Received> {
    // A digest the request's own integrity check computes (the client's CRC32, a Content-MD5) is not computed twice.
    const verified = typeof (payload as StreamingPayload | undefined)?.computes === 'function' ? (payload as StreamingPayload) : undefined;
    const md5 = verified?.computes!('md5') ? undefined : createDigest('md5')!;
    const named = algorithm === undefined || verified?.computes!(algorithm.toLowerCase()) ? undefined : createDigest(algorithm)!;
    const digests = { verified, md5, named, algorithm };
    // Most payloads are streams; a Buffer or string (internal callers) is one chunk, taken without iterating.
    const whole =
      payload === undefined || payload === null
        ? [EMPTY]
        : typeof payload === 'string' || payload instanceof Uint8Array
          ? [Buffer.from(payload)]
          : this.dataDir
            ? undefined
            : verified?.arrived?.();
    if (whole && !this.dataDir) {
      const blocks = new BlockWriter();
      for (const chunk of whole) {
        md5?.update(chunk);
        named?.update(chunk);
        blocks.write(chunk);
      }
      return received(new MemoryBody(blocks.finish()), digests);
    }
    return this.receiveStream(whole ?? (payload as AsyncIterable<Buffer>), digests);
  }

  private async receiveStream(payload: Iterable<Buffer> | AsyncIterable<Buffer>, digests: Digests): Promise<Received> {
    const { md5, named } = digests;
    const file = this.dataDir ? join(this.dataDir, randomUUID()) : undefined;
    const out = file ? createWriteStream(file) : undefined;
    const blocks = out ? undefined : new BlockWriter();
    let size = 0;
    try {
      for await (const chunk of payload) {
        md5?.update(chunk);
        named?.update(chunk);
        size += chunk.length;
        if (out) {
          if (!out.write(chunk)) await once(out, 'drain');
        } else blocks!.write(chunk);
      }
      if (out) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      if (file && this.files?.sync) syncFile(file);
    } catch (error) {
      out?.destroy();
      if (file) rmSync(file, { force: true });
      throw error;
    }
    return received(file ? new FileBody(file, size) : new MemoryBody(blocks!.finish()), digests);
  }
}

/** What a stored payload gives: its body, its MD5 in hex, and the named checksum in base64. */
export interface Received {
  body: ObjectBody;
  md5: string;
  checksum?: string;
}

interface Digests {
  verified?: StreamingPayload;
  md5?: Digest;
  named?: Digest;
  algorithm?: string;
}

/** The request's check gives its digests in base64: S3's checksums as they are, the MD5 turned to hex. */
function received(body: ObjectBody, { verified, md5, named, algorithm }: Digests): Received {
  const checksum = algorithm === undefined ? undefined : named ? named.digest().toString('base64') : verified!.checksum!(algorithm.toLowerCase());
  const md5Hex = md5 ? md5.digest().toString('hex') : Buffer.from(verified!.checksum!('md5')!, 'base64').toString('hex');
  return { body, md5: md5Hex, checksum };
}

/** The file's bytes and its directory entry on disk. */
function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  fsyncDirectory(dirname(path));
}
