import { createHash } from 'node:crypto';
import type { GetObjectTorrentRequest } from '@aws-sdk/client-s3';
import { S3Errors } from '../errors.ts';
import { findVersion } from '../read.ts';
import { requireBucket, type S3Context } from '../registry.ts';

/** AWS's torrents cut objects into 256 KiB pieces. */
const PIECE = 262_144;
/** Torrents exist for objects smaller than 5 GB only. */
const MAX_SIZE = 5 * 1024 ** 3;
/** The tracker AWS's torrents announced to (S3's BitTorrent seeding ended in 2022; the file format is what remains). */
const TRACKER = 'http://s3-tracker.amazonaws.com:6969/announce';

type Bencodable = number | string | Buffer | Bencodable[] | { [key: string]: Bencodable };

/** BitTorrent's bencoding: dictionaries with keys in byte order. */
function bencode(value: Bencodable): Buffer {
  if (typeof value === 'number') return Buffer.from(`i${Math.trunc(value)}e`);
  if (typeof value === 'string' || Buffer.isBuffer(value)) {
    const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value);
    return Buffer.concat([Buffer.from(`${bytes.length}:`), bytes]);
  }
  if (Array.isArray(value)) return Buffer.concat([Buffer.from('l'), ...value.map(bencode), Buffer.from('e')]);
  const keys = Object.keys(value).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return Buffer.concat([Buffer.from('d'), ...keys.flatMap((key) => [bencode(key), bencode(value[key])]), Buffer.from('e')]);
}

/** The SHA-1 of each 256 KiB piece of the body, end to end, read as it streams. */
async function pieceHashes(body: Buffer | AsyncIterable<Buffer>): Promise<Buffer> {
  const hashes: Buffer[] = [];
  let piece = createHash('sha1');
  let filled = 0;
  for await (const chunk of Buffer.isBuffer(body) ? [body] : body) {
    for (let offset = 0; offset < chunk.length; ) {
      const take = Math.min(PIECE - filled, chunk.length - offset);
      piece.update(chunk.subarray(offset, offset + take));
      filled += take;
      offset += take;
      if (filled === PIECE) {
        hashes.push(piece.digest());
        piece = createHash('sha1');
        filled = 0;
      }
    }
  }
  if (filled > 0) hashes.push(piece.digest());
  return Buffer.concat(hashes);
}

/**
 * GetObjectTorrent: a bencoded .torrent of the object, as AWS generated them (256 KiB pieces, the object's key as the
 * file name, the bucket and key in `x-amz-*` info keys, and the object's URL as a web seed), for objects under 5 GB
 * that are not SSE-C encrypted, outside directory buckets.
 */
export async function getObjectTorrent(input: GetObjectTorrentRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  if (bucket.directory) throw S3Errors.invalidRequest('This operation is not supported for directory buckets.');
  const key = input.Key ?? '';
  const object = findVersion(bucket, key, undefined, 'GET');
  if (object.encryption.SSECustomerAlgorithm) throw S3Errors.invalidRequest('Torrents are not available for objects encrypted with a customer-provided key (SSE-C).');
  if (object.body.size >= MAX_SIZE) throw S3Errors.invalidRequest('Torrents are available only for objects smaller than 5 GB.');
  const name = key.slice(key.lastIndexOf('/') + 1) || key;
  const torrent = bencode({
    announce: TRACKER,
    'announce-list': [[TRACKER]],
    info: {
      length: object.body.size,
      name,
      'piece length': PIECE,
      pieces: await pieceHashes(object.body.read()),
      'x-amz-bucket': bucket.name,
      'x-amz-key': key,
    },
    'url-list': [`${ctx.emulator.endpoint}/${bucket.name}/${key.split('/').map(encodeURIComponent).join('/')}`],
  });
  return { Body: torrent };
}
