import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';

/** The on-disk format version this twinstack writes and reads. */
export const FORMAT_VERSION = 2;
const SNAPSHOT_FORMAT = 'twinstack-snapshot';
const WAL_FORMAT = 'twinstack-wal';

export class PersistenceFormatError extends Error {}

function checkHeader(header: unknown, format: string, path: string): void {
  const h = header as { format?: unknown; version?: unknown };
  if (h?.format !== format) throw new PersistenceFormatError(`${path} is not a twinstack ${format === WAL_FORMAT ? 'log' : 'snapshot'} file`);
  if (typeof h.version !== 'number' || h.version > FORMAT_VERSION) {
    throw new PersistenceFormatError(`${path} was written in format version ${String(h.version)}; this twinstack reads version ${FORMAT_VERSION} and older — use a newer twinstack or another data directory`);
  }
}

/** Writes a file so that a crash leaves either the old or the new one whole: temp file, fsync, rename, fsync dir. */
export function writeFileAtomically(path: string, content: string | Buffer): void {
  const temp = `${path}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w');
  try {
    writeAll(fd, Buffer.from(content));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  fsyncDirectory(dirname(path));
}

/** writeSync may write less than asked; this writes it all. */
export function writeAll(fd: number, data: Buffer): void {
  for (let written = 0; written < data.length; ) written += writeSync(fd, data, written, data.length - written);
}

export function fsyncDirectory(dir: string): void {
  // Windows cannot open a directory as a file (EISDIR/EPERM), and NTFS journals the entries a rename or create makes.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A snapshot: a JSON header line (format, version, last log sequence included, checksum), then the body. */
export function snapshotBytes(seq: number, body: unknown): string {
  const text = JSON.stringify(body);
  const header = { format: SNAPSHOT_FORMAT, version: FORMAT_VERSION, seq, written: new Date().toISOString(), crc32: crc32(text) };
  return `${JSON.stringify(header)}\n${text}`;
}

export function readSnapshot(path: string): { seq: number; body: unknown } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const newline = text.indexOf('\n');
  let header: { seq: number; crc32: number };
  try {
    header = JSON.parse(text.slice(0, newline < 0 ? undefined : newline));
  } catch {
    throw new PersistenceFormatError(`${path} is not a twinstack snapshot file`);
  }
  checkHeader(header, SNAPSHOT_FORMAT, path);
  const body = text.slice(newline + 1);
  if (crc32(body) !== header.crc32) throw new PersistenceFormatError(`${path} is damaged (checksum mismatch); restore it from a backup or remove it`);
  return { seq: header.seq, body: JSON.parse(body) };
}

export const WAL_HEADER = `${JSON.stringify({ format: WAL_FORMAT, version: FORMAT_VERSION })}\n`;

/** One log record: 4-byte big-endian length, 4-byte CRC-32 of the payload, the payload (JSON). */
export function walRecord(payload: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(payload));
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.writeUInt32BE(crc32(body), 4);
  return Buffer.concat([head, body]);
}

/**
 * Reads a log's records. A torn or damaged tail (a crash mid-append) ends the log there: `validBytes` says where
 * the good part ends, so the caller can cut the rest off and append after it.
 */
export function readWal(path: string): { records: unknown[]; validBytes: number; tornBytes: number } | undefined {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const newline = data.indexOf(0x0a);
  let header: unknown;
  try {
    header = JSON.parse(data.subarray(0, newline < 0 ? data.length : newline).toString('utf8'));
  } catch {
    // A crash while writing the header of a fresh log leaves nothing worth keeping.
    if (newline < 0 && data.length < WAL_HEADER.length) return { records: [], validBytes: 0, tornBytes: data.length };
    throw new PersistenceFormatError(`${path} is not a twinstack log file`);
  }
  checkHeader(header, WAL_FORMAT, path);
  const records: unknown[] = [];
  let offset = newline + 1;
  while (offset + 8 <= data.length) {
    const length = data.readUInt32BE(offset);
    const sum = data.readUInt32BE(offset + 4);
    const end = offset + 8 + length;
    if (end > data.length) break;
    const body = data.subarray(offset + 8, end);
    if (crc32(body) !== sum) break;
    records.push(JSON.parse(body.toString('utf8')));
    offset = end;
  }
  return { records, validBytes: offset, tornBytes: data.length - offset };
}
