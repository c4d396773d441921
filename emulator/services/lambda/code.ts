import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { AwsError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/service.ts';

/** AWS's deployment package limits. */
export const MAX_ZIPPED_BYTES = 52_428_800;
export const MAX_UNZIPPED_BYTES = 262_144_000;
/** A request (a zip travels base64 in the JSON body) must be smaller than this (AWS-recorded test_oversized_request_create_lambda, 2025). */
export const MAX_REQUEST_BYTES = 70_167_211;

/** The operations that upload a zip in their body, by method and path. */
const UPLOADS: [string, RegExp, string][] = [
  ['POST', /^\/2015-03-31\/functions\/?$/, 'CreateFunction'],
  ['PUT', /^\/2015-03-31\/functions\/[^/]+\/code\/?$/, 'UpdateFunctionCode'],
  ['POST', /^\/2018-10-31\/layers\/[^/]+\/versions\/?$/, 'PublishLayerVersion'],
];

/** AWS's refusal of an upload request over its size limit; other requests keep the emulator's default answer. */
export function uploadTooLarge(req: { method: string; path: string }): AwsError | undefined {
  const upload = UPLOADS.find(([method, path]) => req.method === method && path.test(req.path));
  if (!upload) return undefined;
  return new AwsError('RequestEntityTooLargeException', `Request must be smaller than ${MAX_REQUEST_BYTES} bytes for the ${upload[2]} operation`, { status: 413 });
}

/** A deployment package or layer archive as uploaded: the zip, its digest and where it was unpacked (once needed). */
export interface CodeBundle {
  zip: Buffer;
  /** Base64 SHA-256 of the zip, as CodeSha256 reports it. */
  sha256: string;
  size: number;
  unzippedSize: number;
  /** Directory the zip was extracted to, on first use. */
  dir?: string;
}

const unzipError = () => new AwsError('InvalidParameterValueException', 'Could not unzip uploaded file. Please check your file, then try to upload again.');

/** Checks an uploaded zip (AWS's size limits, readable archive) without unpacking its contents. */
export function acceptZip(zip: Buffer | Uint8Array): CodeBundle {
  const data = Buffer.from(zip);
  if (data.length > MAX_ZIPPED_BYTES) {
    throw new AwsError('RequestEntityTooLargeException', `Zipped size must be smaller than ${MAX_ZIPPED_BYTES} bytes`, { status: 413 });
  }
  let unzippedSize = 0;
  try {
    // The filter sees each entry's header before inflating; refusing all of them reads only the directory.
    unzipSync(data, {
      filter(file) {
        unzippedSize += file.originalSize;
        return false;
      },
    });
  } catch {
    throw unzipError();
  }
  if (unzippedSize >= MAX_UNZIPPED_BYTES) {
    throw new AwsError('InvalidParameterValueException', `Unzipped size must be smaller than ${MAX_UNZIPPED_BYTES} bytes`);
  }
  return { zip: data, sha256: createHash('sha256').update(data).digest('base64'), size: data.length, unzippedSize };
}

/**
 * Unpacks a bundle under `root` (once) and returns the directory. Entries that would land outside it are skipped.
 * Files are made executable: fflate does not expose the zip's Unix modes, and a provided runtime's `bootstrap` must run.
 */
export function unpack(bundle: CodeBundle, root: string): string {
  if (bundle.dir) return bundle.dir;
  const final = join(root, createHash('sha256').update(bundle.zip).digest('hex').slice(0, 32));
  // Functions with the same zip share its directory: unpacked once, never rewritten under a running handler.
  if (existsSync(final)) return (bundle.dir = final);
  const dir = `${final}.unpacking`;
  mkdirSync(dir, { recursive: true });
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bundle.zip);
  } catch {
    throw unzipError();
  }
  for (const [name, content] of Object.entries(files)) {
    const target = resolve(dir, name);
    if (!target.startsWith(dir + sep)) continue;
    if (name.endsWith('/')) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content, { mode: 0o755 });
  }
  // Complete before it is visible: a handler never sees a half-written package.
  renameSync(dir, final);
  bundle.dir = final;
  return final;
}

/** A deployment package from S3 (S3Bucket/S3Key), read through S3's GetObject as the caller, with AWS's error wording. */
export async function s3Object(ctx: RequestContext, bucket: string, key: string, versionId?: string): Promise<Buffer> {
  if (!ctx.emulator.serviceNames().includes('s3')) {
    throw new AwsError('InvalidParameterValueException', 'Code in S3 (S3Bucket/S3Key) needs the S3 service, which is not enabled in this twinstack.');
  }
  let out: { Body?: Buffer | AsyncIterable<Buffer> };
  try {
    out = await ctx.emulator.call('s3', 'GetObject', { Bucket: bucket, Key: key, VersionId: versionId }, { caller: ctx.caller, region: ctx.region });
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    throw new AwsError('InvalidParameterValueException', `Error occurred while GetObject. S3 Error Code: ${error.code}. S3 Error Message: ${error.message}`);
  }
  if (!out.Body || Buffer.isBuffer(out.Body)) return out.Body ?? Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of out.Body) chunks.push(chunk);
  return Buffer.concat(chunks);
}
