import { validationError } from '../errors.ts';

type Call = <T>(service: string, operation: string, input: object) => Promise<T>;

/** The bucket and key an S3 object URL names, in the forms AWS accepts and in the emulator's own (path-style) form. */
export function s3Location(url: string): { bucket: string; key: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const path = decodeURIComponent(parsed.pathname.slice(1));
  // Virtual-hosted: <bucket>.s3[.-<region>].amazonaws.com, <bucket>.s3.<region>.localhost.localstack.cloud
  const hosted = /^(.+?)\.s3(?:[.-][a-z0-9-]+)?\.(?:amazonaws\.com(?:\.cn)?|localhost\.localstack\.cloud)$/.exec(parsed.hostname);
  if (hosted) return { bucket: hosted[1], key: path };
  const slash = path.indexOf('/');
  if (slash <= 0) return undefined;
  return { bucket: path.slice(0, slash), key: path.slice(slash + 1) };
}

/** The bytes of an S3 GetObject body (a Buffer, or a stream for large objects). */
export async function bodyBytes(body: unknown): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A template (or other object) read from S3 by URL, as the caller; AWS's message when it cannot be read. */
export async function readTemplateUrl(url: string, call: Call): Promise<string> {
  // An s3:// URL names no S3 domain: AWS refuses it by its host (the bucket).
  const s3Scheme = /^s3:\/\/([^/]*)/.exec(url);
  if (s3Scheme) throw validationError(`S3 error: Domain name specified in ${s3Scheme[1]} is not a valid S3 domain`);
  const location = s3Location(url);
  if (!location) throw validationError('TemplateURL must be a supported URL.');
  try {
    const object = await call<{ Body?: unknown }>('s3', 'GetObject', { Bucket: location.bucket, Key: location.key });
    return (await bodyBytes(object.Body ?? Buffer.alloc(0))).toString('utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error) throw validationError(`S3 error: Access Denied\nFor more information check http://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html`);
    throw error;
  }
}
