import { Crc32c, Crc64Nvme } from '@aws-sdk/checksums/crc';
import { isRepeated, repeatedBytes } from './source-types.ts';

/** The request checksums botocore computes only with awscrt (botocore[crt]), which the porter's Python does not have. */
const CRT_ALGORITHMS: Record<string, new () => { update(data: Uint8Array): void; digest(): Promise<Uint8Array> }> = { CRC32C: Crc32c, CRC64NVME: Crc64Nvme };
/** The S3 uploads whose body boto3 checksums with the algorithm named by their ChecksumAlgorithm member. */
const BODY_CHECKSUMMED = new Set(['PutObject', 'UploadPart']);

/**
 * What boto3 with awscrt adds to an upload that names a CRC32C or CRC64NVME ChecksumAlgorithm and no checksum of its
 * own: the body's checksum (computed here by the AWS SDK for JavaScript's implementation), so that botocore serializes
 * it as given instead of asking for awscrt.
 */
export async function withCrtChecksum(operation: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const algorithm = String(params.ChecksumAlgorithm ?? '').toUpperCase();
  const member = `Checksum${algorithm}`;
  if (!BODY_CHECKSUMMED.has(operation) || !Object.hasOwn(CRT_ALGORITHMS, algorithm) || member in params) return params;
  const body = params.Body ?? '';
  if (!isRepeated(body) && (typeof body !== 'string' || body.includes('{{'))) return params;
  const hash = new CRT_ALGORITHMS[algorithm]();
  hash.update(isRepeated(body) ? repeatedBytes(body) : Buffer.from(body));
  return { ...params, [member]: Buffer.from(await hash.digest()).toString('base64') };
}
