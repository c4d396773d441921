import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
// Pure JavaScript (no native addon), so that the standalone bundle carries it.
import { compress as snappy } from 'snappyjs';
import { createDigest } from '../../../protocols/rest/checksums.ts';

export type CompressionFormat = 'UNCOMPRESSED' | 'GZIP' | 'ZIP' | 'Snappy' | 'HADOOP_SNAPPY';

/** The extension Firehose gives objects of each compression format, unless the destination sets FileExtension. */
export const FILE_EXTENSIONS: Record<CompressionFormat, string> = { UNCOMPRESSED: '', GZIP: '.gz', ZIP: '.zip', Snappy: '.snappy', HADOOP_SNAPPY: '.hsnappy' };

const SNAPPY_CHUNK = 65_536;
const HADOOP_BLOCK = 256 * 1024;

function maskedCrc32c(data: Buffer): number {
  const digest = createDigest('crc32c')!;
  digest.update(data);
  const crc = digest.digest().readUInt32BE(0);
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

/** The Snappy framing format (stream identifier, then compressed chunks of at most 64 KiB with masked CRC-32C). */
function snappyFramed(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59])];
  for (let offset = 0; offset < data.length; offset += SNAPPY_CHUNK) {
    const chunk = data.subarray(offset, offset + SNAPPY_CHUNK);
    const compressed = Buffer.from(snappy(chunk));
    const header = Buffer.alloc(8);
    header[0] = 0x00;
    header.writeUIntLE(compressed.length + 4, 1, 3);
    header.writeUInt32LE(maskedCrc32c(chunk), 4);
    parts.push(header, compressed);
  }
  return Buffer.concat(parts);
}

/** Hadoop's block format (BlockCompressorStream): per block, its length and its one compressed chunk, big-endian. */
function hadoopSnappy(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += HADOOP_BLOCK) {
    const block = data.subarray(offset, offset + HADOOP_BLOCK);
    const compressed = Buffer.from(snappy(block));
    const header = Buffer.alloc(8);
    header.writeUInt32BE(block.length, 0);
    header.writeUInt32BE(compressed.length, 4);
    parts.push(header, compressed);
  }
  return Buffer.concat(parts);
}

/** Compresses an object's body; `entryName` names the one file inside a ZIP archive. */
export function compress(format: CompressionFormat, data: Buffer, entryName: string): Buffer {
  switch (format) {
    case 'GZIP':
      return gzipSync(data);
    case 'ZIP':
      return Buffer.from(zipSync({ [entryName]: data }));
    case 'Snappy':
      return snappyFramed(data);
    case 'HADOOP_SNAPPY':
      return hadoopSnappy(data);
    default:
      return data;
  }
}
