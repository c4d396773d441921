import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { AwsError } from '../../core/errors.ts';

/**
 * Integrity headers of uploads: `Content-MD5` and the flexible checksums `x-amz-checksum-<algorithm>` (in headers or
 * aws-chunked trailers). A mismatch is AWS's `BadDigest`; the checksums are base64 of the big-endian digest.
 */

function reflectedTable(polynomial: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ polynomial : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

const CRC32C_TABLE = reflectedTable(0x82f63b78);

function crc32c(data: Buffer): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC32C_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** CRC-64/NVME (reflected polynomial 0x9a6c9329ac4bc9b5), table-driven on 32-bit halves: BigInt per byte is too slow. */
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

function crc64nvme(data: Buffer): Buffer {
  const { hi: HI, lo: LO } = CRC64_TABLE;
  let hi = 0xffffffff;
  let lo = 0xffffffff;
  for (let i = 0; i < data.length; i++) {
    const index = (lo ^ data[i]) & 0xff;
    lo = (((lo >>> 8) | (hi << 24)) ^ LO[index]) >>> 0;
    hi = ((hi >>> 8) ^ HI[index]) >>> 0;
  }
  const out = Buffer.alloc(8);
  out.writeUInt32BE((hi ^ 0xffffffff) >>> 0, 0);
  out.writeUInt32BE((lo ^ 0xffffffff) >>> 0, 4);
  return out;
}

function uint32(n: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(n);
  return out;
}

const ALGORITHMS: Record<string, { label: string; digest: (data: Buffer) => Buffer }> = {
  crc32: { label: 'CRC32', digest: (data) => uint32(crc32(data)) },
  crc32c: { label: 'CRC32C', digest: (data) => uint32(crc32c(data)) },
  crc64nvme: { label: 'CRC64NVME', digest: crc64nvme },
  sha1: { label: 'SHA1', digest: (data) => createHash('sha1').update(data).digest() },
  sha256: { label: 'SHA256', digest: (data) => createHash('sha256').update(data).digest() },
};

/** Base64 checksum of `data` with a flexible-checksum algorithm name (`CRC32`, `SHA256`, ...), if twinstack knows it. */
export function checksumOf(algorithm: string, data: Buffer): string | undefined {
  return ALGORITHMS[algorithm.toLowerCase()]?.digest(data).toString('base64');
}

/** Checks `Content-MD5` and every `x-amz-checksum-*` value against the decoded payload. */
export function verifyIntegrity(headers: Record<string, string>, payload: Buffer): void {
  const md5 = headers['content-md5'];
  if (md5 !== undefined) {
    if (Buffer.from(md5, 'base64').length !== 16) throw new AwsError('InvalidDigest', 'The Content-MD5 you specified was invalid.', { status: 400 });
    if (createHash('md5').update(payload).digest('base64') !== md5) {
      throw new AwsError('BadDigest', 'The Content-MD5 you specified did not match what we received.', { status: 400 });
    }
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith('x-amz-checksum-') || name === 'x-amz-checksum-type') continue;
    const algorithm = ALGORITHMS[name.slice('x-amz-checksum-'.length)];
    if (algorithm && algorithm.digest(payload).toString('base64') !== value) {
      throw new AwsError('BadDigest', `The ${algorithm.label} you specified did not match the calculated checksum.`, { status: 400 });
    }
  }
}
