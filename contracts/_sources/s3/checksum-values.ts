// The `get_checksum_for_algorithm` / `checksum_crc32c` / `hash_sha256` helpers of LocalStack's S3 tests: base64 digests,
// by the AWS SDK for JavaScript's CRC-32C and CRC-64/NVME, Node's zlib CRC-32 and its hashes.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { Crc32c, Crc64Nvme } from '@aws-sdk/checksums/crc';

export async function checksumOf(algorithm: string, data: string | Buffer): Promise<string> {
  const bytes = Buffer.from(data);
  switch (algorithm) {
    case 'CRC32': {
      const out = Buffer.alloc(4);
      out.writeUInt32BE(crc32(bytes));
      return out.toString('base64');
    }
    case 'CRC32C':
    case 'CRC64NVME': {
      const hash = algorithm === 'CRC32C' ? new Crc32c() : new Crc64Nvme();
      hash.update(bytes);
      return Buffer.from(await hash.digest()).toString('base64');
    }
    default:
      return createHash(algorithm.toLowerCase()).update(bytes).digest('base64');
  }
}
