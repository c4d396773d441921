import { createHash, hash, type Hash } from 'node:crypto';
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import { AwsError } from '../../core/errors.ts';

/**
 * Integrity headers of uploads: `Content-MD5` and the flexible checksums `x-amz-checksum-<algorithm>` (in headers or
 * aws-chunked trailers). A mismatch is AWS's `BadDigest`; the checksums are base64 of the big-endian digest.
 */

/**
 * CRC-32C by @node-rs/crc32 (SIMD, native: ~10x the JavaScript table's speed) when it loads; the standalone bundle,
 * which carries no native modules, falls back to the table. Loaded on the first CRC-32C, by a require esbuild leaves be.
 */
let nativeCrc32c: ((data: Buffer, initial?: number) => number) | null | undefined;

function loadNativeCrc32c(): ((data: Buffer, initial?: number) => number) | null {
  if (nativeCrc32c === undefined) {
    try {
      nativeCrc32c = (createRequire(import.meta.url)('@node-rs/crc32') as { crc32c(data: Buffer, initial?: number): number }).crc32c;
    } catch {
      nativeCrc32c = null;
    }
  }
  return nativeCrc32c;
}

let crc32cTable: Uint32Array | undefined;

/** CRC-32C in JavaScript, continuing from `crc` (0 to start), as the native function does. */
export function crc32cInJs(data: Buffer, crc: number): number {
  if (!crc32cTable) {
    crc32cTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
      crc32cTable[n] = c >>> 0;
    }
  }
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = crc32cTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** CRC-64/NVME's table (reflected polynomial 0x9a6c9329ac4bc9b5) as 32-bit halves: BigInt arithmetic per byte is too slow. */
const CRC64_TABLE = (() => {
  const hi = new Uint32Array(256);
  const lo = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = BigInt(n);
    for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ 0x9a6c9329ac4bc9b5n : c >> 1n;
    hi[n] = Number(c >> 32n);
    lo[n] = Number(c & 0xffffffffn);
  }
  return { hi, lo };
})();

/** A digest fed chunk by chunk, so that streamed uploads are checked without being buffered. */
export interface Digest {
  update(data: Buffer): void;
  digest(): Buffer;
}

function uint32(n: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(n >>> 0);
  return out;
}

function crc32Digest(): Digest {
  let crc = 0;
  return { update: (data) => void (crc = crc32(data, crc)), digest: () => uint32(crc) };
}

function crc32cDigest(): Digest {
  const native = loadNativeCrc32c();
  let crc = 0;
  return {
    update: (data) => void (crc = native ? native(data, crc) : crc32cInJs(data, crc)),
    digest: () => uint32(crc),
  };
}

/** CRC-64/NVME, on two 32-bit halves. */
function crc64nvmeDigest(): Digest {
  let hi = 0xffffffff;
  let lo = 0xffffffff;
  return {
    update(data) {
      // Locals in the loop: the closure's variables read and written per byte cost ~9x (24 ms a MiB against 2.7).
      const { hi: HI, lo: LO } = CRC64_TABLE;
      let h = hi;
      let l = lo;
      for (let i = 0; i < data.length; i++) {
        const index = (l ^ data[i]) & 0xff;
        l = (((l >>> 8) | (h << 24)) ^ LO[index]) >>> 0;
        h = ((h >>> 8) ^ HI[index]) >>> 0;
      }
      hi = h;
      lo = l;
    },
    digest() {
      const out = Buffer.alloc(8);
      out.writeUInt32BE((hi ^ 0xffffffff) >>> 0, 0);
      out.writeUInt32BE((lo ^ 0xffffffff) >>> 0, 4);
      return out;
    },
  };
}

/**
 * A cryptographic hash that waits for a second chunk before it makes a Hash object: most payloads arrive in one chunk
 * (a small object), and one-shot hashing of it costs far less than a Hash stream.
 */
class LazyHash implements Digest {
  private first?: Buffer;
  private hash?: Hash;
  constructor(private readonly algorithm: string) {}

  update(data: Buffer): void {
    if (this.hash) this.hash.update(data);
    else if (this.first === undefined) this.first = data;
    else {
      this.hash = createHash(this.algorithm).update(this.first).update(data);
      this.first = undefined;
    }
  }

  digest(): Buffer {
    return this.hash ? this.hash.digest() : (hash(this.algorithm, this.first ?? EMPTY, 'buffer') as Buffer);
  }
}

const EMPTY = Buffer.alloc(0);

function hashDigest(algorithm: string): () => Digest {
  return () => new LazyHash(algorithm);
}

const ALGORITHMS: Map<string, { label: string; create: () => Digest }> = new Map([
  ['crc32', { label: 'CRC32', create: crc32Digest }],
  ['crc32c', { label: 'CRC32C', create: crc32cDigest }],
  ['crc64nvme', { label: 'CRC64NVME', create: crc64nvmeDigest }],
  ['sha1', { label: 'SHA1', create: hashDigest('sha1') }],
  ['sha256', { label: 'SHA256', create: hashDigest('sha256') }],
]);

/** An incremental digest for a flexible-checksum algorithm name (`CRC32`, ...) or `md5`, if twinstack knows it. */
export function createDigest(algorithm: string): Digest | undefined {
  const name = algorithm.toLowerCase();
  return name === 'md5' ? hashDigest('md5')() : ALGORITHMS.get(name)?.create();
}

/** Base64 checksum of `data` with a flexible-checksum algorithm name (`CRC32`, `SHA256`, ...), if twinstack knows it. */
export function checksumOf(algorithm: string, data: Buffer): string | undefined {
  const known = ALGORITHMS.get(algorithm.toLowerCase());
  if (!known) return undefined;
  const digest = known.create();
  digest.update(data);
  return digest.digest().toString('base64');
}

const CHECKSUM_PREFIX = 'x-amz-checksum-';

/** Each algorithm with its header name. */
const CHECKSUM_HEADERS = [...ALGORITHMS].map(([algorithm, known]) => [algorithm, CHECKSUM_PREFIX + algorithm, known] as const);

/** Whether an `x-amz-trailer` list names this (lower-case) header. */
function announces(trailer: string, header: string): boolean {
  return trailer.split(',').some((name) => name.trim().toLowerCase() === header);
}

/**
 * The integrity checks of one upload, fed as the payload arrives: `Content-MD5`, every `x-amz-checksum-*` value (in
 * headers, or in aws-chunked trailers announced by `x-amz-trailer`) and a hex `x-amz-content-sha256`. `verify` throws
 * AWS's error for the first mismatch.
 */
export class IntegrityCheck {
  private readonly digests = new Map<string, Digest>();
  private readonly contentSha256?: Digest;
  /** Each digest's base64 value, once `verify` has finished them. */
  private readonly results = new Map<string, string>();

  /**
   * `bodyChecksums`: whether the request's `x-amz-checksum-*` headers are digests of its body (operations with the
   * model's httpChecksum trait); elsewhere they are data of the operation (CompleteMultipartUpload's object checksum).
   */
  constructor(
    private readonly headers: Record<string, string>,
    bodyChecksums = true,
  ) {
    const md5 = headers['content-md5'];
    if (md5 !== undefined) {
      if (Buffer.from(md5, 'base64').length !== 16) {
        throw new AwsError('InvalidDigest', 'The Content-MD5 you specified was invalid.', { status: 400, fields: { 'Content-MD5': md5 } });
      }
      this.digests.set('md5', hashDigest('md5')());
    }
    if (bodyChecksums) {
      const announced = headers['x-amz-trailer'];
      for (const [algorithm, header, known] of CHECKSUM_HEADERS) {
        if (headers[header] !== undefined || (announced !== undefined && announces(announced, header))) this.digests.set(algorithm, known.create());
      }
    }
    if (/^[0-9a-f]{64}$/.test(headers['x-amz-content-sha256'] ?? '')) this.contentSha256 = hashDigest('sha256')();
  }

  update(chunk: Buffer): void {
    for (const digest of this.digests.values()) digest.update(chunk);
    this.contentSha256?.update(chunk);
  }

  /** Whether the check computes this digest (`md5`, `crc32`, `sha256`...), which `checksum` then gives. */
  computes(algorithm: string): boolean {
    return this.digests.has(algorithm) || (algorithm === 'sha256' && this.contentSha256 !== undefined);
  }

  /** A digest's base64 value, once `verify` has run. */
  checksum(algorithm: string): string | undefined {
    return this.results.get(algorithm);
  }

  /** `trailers`: headers that arrived after the payload (aws-chunked), which take part like headers. */
  verify(trailers: Record<string, string> = {}): void {
    if (this.contentSha256) {
      const sha256 = this.contentSha256.digest();
      if (sha256.toString('hex') !== this.headers['x-amz-content-sha256']) {
        throw new AwsError('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", { status: 400 });
      }
      if (!this.digests.has('sha256')) this.results.set('sha256', sha256.toString('base64'));
    }
    for (const [algorithm, digest] of this.digests) {
      const value = digest.digest().toString('base64');
      this.results.set(algorithm, value);
      if (algorithm === 'md5') {
        if (value !== this.headers['content-md5']) {
          throw new AwsError('BadDigest', 'The Content-MD5 you specified did not match what we received.', {
            status: 400,
            fields: { ExpectedDigest: this.headers['content-md5'], CalculatedDigest: value },
          });
        }
        continue;
      }
      const claimed = trailers[CHECKSUM_PREFIX + algorithm] ?? this.headers[CHECKSUM_PREFIX + algorithm];
      if (claimed !== undefined && claimed !== value) {
        throw new AwsError('BadDigest', `The ${ALGORITHMS.get(algorithm)!.label} you specified did not match the calculated checksum.`, { status: 400 });
      }
    }
  }
}
