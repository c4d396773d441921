import { checksumOf } from '../../protocols/rest/checksums.ts';
import { S3Errors } from './errors.ts';
import { CHECKSUM_ALGORITHMS, type ChecksumAlgorithm, type StoredChecksum } from './object.ts';

/** The `Checksum<ALGORITHM>` members of S3 inputs and outputs. */
export type ChecksumMembers = Partial<Record<`Checksum${ChecksumAlgorithm}`, string>>;

/** Each algorithm's input/output member (asked on every upload: names made once). */
const CHECKSUM_MEMBERS = CHECKSUM_ALGORITHMS.map((a) => [a, `Checksum${a}`] as const);
const MEMBER_OF = Object.fromEntries(CHECKSUM_MEMBERS) as Record<ChecksumAlgorithm, `Checksum${ChecksumAlgorithm}`>;

const DIGEST_BYTES: Record<ChecksumAlgorithm, number> = { CRC32: 4, CRC32C: 4, CRC64NVME: 8, SHA1: 20, SHA256: 32 };

/**
 * Canonical base64 of each digest size (what every client sends), recognized without decoding it: other spellings
 * are decoded and judged by their length.
 */
const WELL_FORMED = Object.fromEntries(
  CHECKSUM_ALGORITHMS.map((a) => {
    const bytes = DIGEST_BYTES[a];
    const padding = (3 - (bytes % 3)) % 3;
    return [a, new RegExp(`^[A-Za-z0-9+/]{${Math.ceil((bytes * 4) / 3)}}${'='.repeat(padding)}$`)];
  }),
) as Record<ChecksumAlgorithm, RegExp>;

export function parseAlgorithm(value: string | undefined): ChecksumAlgorithm | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase() as ChecksumAlgorithm;
  if (!CHECKSUM_ALGORITHMS.includes(upper)) {
    throw S3Errors.invalidRequest('Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]');
  }
  return upper;
}

/** The one checksum value a request carries (the protocol layer has already checked it against the body). */
export function providedChecksum(input: ChecksumMembers): { algorithm: ChecksumAlgorithm; value: string } | undefined {
  let algorithm: ChecksumAlgorithm | undefined;
  let value: string | undefined;
  for (const [a, member] of CHECKSUM_MEMBERS) {
    if (input[member] === undefined) continue;
    if (value !== undefined) throw S3Errors.invalidRequest('Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
    algorithm = a;
    value = input[member];
  }
  if (algorithm === undefined || value === undefined) return undefined;
  if (!WELL_FORMED[algorithm].test(value) && Buffer.from(value, 'base64').length !== DIGEST_BYTES[algorithm]) {
    throw S3Errors.invalidRequest(`Value for x-amz-checksum-${algorithm.toLowerCase()} header is invalid.`);
  }
  return { algorithm, value };
}

/**
 * The algorithm of the full-object checksum S3 stores for an upload: the one asked for, else the one sent (in a header
 * or an announced aws-chunked trailer), else CRC64NVME, which AWS computes for every object uploaded without one.
 */
export function uploadAlgorithm(
  input: ChecksumMembers & { ChecksumAlgorithm?: string },
  headers: Readonly<Record<string, string>>,
  provided = providedChecksum(input),
): ChecksumAlgorithm {
  const requested = parseAlgorithm(input.ChecksumAlgorithm);
  const sent = provided?.algorithm ?? trailerAlgorithm(headers);
  if (requested && sent && requested !== sent) {
    throw S3Errors.invalidRequest(`Value for x-amz-checksum-${requested.toLowerCase()} header is invalid.`);
  }
  return requested ?? sent ?? 'CRC64NVME';
}

function trailerAlgorithm(headers: Readonly<Record<string, string>>): ChecksumAlgorithm | undefined {
  const trailer = headers['x-amz-trailer'];
  if (trailer === undefined) return undefined;
  const named = /x-amz-checksum-([a-z0-9]+)/i.exec(trailer)?.[1]?.toUpperCase();
  return CHECKSUM_ALGORITHMS.find((a) => a === named);
}

/** The checksum stored once the payload is read: the value sent (already verified against it), else the computed one. */
export function storedChecksum(
  input: ChecksumMembers,
  algorithm: ChecksumAlgorithm,
  computed: string,
  provided = providedChecksum(input),
): StoredChecksum {
  return { algorithm, value: provided?.algorithm === algorithm ? provided.value : computed, type: 'FULL_OBJECT' };
}

type ChecksumOutput = ChecksumMembers & { ChecksumType?: StoredChecksum['type'] };

/** Output members for a stored checksum. */
export function checksumOutput(checksum: StoredChecksum | undefined): ChecksumOutput {
  return addChecksumOutput({}, checksum);
}

/** Sets a stored checksum's output members on an output being built (no spread of a fresh object per response). */
export function addChecksumOutput<T extends object>(output: T, checksum: StoredChecksum | undefined): T & ChecksumOutput {
  const members = output as T & ChecksumOutput;
  if (checksum) {
    members[MEMBER_OF[checksum.algorithm]] = checksum.value;
    members.ChecksumType = checksum.type;
  }
  return members;
}

export { checksumOf };
